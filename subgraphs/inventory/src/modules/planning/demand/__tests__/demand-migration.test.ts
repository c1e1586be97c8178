import { randomUUID } from 'node:crypto';
import { closeDataSource, initializeDatabase } from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { inventoryDataSource, migrationsBefore } from '../../../../db/__tests__/migration-support';

describeEachBackend('the demand history migration on a database with orders', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  const SHA = randomUUID();
  const PEK = randomUUID();
  const [allocated, cancelled, waiting] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'demand');
    // A database from before the demand history, with a reservation, a cancelled one and a waiting backorder...
    const before = inventoryDataSource(database.url, migrationsBefore('DemandHistory'));
    await initializeDatabase(before, 'inventory');
    await before.query(
      `INSERT INTO warehouse (id, code, name, region, city, latitude, longitude) VALUES
       ($1, 'SHA', 'Shanghai DC', 'East China', 'Shanghai', 31.38, 121.25),
       ($2, 'PEK', 'Beijing DC', 'North China', 'Beijing', 39.73, 116.34)`,
      [SHA, PEK],
    );
    await before.query(
      "INSERT INTO product (sku, name, price, weight_grams) VALUES ('M-1', 'Mug', 12, 300), ('M-2', 'Plate', 9, 200)",
    );
    await before.query(
      `INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES
       ('M-1', $1, 10, 3, 0), ('M-2', $2, 0, 0, 0)`,
      [SHA, PEK],
    );
    await before.query(
      `INSERT INTO allocation (id, order_id, sku, warehouse_id, quantity, created_at, released_at, channel) VALUES
       ($1, $2, 'M-1', $3, 3, '2026-11-11T10:00:00Z', NULL, 'tmall'),
       ($4, $5, 'M-1', $3, 2, '2026-11-11T23:30:00Z', '2026-11-12T08:00:00Z', 'tmall')`,
      [randomUUID(), allocated, SHA, randomUUID(), cancelled],
    );
    const request = {
      orderId: waiting,
      channel: 'douyin',
      customerId: randomUUID(),
      placedAt: '2026-11-12T02:00:00Z',
      lines: [{ lineNo: 1, sku: 'M-2', quantity: 4 }],
      shippingAddress: { country: 'CN', province: 'Shanghai', city: 'Shanghai' },
      held: false,
    };
    await before.query(
      "INSERT INTO backorder (order_id, request, created_at, reason) VALUES ($1, $2, now(), 'not enough stock')",
      [waiting, JSON.stringify(request)],
    );
    await closeDataSource(before);
    // ...started with this release.
    db = inventoryDataSource(database.url);
    await initializeDatabase(db, 'inventory');
  });
  afterAll(async () => {
    if (db) await closeDataSource(db);
    await database?.drop();
  });

  it('turns existing allocations (cancelled ones too) and backorders into history, once', async () => {
    const rows = await db.query(
      `SELECT d.sku, w.code, d.channel, d.day::text AS day, d.units_demanded AS demanded,
              d.units_fulfilled AS fulfilled, d.units_short AS short, d.orders
       FROM demand_daily d JOIN warehouse w ON w.id = d.warehouse_id ORDER BY d.sku, d.day`,
    );
    expect(rows).toEqual([
      { sku: 'M-1', code: 'SHA', channel: 'tmall', day: '2026-11-11', demanded: 5, fulfilled: 5, short: 0, orders: 2 },
      // The only warehouse stocking M-2 is PEK: the unmet units count there.
      { sku: 'M-2', code: 'PEK', channel: 'douyin', day: '2026-11-12', demanded: 4, fulfilled: 0, short: 4, orders: 1 },
    ]);
    expect(await db.query('SELECT count(*)::int AS n FROM demand_line')).toEqual([{ n: 3 }]);
  });
});
