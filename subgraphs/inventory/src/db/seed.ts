import { DEMO_BOXES, insertRows, type DemoDataset, type DemoOrder, type Queryable } from '@supply-graph/shared';
import { refreshStockAlerts } from '../modules/alerts/refresh-stock-alerts';
import { seedDemandHistory } from '../modules/planning/demand/demand-seed';
import { seedPromotions } from '../modules/planning/promotion/promotion-seed';

const SHIPPED_STATUSES = new Set(['SHIPPED', 'DELIVERED', 'RETURNED']);

/** True when the inventory schema holds no product yet. */
export async function inventoryEmpty(db: Queryable): Promise<boolean> {
  const rows = (await db.query('SELECT NOT EXISTS (SELECT 1 FROM product) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/**
 * Writes the inventory's part of the demo data set: warehouses, products, stock
 * levels, allocations (with their channel, and when they shipped or came
 * back), and the ledger that explains the opening stock: one RECEIVE movement
 * per stock level for its on-hand units and one RESERVE movement per live
 * allocation of an ALLOCATED order, so every level equals the sum of its
 * movements from the start. Alerts are raised for whatever the seed leaves low,
 * and the demand history and the promotions it follows are written for the planning module.
 */
export async function seedInventory(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query(
    'TRUNCATE packing_plan, warehouse_box, promotion, demand_daily, demand_line, stock_alert, channel_quota, backorder, stock_movement, stock_transfer, ' +
      'return_receipt, ' +
      'allocation, stock_level, product, warehouse, outbox, inbox, aggregate_version, planning_policy, safety_stock_plan, ' +
      'safety_stock_change, safety_stock_run',
  );
  const orders = new Map(data.orders.map((o) => [o.id, o]));
  await insertRows(
    db,
    'warehouse',
    { id: 'uuid', code: 'text', name: 'text', region: 'text', city: 'text', latitude: 'float8', longitude: 'float8' },
    data.warehouses.map((w) => ({
      id: w.id,
      code: w.code,
      name: w.name,
      region: w.region,
      city: w.city,
      latitude: w.latitude,
      longitude: w.longitude,
    })),
  );
  await insertRows(
    db,
    'product',
    {
      sku: 'text',
      name: 'text',
      price: 'numeric',
      weight_grams: 'int4',
      length_mm: 'int4',
      width_mm: 'int4',
      height_mm: 'int4',
    },
    data.products.map((p) => ({
      sku: p.sku,
      name: p.name,
      price: p.price,
      weight_grams: p.weightGrams,
      length_mm: p.dimensionsMm[0],
      width_mm: p.dimensionsMm[1],
      height_mm: p.dimensionsMm[2],
    })),
  );
  await insertRows(
    db,
    'warehouse_box',
    {
      warehouse_id: 'uuid',
      code: 'text',
      length_mm: 'int4',
      width_mm: 'int4',
      height_mm: 'int4',
      max_weight_grams: 'int4',
      tare_grams: 'int4',
      is_default: 'boolean',
    },
    data.warehouses.flatMap((w) =>
      DEMO_BOXES.map((b) => ({
        warehouse_id: w.id,
        code: b.code,
        length_mm: b.lengthMm,
        width_mm: b.widthMm,
        height_mm: b.heightMm,
        max_weight_grams: b.maxWeightGrams,
        tare_grams: b.tareGrams,
        is_default: b.isDefault,
      })),
    ),
  );
  await insertRows(
    db,
    'stock_level',
    { sku: 'text', warehouse_id: 'uuid', on_hand: 'int4', reserved: 'int4', safety_stock: 'int4' },
    data.stockLevels.map((s) => ({
      sku: s.sku,
      warehouse_id: s.warehouseId,
      on_hand: s.onHand,
      reserved: s.reserved,
      safety_stock: s.safetyStock,
    })),
  );
  await insertRows(
    db,
    'allocation',
    {
      id: 'uuid',
      order_id: 'uuid',
      sku: 'text',
      warehouse_id: 'uuid',
      quantity: 'int4',
      created_at: 'timestamptz',
      released_at: 'timestamptz',
      channel: 'text',
      shipped_at: 'timestamptz',
      returned_at: 'timestamptz',
    },
    data.allocations.map((a) => {
      const order = orders.get(a.orderId);
      // Shipped units are marked, so a later scan cannot ship them again and a return can put them back once.
      const shippedAt =
        order && SHIPPED_STATUSES.has(order.status) ? (statusAt(order, 'SHIPPED') ?? a.createdAt) : null;
      return {
        id: a.id,
        order_id: a.orderId,
        sku: a.sku,
        warehouse_id: a.warehouseId,
        quantity: a.quantity,
        created_at: a.createdAt,
        released_at: a.releasedAt,
        channel: order?.channel ?? null,
        shipped_at: shippedAt,
        returned_at: order?.status === 'RETURNED' ? statusAt(order, 'RETURNED') : null,
      };
    }),
  );
  // Units shipped before the seed are not on the ledger: the opening balance is today's on-hand,
  // received before the oldest reservation; the reservations of ALLOCATED orders follow.
  const firstAllocation = data.allocations.reduce((t, a) => Math.min(t, a.createdAt.getTime()), Date.now());
  const openedAt = new Date(firstAllocation - 60_000);
  const live = data.allocations.filter((a) => orders.get(a.orderId)?.status === 'ALLOCATED' && !a.releasedAt);
  await insertRows(
    db,
    'stock_movement',
    {
      sku: 'text',
      warehouse_id: 'uuid',
      kind: 'text',
      quantity: 'int4',
      reason: 'text',
      order_id: 'uuid',
      at: 'timestamptz',
    },
    [
      ...data.stockLevels.map((s) => ({
        sku: s.sku,
        warehouse_id: s.warehouseId,
        kind: 'RECEIVE',
        quantity: s.onHand,
        reason: 'demo opening balance',
        order_id: null as string | null,
        at: openedAt,
      })),
      ...live.map((a) => ({
        sku: a.sku,
        warehouse_id: a.warehouseId,
        kind: 'RESERVE',
        quantity: a.quantity,
        reason: `reserved for order ${a.orderId}`,
        order_id: a.orderId,
        at: a.createdAt,
      })),
    ],
  );
  await refreshStockAlerts(
    db,
    data.products.map((p) => p.sku),
  );
  await seedDemandHistory(db, data);
  await seedPromotions(db, data);
}

/** When the order last entered a status, from its history. */
function statusAt(order: DemoOrder, status: string): Date | null {
  const entry = [...order.history].reverse().find((h) => h.to === status);
  return entry?.at ?? null;
}
