import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../../index';
import { ask, contextFor, data, insertOrder, principal } from '../../order/__tests__/scope-support';

const partner = principal('tmall-ops', ['tmall'], ['orders:read', 'orders:review']);
const staff = principal('staff-1', null);

describeEachBackend("orders: a channel-scoped caller sees and retries only its channels' parked events", (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  const tmallOrder = {
    id: randomUUID(),
    channel: 'tmall',
    customerId: randomUUID(),
    externalId: `tm-${randomUUID().slice(0, 8)}`,
  };
  const jdOrder = {
    id: randomUUID(),
    channel: 'jd',
    customerId: randomUUID(),
    externalId: `jd-${randomUUID().slice(0, 8)}`,
  };
  // One parked event per kind of owner: a tmall order, a jd order, no order at all.
  const parked = { tmall: randomUUID(), jd: randomUUID(), none: randomUUID() };

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_parked_scope', ordersSubgraph);
    schema = await ordersSubgraph.buildSchema();
    for (const o of [tmallOrder, jdOrder]) await insertOrder(database.db, o);
    const rows: [string, string | null, number][] = [
      [parked.tmall, tmallOrder.id, 3],
      [parked.jd, jdOrder.id, 2],
      [parked.none, null, 1],
    ];
    for (const [id, orderId, minutesAgo] of rows) {
      await database.db.query(
        `INSERT INTO parked_event (id, service, consumer, event_id, event_type, aggregate_type, aggregate_id, order_id,
          error, attempts, parked_at, status)
         VALUES ($1, 'inventory', 'inventory.allocate', $2, 'order.placed', 'order', $3, $4, 'boom',
         5, now() - make_interval(mins => $5), 'PARKED')`,
        [id, randomUUID(), orderId ?? randomUUID(), orderId, minutesAgo],
      );
    }
  });
  afterAll(() => database?.close());

  const LIST = '{ parkedEvents { id order { id } } }';
  const RETRY = 'mutation($id: ID!) { retryParkedEvent(id: $id) { id status } }';
  const statusOf = async (id: string) =>
    ((await database.db.query('SELECT status FROM parked_event WHERE id = $1', [id])) as { status: string }[])[0]
      .status;
  const retryRequests = async () =>
    (
      (await database.db.query("SELECT count(*)::int AS n FROM outbox WHERE type = 'consumer.retry-requested'")) as {
        n: number;
      }[]
    )[0].n;

  it("lists only parked events of its channels' orders; none without an order", async () => {
    expect((await data(schema, contextFor(database.db, partner), LIST)).parkedEvents).toEqual([
      { id: parked.tmall, order: { id: tmallOrder.id } },
    ]);
    const all = (await data(schema, contextFor(database.db, staff), LIST)).parkedEvents.map(
      (p: { id: string }) => p.id,
    );
    expect(all).toEqual([parked.none, parked.jd, parked.tmall]);
  });

  it('is refused retrying an event of another channel or without an order, and nothing is requested', async () => {
    for (const id of [parked.jd, parked.none]) {
      const refused = await ask(schema, contextFor(database.db, partner), RETRY, { id });
      expect(refused.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
      expect(await statusOf(id)).toBe('PARKED');
    }
    expect(await retryRequests()).toBe(0);

    const mine = await data(schema, contextFor(database.db, partner), RETRY, { id: parked.tmall });
    expect(mine.retryParkedEvent).toEqual({ id: parked.tmall, status: 'RETRY_REQUESTED' });
    const staffRetry = await data(schema, contextFor(database.db, staff), RETRY, { id: parked.jd });
    expect(staffRetry.retryParkedEvent).toEqual({ id: parked.jd, status: 'RETRY_REQUESTED' });
    expect(await retryRequests()).toBe(2);
  });
});
