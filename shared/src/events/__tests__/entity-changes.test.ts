import type { DataSource } from 'typeorm';
import {
  closeDataSource,
  createDataSource,
  entityChangesMigration,
  eventTablesMigration,
  initializeDatabase,
  tablesWithoutChangeTriggers,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, memoryLogger, type TestDatabase } from '@supply-graph/shared/testing';

class CreateParcels1000000000001 {
  name = 'CreateParcels1000000000001';
  async up(q: { query(sql: string): Promise<unknown> }): Promise<void> {
    await q.query('CREATE TABLE parcel (id int PRIMARY KEY, label text NOT NULL)');
  }
  async down(): Promise<void> {}
}

describeEachBackend('the change feed of a subgraph (entity.changed)', (backend) => {
  let database: TestDatabase;
  let db: DataSource;

  const changes = async () =>
    (await db.query("SELECT aggregate_id, source, payload FROM outbox WHERE type = 'entity.changed' ORDER BY seq")) as {
      aggregate_id: string;
      source: string;
      payload: { subgraph: string; table: string };
    }[];

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'entity_changes');
    db = createDataSource({
      service: `entity-changes-${backend.name}`,
      url: database.url,
      schema: 'depot',
      entities: [],
      migrations: [
        CreateParcels1000000000001,
        eventTablesMigration(1000000000002),
        entityChangesMigration(1000000000003, 'depot'),
      ],
      logger: memoryLogger().logger,
    });
    await initializeDatabase(db, 'depot');
  });

  afterAll(async () => {
    await closeDataSource(db);
    await database?.drop();
  });

  beforeEach(async () => {
    await db.query('DELETE FROM outbox');
  });

  it('writes one event per transaction that changes rows, naming the subgraph and the first table', async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO parcel VALUES (1, 'a'), (2, 'b')");
      await tx.query("UPDATE parcel SET label = 'c' WHERE id = 1");
      await tx.query('DELETE FROM parcel WHERE id = 2');
    });
    await db.query("UPDATE parcel SET label = 'd'");
    expect(await changes()).toEqual([
      { aggregate_id: 'depot', source: 'depot', payload: { subgraph: 'depot', table: 'parcel' } },
      { aggregate_id: 'depot', source: 'depot', payload: { subgraph: 'depot', table: 'parcel' } },
    ]);
  });

  it('writes none for statements that touch no row, nor for a rolled-back transaction', async () => {
    await db.query("UPDATE parcel SET label = 'x' WHERE id = 999");
    await db.query("INSERT INTO parcel VALUES (1, 'x') ON CONFLICT DO NOTHING");
    await db.query('DELETE FROM parcel WHERE id = 999');
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO parcel VALUES (5, 'e')");
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await changes()).toEqual([]);
  });

  it('writes it again after a rolled-back savepoint took the first one back', async () => {
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SAVEPOINT s');
      await runner.query("INSERT INTO parcel VALUES (6, 'f')");
      await runner.query('ROLLBACK TO SAVEPOINT s');
      await runner.query("INSERT INTO parcel VALUES (7, 'g')");
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await changes()).toHaveLength(1);
  });

  it('lands in the subgraph outbox from a session with another search path, and on TRUNCATE', async () => {
    const runner = db.createQueryRunner();
    try {
      await runner.query('SET search_path TO public');
      await runner.query("INSERT INTO depot.parcel VALUES (8, 'h')");
      await runner.query('TRUNCATE depot.parcel');
      await runner.query('RESET search_path');
    } finally {
      await runner.release();
    }
    expect(await changes()).toHaveLength(2);
  });

  it('leaves the event bookkeeping out, and finds a table without the triggers', async () => {
    expect(await tablesWithoutChangeTriggers(db)).toEqual([]);
    await db.query('CREATE TABLE late_table (id int)');
    expect(await tablesWithoutChangeTriggers(db)).toEqual(['late_table']);
    await db.query('DROP TABLE late_table');
  });
});
