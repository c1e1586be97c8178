import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import {
  assignPositions,
  closeDataSource,
  createDataSource,
  eventTablesMigration,
  outboxTraceMigration,
  initializeDatabase,
  outboxPositionsMigration,
  pruneInbox,
  pruneOutbox,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';

describeEachBackend('outbox and inbox retention', (backend) => {
  let db: TestDatabase;
  let ds: DataSource;
  const rows = async <T>(sql: string) => (await ds.query(sql)) as T[];

  beforeAll(async () => {
    db = await createTestDatabase(backend.adminUrl, 'retention');
    ds = createDataSource({
      service: 'retention-test',
      url: db.url,
      schema: 'retention_test',
      entities: [],
      logger: pino({ level: 'silent' }),
      migrations: [
        eventTablesMigration(1764100000000),
        outboxPositionsMigration(1764700000000),
        outboxTraceMigration(1765250000000),
      ],
    });
    await initializeDatabase(ds, 'retention_test');
  });
  afterAll(async () => {
    await closeDataSource(ds);
    await db?.drop();
  });

  /** An event `hoursAgo` old, published or not. */
  const event = (hoursAgo: number, published: boolean) =>
    ds.query(
      `INSERT INTO outbox
         (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source, payload, published_at)
       VALUES ($1, 't.e', 'a', $2, 1, now() - make_interval(hours => $3), 'test', '{}', CASE WHEN $4 THEN now() END)`,
      [randomUUID(), `agg-${hoursAgo}`, hoursAgo, published],
    );

  it('drops published events past the retention, remembers how far, and keeps numbering above it', async () => {
    await event(200, true);
    await event(190, true);
    await event(190, false); // never published: kept, however old
    await event(2, true);
    await ds.query('UPDATE outbox SET published_at = NULL');
    await assignPositions(ds.manager, 100);
    await ds.query(
      "UPDATE outbox SET published_at = now() WHERE aggregate_id <> 'agg-190' " +
        "OR seq = (SELECT min(seq) FROM outbox WHERE aggregate_id = 'agg-190')",
    );

    expect(await pruneOutbox(ds.manager, 168)).toBe(2);
    const left = await rows<{ aggregate_id: string; position: string }>(
      'SELECT aggregate_id, position::text FROM outbox ORDER BY position',
    );
    expect(left.map((r) => r.aggregate_id)).toEqual(['agg-190', 'agg-2']);
    const [{ through }] = await rows<{ through: string }>(
      'SELECT through_position::text AS through FROM outbox_pruned',
    );
    expect(BigInt(through)).toBeGreaterThanOrEqual(2n);
    // Everything pruned, numbering still goes up.
    await ds.query('DELETE FROM outbox');
    await event(0, false);
    await assignPositions(ds.manager, 100);
    const [{ position }] = await rows<{ position: string }>('SELECT position::text FROM outbox');
    expect(BigInt(position)).toBeGreaterThan(BigInt(through));
  });

  it('forgets inbox entries past the retention, but never younger than eight days', async () => {
    const entry = (hoursAgo: number) =>
      ds.query(
        'INSERT INTO inbox (consumer, event_id, type, handled_at) ' +
          "VALUES ('c', $1, 't.e', now() - make_interval(hours => $2))",
        [randomUUID(), hoursAgo],
      );
    await entry(24 * 9);
    await entry(24 * 7.5);
    await entry(1);
    // A one-hour retention still keeps a week and a half's worth: redeliveries come within the stream's 7 days.
    expect(await pruneInbox(ds.manager, 1)).toBe(1);
    expect(await rows<{ n: number }>('SELECT count(*)::int AS n FROM inbox')).toEqual([{ n: 2 }]);
  });
});
