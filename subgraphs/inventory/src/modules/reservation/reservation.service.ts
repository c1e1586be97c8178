import { randomUUID } from 'node:crypto';
import {
  affectedRows,
  insertRows,
  type ColumnTypes,
  type EventTransaction,
  type OrderPlaced,
} from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import { refreshStockAlerts } from '../alerts/refresh-stock-alerts';
import { fulfilledRows, recordDemand, shortRows, warehouseSites } from '../planning/demand/demand-record';
import {
  onHandBySku,
  orderPools,
  poolAllocations,
  poolMissing,
  poolStockOptions,
  type LockedStock,
} from '../presale/presale-pools';
import { describeShortfalls, priorityShortfalls } from '../quota/channel-priority.rule';
import { unitsAhead } from '../quota/priority-queue';
import { addHeld, lockQuotas } from '../quota/quota-counter';
import { describeBreaches, quotaBreaches } from '../quota/quota-rule';
import type { InventoryStrategies } from '../../strategies';
import { packReservation } from '../packing/packing.service';
import type { WarehouseSite } from './routing/routing-strategy';
import { emitStockBackordered, emitStockReserved } from './stock-events';

export type ReservationOutcome = 'reserved' | 'backordered' | 'already-allocated';

export type MovementKind = 'RESERVE' | 'RELEASE' | 'SHIP' | 'RETURN';

/** Units of one SKU in one warehouse that a movement records; presale units are their own pool. */
export interface MovementRow {
  sku: string;
  warehouseId: string;
  quantity: number;
  presale?: boolean;
}

// One statement per pool: a presale allocation can only touch presale columns, and the other way round.
const RESERVE_SQL = {
  regular: `UPDATE stock_level SET reserved = reserved + $3, updated_at = now()
            WHERE sku = $1 AND warehouse_id = $2 AND on_hand - reserved - safety_stock >= $3`,
  presale: `UPDATE stock_level SET presale_reserved = presale_reserved + $3, updated_at = now()
            WHERE sku = $1 AND warehouse_id = $2 AND presale_on_hand - presale_reserved >= $3`,
};

/** The columns of `allocation` a reservation sets (`created_at` is the transaction's time). */
interface AllocationInsert {
  id: string;
  order_id: string;
  sku: string;
  warehouse_id: string;
  quantity: number;
  reason: string;
  channel: string;
  presale: boolean;
}

const ALLOCATION_COLUMNS: ColumnTypes<AllocationInsert> = {
  id: 'uuid',
  order_id: 'uuid',
  sku: 'text',
  warehouse_id: 'uuid',
  quantity: 'int',
  reason: 'text',
  channel: 'text',
  presale: 'boolean',
};

/** The columns of `stock_movement` a movement sets (`at` is the transaction's time). */
interface MovementInsert {
  sku: string;
  warehouse_id: string;
  kind: MovementKind;
  quantity: number;
  reason: string;
  order_id: string;
  presale: boolean;
  return_id: string | null;
}

const MOVEMENT_COLUMNS: ColumnTypes<MovementInsert> = {
  sku: 'text',
  warehouse_id: 'uuid',
  kind: 'text',
  quantity: 'int',
  reason: 'text',
  order_id: 'uuid',
  presale: 'boolean',
  return_id: 'uuid',
};

/** The order's SKUs, sorted: the order stock rows are locked in. */
export const skusOf = (order: Pick<OrderPlaced, 'lines'>): string[] =>
  [...new Set(order.lines.map((l) => l.sku))].sort();

/**
 * Reserves stock for an order, or queues it as a backorder, then brings the
 * SKUs' stock alerts up to date. The stock rows of the order's SKUs are
 * locked (in a fixed order, so concurrent orders never deadlock), then the
 * channel's quota rows, before anything is planned, and the plan is applied
 * in the same transaction: two orders racing for the last units (or the last
 * units of a quota) serialise on the rows, and `reserved <= on_hand` is also a
 * CHECK in the table. Overselling is impossible by construction, not by luck.
 * Units that waiting orders of a higher-priority channel need are not taken
 * (quota/channel-priority.rule.ts): the order waits behind them.
 */
export async function reserveForOrder(
  tx: EventTransaction,
  order: OrderPlaced,
  strategies: InventoryStrategies,
): Promise<ReservationOutcome> {
  const outcome = await reserveOne(tx, order, strategies);
  if (outcome !== 'already-allocated') await refreshStockAlerts(tx.manager, skusOf(order));
  return outcome;
}

/**
 * Serialises every decision about one order: two deliveries of its placement
 * (or a placement and a release) arriving together would otherwise both find
 * it unallocated and both reserve. Held to the end of the transaction, taken
 * again by the same transaction at no cost; keyed by schema, so another
 * subgraph locking the same order id in the same database is not held up.
 */
export async function lockOrder(tx: EventTransaction, orderId: string): Promise<void> {
  await tx.manager.query(ORDER_LOCK_SQL.wait, [orderId]);
}

/** `lockOrder` unless another transaction holds the order: then false, and that one decides on it. */
export async function tryLockOrder(tx: EventTransaction, orderId: string): Promise<boolean> {
  const [row] = (await tx.manager.query(ORDER_LOCK_SQL.try, [orderId])) as { locked: boolean }[];
  return row.locked;
}

const ORDER_LOCK_KEY = "hashtextextended(current_schema() || '.order:' || $1, 0)";
const ORDER_LOCK_SQL = {
  wait: `SELECT pg_advisory_xact_lock(${ORDER_LOCK_KEY})`,
  try: `SELECT pg_try_advisory_xact_lock(${ORDER_LOCK_KEY}) AS locked`,
};

/**
 * Locks every stock row of these SKUs (all warehouses), in the one order
 * every writer follows. Paths that add stock and then offer it to waiting
 * orders take it first: offering locks all of a SKU's rows, and a writer
 * holding just one of them would deadlock with another holding a second.
 */
export async function lockSkuStock(manager: EntityManager, skus: string[]): Promise<void> {
  if (skus.length)
    await manager.query('SELECT 1 FROM stock_level WHERE sku = ANY($1) ORDER BY sku, warehouse_id FOR UPDATE', [skus]);
}

/** `reserveForOrder` without the alert refresh, for callers that refresh once after many orders. */
export async function reserveOne(
  tx: EventTransaction,
  order: OrderPlaced,
  strategies: InventoryStrategies,
): Promise<ReservationOutcome> {
  const { manager } = tx;
  // Before the check below: it only means something while no other transaction can be deciding on the order.
  await lockOrder(tx, order.orderId);
  const active = await manager.query('SELECT 1 FROM allocation WHERE order_id = $1 AND released_at IS NULL LIMIT 1', [
    order.orderId,
  ]);
  if (active.length) return 'already-allocated';
  const stock = (await manager.query(
    `SELECT sku, warehouse_id AS "warehouseId", on_hand AS "onHand", on_hand - reserved - safety_stock AS available,
            presale_on_hand - presale_reserved AS "presaleAvailable"
     FROM stock_level WHERE sku = ANY($1) ORDER BY sku, warehouse_id FOR UPDATE`,
    [skusOf(order)],
  )) as LockedStock[];
  const pools = orderPools(order.lines);
  // Quota rows after stock rows: the lock order every writer follows.
  const quotas = pools.regularDemand.size
    ? await lockQuotas(manager, order.channel, [...pools.regularDemand.keys()])
    : [];
  const breaches = quotaBreaches(quotas, pools.regularDemand, onHandBySku(stock));
  if (breaches.length) {
    const missing = breaches.map((b) => ({ sku: b.sku, quantity: b.over }));
    return backorder(tx, order, missing, describeBreaches(order.channel, breaches), stock);
  }
  // Units that waiting orders of higher-priority channels need are not this order's to take.
  const { priority, ahead } = await unitsAhead(manager, order, skusOf(order));
  const shortfalls = priorityShortfalls(pools, stock, ahead);
  if (shortfalls.length) {
    const missing = shortfalls.map((s) => ({ sku: s.sku, quantity: s.missing }));
    return backorder(tx, order, missing, describeShortfalls(order.channel, priority, shortfalls), stock);
  }
  const warehouses = (await manager.query(
    'SELECT id, code, city, latitude, longitude FROM warehouse',
  )) as (WarehouseSite & { city: string })[];
  const plan = strategies.routing.plan(
    { lines: pools.routingLines, destination: order.shippingAddress },
    poolStockOptions(stock, pools),
    warehouses,
  );
  if (!plan.ok) return backorder(tx, order, poolMissing(plan.missing, pools), plan.reason, stock);

  const allocations = poolAllocations(plan.allocations, pools).map((a) => ({ ...a, allocationId: randomUUID() }));
  for (const a of allocations) {
    const reserved = await manager.query(a.presale ? RESERVE_SQL.presale : RESERVE_SQL.regular, [
      a.sku,
      a.warehouseId,
      a.quantity,
    ]);
    // Cannot happen under the row locks above; if it ever does, roll everything back.
    if (affectedRows(reserved) !== 1) throw new Error(`stock for ${a.sku} at ${a.warehouseId} changed under a lock`);
  }
  await insertRows<AllocationInsert>(
    manager,
    'allocation',
    ALLOCATION_COLUMNS,
    allocations.map((a) => ({
      id: a.allocationId,
      order_id: order.orderId,
      sku: a.sku,
      warehouse_id: a.warehouseId,
      quantity: a.quantity,
      reason: plan.reason,
      channel: order.channel,
      presale: a.presale,
    })),
    { computed: { created_at: 'now()' } },
  );
  await recordMovements(tx, 'RESERVE', order.orderId, allocations, `reserved for order ${order.orderId}`);
  await addHeld(manager, order.channel, quotas, pools.regularDemand);
  await manager.query('DELETE FROM backorder WHERE order_id = $1', [order.orderId]);
  const used = warehouses
    .filter((w) => allocations.some((a) => a.warehouseId === w.id))
    .map((w) => ({
      id: w.id,
      code: w.code,
      city: w.city,
      latitude: Number(w.latitude),
      longitude: Number(w.longitude),
    }));
  const packages = await packReservation(tx, order, allocations, strategies.packing);
  await emitStockReserved(tx, order, allocations, used, plan.reason, packages);
  // A backordered order filled now was demand (short) when it was placed: recordDemand keeps that first record.
  await recordDemand(manager, order, fulfilledRows(allocations));
  return 'reserved';
}

/**
 * Queues the order (once) and says why. A retry that fails again for another
 * reason (stock now, a quota before) updates the reason without announcing the
 * order a second time. The first time, its units go into the demand history as
 * unmet, against the warehouses that would have served them.
 */
async function backorder(
  tx: EventTransaction,
  order: OrderPlaced,
  missing: { sku: string; quantity: number }[],
  reason: string,
  stock: LockedStock[],
): Promise<ReservationOutcome> {
  const rows = (await tx.manager.query(
    `INSERT INTO backorder (order_id, request, created_at, reason) VALUES ($1, $2, now(), $3)
     ON CONFLICT (order_id) DO UPDATE SET reason = EXCLUDED.reason
       WHERE backorder.reason IS DISTINCT FROM EXCLUDED.reason
     RETURNING (xmax = 0) AS inserted`,
    [order.orderId, JSON.stringify(order), reason],
  )) as { inserted: boolean }[];
  if (rows[0]?.inserted) {
    await emitStockBackordered(tx, order.orderId, missing, reason);
    await recordDemand(tx.manager, order, shortRows(order, stock, await warehouseSites(tx.manager)));
  }
  return 'backordered';
}

/** Appends movements to the stock ledger, in the caller's transaction. */
export async function recordMovements(
  tx: EventTransaction,
  kind: MovementKind,
  orderId: string,
  rows: MovementRow[],
  reason: string,
  returnId: string | null = null,
): Promise<void> {
  if (!rows.length) return;
  await insertRows<MovementInsert>(
    tx.manager,
    'stock_movement',
    MOVEMENT_COLUMNS,
    rows.map((r) => ({
      sku: r.sku,
      warehouse_id: r.warehouseId,
      kind,
      quantity: r.quantity,
      reason,
      order_id: orderId,
      presale: r.presale === true,
      return_id: returnId,
    })),
    { computed: { at: 'now()' } },
  );
}
