import { randomUUID } from 'node:crypto';
import {
  closeDataSource,
  createDataSource,
  createLogger,
  EventTypes,
  idempotent,
  initializeDatabase,
  type BuyerIdentificationRequested,
  type DomainEvent,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { customersSubgraph } from '../../../index';
import { identificationConsumers } from '../identification-request.consumer';

describeEachBackend('customers identifies buyers asked for through the bus', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  const [definition] = identificationConsumers();
  let consumer: ReturnType<typeof idempotent>;

  const request = (buyer: Partial<BuyerIdentificationRequested['buyer']>, channel = 'tmall'): DomainEvent => {
    const orderId = randomUUID();
    const payload: BuyerIdentificationRequested = {
      orderId,
      channel,
      buyer: { name: 'Sun Wei', email: null, phone: null, channelBuyerId: null, ...buyer },
    };
    return {
      eventId: randomUUID(),
      type: EventTypes.buyerIdentificationRequested,
      aggregateType: 'buyer-identification',
      aggregateId: orderId,
      aggregateVersion: 1,
      occurredAt: new Date().toISOString(),
      source: 'orders',
      payload,
    };
  };
  const answers = async (orderId: string) =>
    (
      await db.query("SELECT payload FROM outbox WHERE type = 'buyer.identified' AND aggregate_id = $1 ORDER BY seq", [
        orderId,
      ])
    ).map((r: { payload: unknown }) => r.payload);

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'identify_async');
    db = createDataSource({
      service: 'customers-test',
      url: database.url,
      schema: 'customers',
      entities: customersSubgraph.entities,
      migrations: customersSubgraph.migrations,
      poolSize: 20,
      logger: createLogger('customers-test', 'silent'),
    });
    await initializeDatabase(db, 'customers');
    consumer = idempotent(db, 'customers', definition, () => undefined);
  });
  afterAll(async () => {
    await closeDataSource(db);
    await database?.drop();
  });

  it('answers with the golden customer, once per event, and the same customer for the same buyer later', async () => {
    const first = request({ channelBuyerId: 'tb-881', email: 'Sun.Wei@Example.com' });
    await consumer.handle(first);
    await consumer.handle(first); // redelivered: the inbox skips it
    const [answer] = await answers(first.aggregateId);
    expect(await answers(first.aggregateId)).toHaveLength(1);
    expect(answer).toEqual({ orderId: first.aggregateId, customerId: expect.any(String), matchedBy: 'new' });

    // The buyer's next order, on the same channel, and on another channel with the same email.
    const again = request({ channelBuyerId: 'tb-881' });
    const elsewhere = request({ email: 'sun.wei@example.com' }, 'jd');
    await consumer.handle(again);
    await consumer.handle(elsewhere);
    expect(await answers(again.aggregateId)).toEqual([
      { orderId: again.aggregateId, customerId: answer.customerId, matchedBy: 'identity' },
    ]);
    expect(await answers(elsewhere.aggregateId)).toEqual([
      { orderId: elsewhere.aggregateId, customerId: answer.customerId, matchedBy: 'email' },
    ]);
    expect(await db.query('SELECT count(*)::int AS n FROM customer')).toEqual([{ n: 1 }]);
  });

  it('makes one customer of one new buyer whose orders are identified at the same time', async () => {
    const phone = '+8613900000042';
    const events = Array.from({ length: 8 }, () => request({ phone }, 'douyin'));
    await Promise.all(events.map((e) => consumer.handle(e)));
    const ids = new Set<string>();
    for (const e of events)
      for (const a of await answers(e.aggregateId)) ids.add((a as { customerId: string }).customerId);
    expect(ids.size).toBe(1);
    expect(
      await db.query('SELECT count(*)::int AS n FROM customer WHERE phone_normalized = $1', ['8613900000042']),
    ).toEqual([{ n: 1 }]);
  });
});
