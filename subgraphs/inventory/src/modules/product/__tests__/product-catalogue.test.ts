import { closeDataSource, initializeDatabase } from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { inventoryDataSource, migrationsBefore } from '../../../db/__tests__/migration-support';
import { eventTransaction } from '@supply-graph/shared';
import { catalogueConsumers } from '../catalogue.consumer';

const announcements = async (db: DataSource) =>
  (await db.query(
    "SELECT aggregate_id, aggregate_version, payload FROM outbox WHERE type = 'product.catalogued' ORDER BY seq",
  )) as {
    aggregate_id: string;
    aggregate_version: number;
    payload: unknown;
  }[];

describeEachBackend('inventory announces its catalogue (product.catalogued)', (backend) => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'catalogue');
    // A database from before the announcements, with products in it (a `.data` seeded by an older release)...
    const before = inventoryDataSource(database.url, migrationsBefore('ProductCatalogue'));
    await initializeDatabase(before, 'inventory');
    await before.query(
      "INSERT INTO product (sku, name, price, weight_grams) VALUES ('SKU-OLD-1', 'Mug', 12, 300), ('SKU-OLD-2', " +
        "'Plate', 18, 500)",
    );
    await closeDataSource(before);
    // ...started with this release.
    db = inventoryDataSource(database.url);
    await initializeDatabase(db, 'inventory');
  });
  afterAll(async () => {
    await closeDataSource(db);
    await database?.drop();
  });

  it('announces the products an existing database already has, once, when it is migrated', async () => {
    expect(await announcements(db)).toEqual([
      {
        aggregate_id: 'SKU-OLD-1',
        aggregate_version: 1,
        payload: { sku: 'SKU-OLD-1', name: 'Mug', discontinued: false, version: 1 },
      },
      {
        aggregate_id: 'SKU-OLD-2',
        aggregate_version: 1,
        payload: { sku: 'SKU-OLD-2', name: 'Plate', discontinued: false, version: 1 },
      },
    ]);
  });

  it("announces every product created and every change orders can see, in the writer's transaction", async () => {
    await db.query('DELETE FROM outbox');
    await db.query("INSERT INTO product (sku, name, price, weight_grams) VALUES ('SKU-NEW', 'Bowl', 9, 200)");
    await db.query("UPDATE product SET price = 11 WHERE sku = 'SKU-NEW'"); // not in the announcement: nothing to say
    await db.query("UPDATE product SET name = 'Rice bowl' WHERE sku = 'SKU-NEW'");
    await db.query("UPDATE product SET discontinued = true WHERE sku = 'SKU-NEW'");
    // A rolled-back change announces nothing.
    await db
      .transaction(async (manager) => {
        await manager.query("UPDATE product SET name = 'Never' WHERE sku = 'SKU-NEW'");
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await announcements(db)).map((a) => a.payload)).toEqual([
      { sku: 'SKU-NEW', name: 'Bowl', discontinued: false, version: 1 },
      { sku: 'SKU-NEW', name: 'Rice bowl', discontinued: false, version: 2 },
      { sku: 'SKU-NEW', name: 'Rice bowl', discontinued: true, version: 3 },
    ]);
    expect(await db.query("SELECT catalog_version FROM product WHERE sku = 'SKU-NEW'")).toEqual([
      { catalog_version: 3 },
    ]);
  });

  it('announces every product again, at its version, when a copy asks (product.catalogue-requested)', async () => {
    await db.query('DELETE FROM outbox');
    const [consumer] = catalogueConsumers();
    await db.transaction((manager) =>
      consumer.handle(
        {
          eventId: '00000000-0000-4000-8000-00000000000a',
          type: 'product.catalogue-requested',
          aggregateType: 'catalogue',
          aggregateId: 'orders',
          aggregateVersion: 1,
          occurredAt: new Date().toISOString(),
          source: 'orders',
          payload: { requestedBy: 'orders' },
        },
        eventTransaction(manager, 'inventory'),
      ),
    );
    expect((await announcements(db)).map((a) => a.payload)).toEqual([
      { sku: 'SKU-NEW', name: 'Rice bowl', discontinued: true, version: 3 },
      { sku: 'SKU-OLD-1', name: 'Mug', discontinued: false, version: 1 },
      { sku: 'SKU-OLD-2', name: 'Plate', discontinued: false, version: 1 },
    ]);
  });
});
