import { bulkInsert, type DemoDataset, type DemoOrder, type Queryable } from '@supply-graph/shared';
import { refreshStockAlerts } from '../modules/alerts/refresh-stock-alerts';

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
 * movements from the start. Alerts are raised for whatever the seed leaves low.
 */
export async function seedInventory(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query(
    'TRUNCATE stock_alert, channel_quota, backorder, stock_movement, allocation, stock_level, product, warehouse, outbox, inbox, aggregate_version',
  );
  const orders = new Map(data.orders.map((o) => [o.id, o]));
  await bulkInsert(
    db,
    'warehouse',
    [
      { name: 'id', type: 'uuid' },
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'region', type: 'text' },
      { name: 'city', type: 'text' },
      { name: 'latitude', type: 'float8' },
      { name: 'longitude', type: 'float8' },
    ],
    data.warehouses.map((w) => [w.id, w.code, w.name, w.region, w.city, w.latitude, w.longitude]),
  );
  await bulkInsert(
    db,
    'product',
    [
      { name: 'sku', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'price', type: 'numeric' },
      { name: 'weight_grams', type: 'int4' },
    ],
    data.products.map((p) => [p.sku, p.name, p.price, p.weightGrams]),
  );
  await bulkInsert(
    db,
    'stock_level',
    [
      { name: 'sku', type: 'text' },
      { name: 'warehouse_id', type: 'uuid' },
      { name: 'on_hand', type: 'int4' },
      { name: 'reserved', type: 'int4' },
      { name: 'safety_stock', type: 'int4' },
    ],
    data.stockLevels.map((s) => [s.sku, s.warehouseId, s.onHand, s.reserved, s.safetyStock]),
  );
  await bulkInsert(
    db,
    'allocation',
    [
      { name: 'id', type: 'uuid' },
      { name: 'order_id', type: 'uuid' },
      { name: 'sku', type: 'text' },
      { name: 'warehouse_id', type: 'uuid' },
      { name: 'quantity', type: 'int4' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'released_at', type: 'timestamptz' },
      { name: 'channel', type: 'text' },
      { name: 'shipped_at', type: 'timestamptz' },
      { name: 'returned_at', type: 'timestamptz' },
    ],
    data.allocations.map((a) => {
      const order = orders.get(a.orderId);
      // Shipped units are marked, so a later scan cannot ship them again and a return can put them back once.
      const shippedAt =
        order && SHIPPED_STATUSES.has(order.status) ? (statusAt(order, 'SHIPPED') ?? a.createdAt) : null;
      const returnedAt = order?.status === 'RETURNED' ? statusAt(order, 'RETURNED') : null;
      return [
        a.id,
        a.orderId,
        a.sku,
        a.warehouseId,
        a.quantity,
        a.createdAt,
        a.releasedAt,
        order?.channel ?? null,
        shippedAt,
        returnedAt,
      ];
    }),
  );
  // Units shipped before the seed are not on the ledger: the opening balance is today's on-hand,
  // received before the oldest reservation; the reservations of ALLOCATED orders follow.
  const firstAllocation = data.allocations.reduce((t, a) => Math.min(t, a.createdAt.getTime()), Date.now());
  const openedAt = new Date(firstAllocation - 60_000);
  const live = data.allocations.filter((a) => orders.get(a.orderId)?.status === 'ALLOCATED' && !a.releasedAt);
  await bulkInsert(
    db,
    'stock_movement',
    [
      { name: 'sku', type: 'text' },
      { name: 'warehouse_id', type: 'uuid' },
      { name: 'kind', type: 'text' },
      { name: 'quantity', type: 'int4' },
      { name: 'reason', type: 'text' },
      { name: 'order_id', type: 'uuid' },
      { name: 'at', type: 'timestamptz' },
    ],
    [
      ...data.stockLevels.map((s) => [
        s.sku,
        s.warehouseId,
        'RECEIVE',
        s.onHand,
        'demo opening balance',
        null,
        openedAt,
      ]),
      ...live.map((a) => [
        a.sku,
        a.warehouseId,
        'RESERVE',
        a.quantity,
        `reserved for order ${a.orderId}`,
        a.orderId,
        a.createdAt,
      ]),
    ],
  );
  await refreshStockAlerts(
    db,
    data.products.map((p) => p.sku),
  );
}

/** When the order last entered a status, from its history. */
function statusAt(order: DemoOrder, status: string): Date | null {
  const entry = [...order.history].reverse().find((h) => h.to === status);
  return entry?.at ?? null;
}
