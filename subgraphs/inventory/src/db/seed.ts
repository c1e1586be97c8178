import { bulkInsert, type DemoDataset, type Queryable } from '@supply-graph/shared';

/** True when the inventory schema holds no product yet. */
export async function inventoryEmpty(db: Queryable): Promise<boolean> {
  const rows = (await db.query('SELECT NOT EXISTS (SELECT 1 FROM product) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/**
 * Writes the inventory's part of the demo data set: warehouses, products, stock
 * levels, allocations, and one RECEIVE movement per stock level so the ledger
 * explains every opening on-hand quantity.
 */
export async function seedInventory(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query('TRUNCATE backorder, stock_movement, allocation, stock_level, product, warehouse, outbox, inbox');
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
    ],
    data.allocations.map((a) => [a.id, a.orderId, a.sku, a.warehouseId, a.quantity, a.createdAt, a.releasedAt]),
  );
  // Units already shipped are not tracked in the demo ledger: the opening balance is today's on-hand.
  await bulkInsert(
    db,
    'stock_movement',
    [
      { name: 'sku', type: 'text' },
      { name: 'warehouse_id', type: 'uuid' },
      { name: 'kind', type: 'text' },
      { name: 'quantity', type: 'int4' },
      { name: 'reason', type: 'text' },
    ],
    data.stockLevels.map((s) => [s.sku, s.warehouseId, 'RECEIVE', s.onHand, 'demo opening balance']),
  );
}
