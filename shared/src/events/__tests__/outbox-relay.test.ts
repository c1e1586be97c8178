import pino from 'pino';
import type { DataSource } from 'typeorm';
import {
  OutboxRelay,
  appendEvents,
  closeDataSource,
  createDataSource,
  eventTablesMigration,
  outboxTraceMigration,
  initializeDatabase,
  outboxPositionsMigration,
  type DomainEvent,
  type EventBus,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';

const logger = pino({ level: 'silent' });

/** A bus that records what it is given, in order, and can be told to fail. */
function recordingBus() {
  const published: DomainEvent[] = [];
  let failures = 0;
  const bus: EventBus = {
    kind: 'in-process',
    async publish(events) {
      // Yield first so relays of other replicas get to run in between.
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      if (failures > 0) {
        failures -= 1;
        throw new Error('bus refused');
      }
      published.push(...events);
    },
    async subscribe() {},
    async tail() {
      return async () => undefined;
    },
    async close() {},
  };
  return { bus, published, failNext: (n: number) => (failures = n) };
}

describeEachBackend('OutboxRelay with replicas', (backend) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(backend.adminUrl, 'relay');
    dataSource = createDataSource({
      service: 'relay-test',
      url: db.url,
      schema: 'relay_test',
      entities: [],
      logger,
      poolSize: 20,
      migrations: [
        eventTablesMigration(1764100000000),
        outboxPositionsMigration(1764700000000),
        outboxTraceMigration(1765250000000),
      ],
    });
    await initializeDatabase(dataSource, 'relay_test');
  });
  afterAll(async () => {
    await closeDataSource(dataSource);
    await db?.drop();
  });

  it('publishes every event once, in increasing position order, with 4 relays and 8 producers racing', async () => {
    const { bus, published, failNext } = recordingBus();
    const relays = Array.from(
      { length: 4 },
      () => new OutboxRelay(dataSource, bus, logger, { batchSize: 7, pollMs: 20, maxBackoffMs: 50 }),
    );
    for (const r of relays) r.start();
    failNext(3);
    const perProducer = 60;
    await Promise.all(
      Array.from({ length: 8 }, async (_, producer) => {
        for (let i = 0; i < perProducer; i += 1) {
          await dataSource.transaction((m) =>
            appendEvents(m, 'test', [
              {
                type: 't.happened',
                aggregateType: 'agg',
                aggregateId: `p${producer}`,
                aggregateVersion: i + 1,
                payload: { i },
              },
            ]),
          );
          relays[(producer + i) % relays.length].nudge();
        }
      }),
    );
    for (let i = 0; i < 200 && published.length < 8 * perProducer; i += 1) await new Promise((r) => setTimeout(r, 25));
    await Promise.all(relays.map((r) => r.stop()));

    expect(published).toHaveLength(8 * perProducer);
    expect(new Set(published.map((e) => e.eventId)).size).toBe(8 * perProducer);
    const positions = published.map((e) => BigInt(e.position!));
    // Strictly increasing in publishing order: a subscriber that saw position P has seen everything before P.
    positions.forEach((p, i) => i > 0 && expect(p > positions[i - 1]).toBe(true));
    // Each producer's events keep their order.
    for (let producer = 0; producer < 8; producer += 1) {
      const versions = published.filter((e) => e.aggregateId === `p${producer}`).map((e) => e.aggregateVersion);
      expect(versions).toEqual(Array.from({ length: perProducer }, (_, i) => i + 1));
    }
  });
});
