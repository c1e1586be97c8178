import { randomUUID } from 'node:crypto';
import {
  closeDataSource,
  createDataSource,
  createLogger,
  EventTypes,
  idempotent,
  initializeDatabase,
  type DomainEvent,
  type OrderPlaced,
  type OrderStatusChanged,
  type ReturnRefunded,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { DEFAULT_VALUE_SETTINGS } from '../../../config';
import { customersSubgraph } from '../../../index';
import { customerValueConsumers } from '../customer-value.consumer';
import { rescoreDueValues } from '../value-rescore.job';

const DAY = 86_400_000;

describeEachBackend('customer value follows order events', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  let consumer: ReturnType<typeof idempotent>;

  const event = (type: string, aggregateId: string, payload: object): DomainEvent => ({
    eventId: randomUUID(),
    type,
    aggregateType: 'order',
    aggregateId,
    aggregateVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'orders',
    payload,
  });
  const placed = (customerId: string, extra: Partial<OrderPlaced> = {}) => {
    const orderId = extra.orderId ?? randomUUID();
    const payload: OrderPlaced = {
      orderId,
      channel: 'tmall',
      customerId,
      placedAt: new Date().toISOString(),
      lines: [{ lineNo: 1, sku: 'SKU-0001', quantity: 1 }],
      shippingAddress: { country: 'CN', province: null, city: null },
      held: false,
      total: '100.00',
      currency: 'CNY',
      ...extra,
    };
    return event(EventTypes.orderPlaced, orderId, payload);
  };
  const cancelled = (customerId: string, orderId: string, channel = 'tmall') => {
    const payload: OrderStatusChanged = {
      orderId,
      customerId,
      channel,
      from: 'PENDING',
      to: 'CANCELLED',
      version: 2,
      at: new Date().toISOString(),
      reason: 'buyer asked',
    };
    return event(EventTypes.orderStatusChanged, orderId, payload);
  };
  const refunded = (customerId: string | null, orderId: string, amount: string, currency = 'CNY') => {
    const payload: ReturnRefunded = {
      returnId: randomUUID(),
      orderId,
      customerId,
      channel: 'tmall',
      amount,
      currency,
      at: new Date().toISOString(),
    };
    return { ...event(EventTypes.returnRefunded, payload.returnId, payload), aggregateType: 'return' };
  };
  const value = async (customerId: string) =>
    (
      (await db.query(
        `SELECT orders, monetary_minor::int AS monetary, first_order_at AS first, last_order_at AS last,
                channel_orders AS mix, f_score AS f, m_score AS m, tier
           FROM customer_value WHERE customer_id = $1`,
        [customerId],
      )) as Record<string, unknown>[]
    )[0];
  const newCustomer = async (guest = false) => {
    const id = randomUUID();
    await db.query('INSERT INTO customer (id, name, guest, created_at) VALUES ($1, $2, $3, now())', [
      id,
      guest ? 'Guest (Tmall)' : 'Sun Wei',
      guest,
    ]);
    return id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'customer_value');
    db = createDataSource({
      service: 'customers-test',
      url: database.url,
      schema: 'customers',
      entities: customersSubgraph.entities,
      migrations: customersSubgraph.migrations,
      poolSize: 12,
      logger: createLogger('customers-test', 'silent'),
    });
    await initializeDatabase(db, 'customers');
    consumer = idempotent(db, 'customers', customerValueConsumers(DEFAULT_VALUE_SETTINGS)[0], () => undefined);
  });
  afterAll(async () => {
    await closeDataSource(db);
    await database?.drop();
  });

  it('counts an order once, however often it is delivered, and moves the tier as orders arrive', async () => {
    const customer = await newCustomer();
    const first = placed(customer, { total: '600.00' });
    await consumer.handle(first);
    await consumer.handle(first); // redelivered: the inbox skips it
    await consumer.handle({ ...first, eventId: randomUUID() }); // the same order announced again (released)
    expect(await value(customer)).toMatchObject({ orders: 1, monetary: 60000, f: 1, m: 2, tier: 'NEW' });
    await consumer.handle(placed(customer, { channel: 'jd', total: '10.00', currency: 'USD' }));
    await consumer.handle(placed(customer, { total: '1500.00' }));
    expect(await value(customer)).toMatchObject({
      orders: 3,
      monetary: 60000 + 7100 + 150000,
      mix: { tmall: 2, jd: 1 },
      f: 3,
      m: 3,
      tier: 'LOYAL',
    });
  });

  it('takes refunds off what an order is worth, each return once, never below nothing; the order still counts', async () => {
    const customer = await newCustomer();
    const big = placed(customer, { total: '6000.00' });
    const small = placed(customer, { total: '100.00' });
    await consumer.handle(big);
    await consumer.handle(small);
    expect(await value(customer)).toMatchObject({ orders: 2, monetary: 610000, m: 4 });
    const first = refunded(customer, big.aggregateId, '4500.00');
    await consumer.handle(first);
    await consumer.handle({ ...first, eventId: randomUUID() }); // the same return announced again
    expect(await value(customer)).toMatchObject({ orders: 2, monetary: 160000, m: 2 });
    // A second return of the order, in dollars, refunds more than is left of it: the order is worth nothing.
    await consumer.handle(refunded(customer, big.aggregateId, '300.00', 'USD'));
    expect(await value(customer)).toMatchObject({ orders: 2, monetary: 10000, m: 1 });
    // A refund that overtakes its order's placement (and names no customer) is counted when the order arrives.
    const late = placed(customer, { total: '50.00' });
    await consumer.handle(refunded(null, late.aggregateId, '20.00'));
    await consumer.handle(late);
    expect(await value(customer)).toMatchObject({ orders: 3, monetary: 10000 + 3000 });
  });

  it('ends the same whatever order events arrive in: dates, cancellations before placements', async () => {
    const customer = await newCustomer();
    const early = new Date(Date.now() - 40 * DAY).toISOString();
    const late = new Date(Date.now() - 2 * DAY).toISOString();
    const lateOrder = placed(customer, { placedAt: late });
    const earlyOrder = placed(customer, { placedAt: early });
    const doomed = placed(customer, { total: '9000.00' });
    // The cancellation overtakes its placement.
    await consumer.handle(cancelled(customer, doomed.aggregateId));
    await consumer.handle(lateOrder);
    await consumer.handle(doomed);
    await consumer.handle(earlyOrder);
    expect(await value(customer)).toMatchObject({
      orders: 2,
      monetary: 20000,
      first: new Date(early),
      last: new Date(late),
      mix: { tmall: 2 },
    });
    // Cancelling a counted order takes it out.
    await consumer.handle(cancelled(customer, lateOrder.aggregateId));
    expect(await value(customer)).toMatchObject({ orders: 1, last: new Date(early), tier: 'NEW' });
  });

  it('loses no order when two of one customer arrive at once', async () => {
    const customer = await newCustomer();
    for (let round = 0; round < 3; round++) {
      await Promise.all([consumer.handle(placed(customer)), consumer.handle(placed(customer))]);
    }
    expect(await value(customer)).toMatchObject({ orders: 6, monetary: 60000, f: 4 });
  });

  it('counts batches as single deliveries would, two batches of the same customers at once included', async () => {
    const [a, b] = [await newCustomer(), await newCustomer()];
    const doomed = placed(a);
    const one = [placed(a), placed(b), doomed, cancelled(a, doomed.aggregateId)];
    const two = [placed(b), placed(a), placed(b)];
    // As the bus does: a batch that fails (its locks timed out) is delivered again one event at a time.
    const deliver = (batch: DomainEvent[]) =>
      consumer.handleBatch!(batch).catch(async () => {
        for (const e of batch) await consumer.handle(e);
      });
    await Promise.all([deliver(one), deliver(two)]);
    await deliver(one); // a redelivery changes nothing
    expect(await value(a)).toMatchObject({ orders: 2, monetary: 20000 });
    expect(await value(b)).toMatchObject({ orders: 3, monetary: 30000, f: 3 });
  });

  it('gives a guest no value', async () => {
    const guest = await newCustomer(true);
    await consumer.handle(placed(guest, { guest: true }));
    await consumer.handle(placed(guest)); // an older event without the flag: the customer row says guest
    expect(await value(guest)).toBeUndefined();
  });

  it('rescores stored tiers whose recency step passed, leaving the others', async () => {
    const fading = await newCustomer();
    const fresh = await newCustomer();
    await consumer.handle(placed(fading, { placedAt: new Date(Date.now() - 29 * DAY).toISOString() }));
    await consumer.handle(placed(fresh));
    expect((await value(fading)).tier).toBe('NEW');
    // 62 days on, the first customer's last order is 91 days old (R 3: PROMISING); the other's 62 (R 4: NEW).
    const later = new Date(Date.now() + 62 * DAY);
    expect(await rescoreDueValues(db, DEFAULT_VALUE_SETTINGS, later)).toBeGreaterThanOrEqual(1);
    expect((await value(fading)).tier).toBe('PROMISING');
    expect((await value(fresh)).tier).toBe('NEW');
    expect(await rescoreDueValues(db, DEFAULT_VALUE_SETTINGS, later)).toBe(0);
  });
});
