import { serviceEvents } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { ordersSubgraph } from '../../../index';
import { requestCatalogueIfEmpty } from '../catalogue-request.job';
import { recordCatalogued } from '../product-catalogue.consumer';

describeEachBackend('orders asks for the catalogue while its copy is empty', (backend) => {
  let database: MigratedDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'catalogue_request', ordersSubgraph);
    ({ db } = database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const requests = async () =>
    (
      (await db.query("SELECT count(*)::int AS n FROM outbox WHERE type = 'product.catalogue-requested'")) as {
        n: number;
      }[]
    )[0].n;

  it('sends one request a minute while the copy is empty, and none once it holds anything', async () => {
    const events = serviceEvents('orders', db, () => undefined);
    expect(await requestCatalogueIfEmpty(db, events)).toBe(true);
    expect(await requestCatalogueIfEmpty(db, events)).toBe(false);
    expect(await requestCatalogueIfEmpty(db, events)).toBe(false);
    expect(await requests()).toBe(1);
    // A minute later, still empty: asked again.
    await db.query(
      "UPDATE outbox SET occurred_at = occurred_at - interval '61 seconds' WHERE type = 'product.catalogue-requested'",
    );
    expect(await requestCatalogueIfEmpty(db, events)).toBe(true);
    expect(await requests()).toBe(2);
    await db.query(
      "UPDATE outbox SET occurred_at = occurred_at - interval '61 seconds' WHERE type = 'product.catalogue-requested'",
    );
    await db.transaction((manager) =>
      recordCatalogued({ manager }, { sku: 'SKU-1', name: 'Cup', discontinued: false, version: 1 }),
    );
    expect(await requestCatalogueIfEmpty(db, events)).toBe(false);
    expect(await requests()).toBe(2);
  });

  it('two replicas looking at the same moment send one request between them', async () => {
    await db.query('TRUNCATE catalog_product');
    await db.query("DELETE FROM outbox WHERE type = 'product.catalogue-requested'");
    const events = serviceEvents('orders', db, () => undefined);
    // Each call holds a pool connection of its own: the looks overlap in PostgreSQL, not one after the other.
    const sent = await Promise.all(Array.from({ length: 6 }, () => requestCatalogueIfEmpty(db, events)));
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(await requests()).toBe(1);
  });
});
