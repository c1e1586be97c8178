import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { eventIdOfPosition, EventTypes } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../../index';
import { ask, contextFor, data, insertOrder, principal, type TestOrder } from './scope-support';

const partner = principal('tmall-connector', ['tmall'], ['orders:read', 'customers:read'], 'client');
const staff = principal('staff-1', null);

describeEachBackend('orders: a channel-scoped caller reads only its channels, in the SQL', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  const alice = randomUUID();
  const bob = randomUUID();
  const order = (channel: string, customerId: string, extra: Partial<TestOrder> = {}): TestOrder => ({
    id: randomUUID(),
    channel,
    customerId,
    externalId: `${channel}-${randomUUID().slice(0, 8)}`,
    ...extra,
  });
  const t1 = order('tmall', alice, { total: '100.00' });
  const t2 = order('tmall', alice, { total: '50.00', status: 'CANCELLED' });
  const j1 = order('jd', alice, { total: '300.00' });
  const j2 = order('jd', bob);
  const w1 = order('webstore', bob);

  const as = (caller = partner) => contextFor(database.db, caller);
  const read = (caller: typeof partner, source: string, variables?: Record<string, unknown>) =>
    data(schema, as(caller), source, variables);

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_channel_scope', ordersSubgraph);
    schema = await ordersSubgraph.buildSchema();
    for (const o of [t1, t2, j1, j2, w1]) await insertOrder(database.db, o);
  });
  afterAll(() => database?.close());

  const ORDERS =
    'query($filter: OrderFilter) { orders(first: 50, filter: $filter) { totalCount edges { node { id } } } }';
  const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id).sort();

  it("lists only its channels' orders, whatever filter it asks for", async () => {
    expect((await read(partner, ORDERS)).orders).toMatchObject({ totalCount: 2 });
    expect(idsOf((await read(partner, ORDERS)).orders)).toEqual([t1.id, t2.id].sort());
    expect((await read(partner, ORDERS, { filter: { channel: ' TMALL ' } })).orders.totalCount).toBe(2);
    expect((await read(partner, ORDERS, { filter: { channel: 'jd' } })).orders).toEqual({ totalCount: 0, edges: [] });
    expect((await read(partner, ORDERS, { filter: { customerId: bob } })).orders).toEqual({ totalCount: 0, edges: [] });
    expect((await read(staff, ORDERS)).orders.totalCount).toBe(5);
    expect((await read(staff, ORDERS, { filter: { channel: 'jd' } })).orders.totalCount).toBe(2);
  });

  it("reads another channel's order as null, by id, by its channel's number and by reference", async () => {
    const one = 'query($id: ID!) { order(id: $id) { id } }';
    expect((await read(partner, one, { id: j1.id })).order).toBeNull();
    expect((await read(partner, one, { id: t1.id })).order).toEqual({ id: t1.id });
    expect((await read(staff, one, { id: j1.id })).order).toEqual({ id: j1.id });
    const byNumber = 'query($c: String!, $e: String!) { orderByExternalId(channel: $c, externalId: $e) { id } }';
    expect((await read(partner, byNumber, { c: 'jd', e: j1.externalId })).orderByExternalId).toBeNull();
    expect((await read(partner, byNumber, { c: 'tmall', e: t1.externalId })).orderByExternalId).toEqual({ id: t1.id });
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id } } }';
    const representations = [
      { __typename: 'Order', id: t1.id },
      { __typename: 'Order', id: j1.id },
    ];
    expect((await read(partner, entities, { r: representations }))._entities).toEqual([{ id: t1.id }, null]);
  });

  it("counts only its channels in a customer's orders and stats (the 360 view)", async () => {
    const view = `query($r: [_Any!]!, $filter: OrderFilter) { _entities(representations: $r) { ... on Customer {
      orders(first: 10, filter: $filter) { totalCount edges { node { id } } }
      stats { orderCount channels lifetimeValue { amount } }
    } } }`;
    const [mine] = (await read(partner, view, { r: [{ __typename: 'Customer', id: alice }] }))._entities;
    expect(mine.orders.totalCount).toBe(2);
    expect(idsOf(mine.orders)).toEqual([t1.id, t2.id].sort());
    expect(mine.stats).toEqual({ orderCount: 2, channels: ['tmall'], lifetimeValue: { amount: '100.00' } });
    const [asked] = (
      await read(partner, view, { r: [{ __typename: 'Customer', id: alice }], filter: { channel: 'jd' } })
    )._entities;
    expect(asked.orders).toEqual({ totalCount: 0, edges: [] });
    const [everything] = (await read(staff, view, { r: [{ __typename: 'Customer', id: alice }] }))._entities;
    expect(everything.orders.totalCount).toBe(3);
    expect(everything.stats).toEqual({ orderCount: 3, channels: ['jd', 'tmall'], lifetimeValue: { amount: '400.00' } });
    const [other] = (await read(partner, view, { r: [{ __typename: 'Customer', id: bob }] }))._entities;
    expect(other.orders.totalCount).toBe(0);
    expect(other.stats.orderCount).toBe(0);
  });

  it('sees only its channels in the channel list, the KPIs and the intake figures', async () => {
    expect((await read(partner, '{ channels { code } }')).channels).toEqual([{ code: 'tmall' }]);
    // The migrations write the known channels: staff sees them all.
    expect((await read(staff, '{ channels { code } }')).channels.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['jd', 'tmall', 'webstore', 'shopify']),
    );

    const window = {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const kpis =
      'query($from: DateTime!, $to: DateTime!, $c: String) { channelKpis(from: $from, to: $to, channel: $c) { ' +
      'channel { code } orders } }';
    expect(
      (await read(partner, kpis, window)).channelKpis.map((k: { channel: { code: string } }) => k.channel.code),
    ).toEqual(['tmall']);
    expect((await read(partner, kpis, { ...window, c: 'jd' })).channelKpis).toEqual([]);
    expect(
      (await read(staff, kpis, window)).channelKpis.map((k: { channel: { code: string } }) => k.channel.code),
    ).toEqual(['jd', 'tmall', 'webstore']);

    for (const channel of ['tmall', 'jd']) {
      await database.db.query(
        `INSERT INTO intake_record (channel, external_id, outcome, problems, received_at) VALUES ($1, $2, 'REJECTED',
          '[{"field":"lines","message":"empty"}]', now())`,
        [channel, `bad-${channel}`],
      );
    }
    const quality = (await read(partner, '{ intakeQuality { channel rejected } }')).intakeQuality;
    expect(quality).toEqual([{ channel: 'tmall', rejected: 1 }]);
    expect((await read(partner, '{ recentRejections { channel externalId } }')).recentRejections).toEqual([
      { channel: 'tmall', externalId: 'bad-tmall' },
    ]);
    expect((await read(partner, '{ recentRejections(channel: "jd") { channel } }')).recentRejections).toEqual([]);
    expect((await read(staff, '{ recentRejections { channel } }')).recentRejections).toHaveLength(2);
  });

  describe('status events (what the gateway replays and resolves for a subscriber or a webhook owner)', () => {
    beforeAll(async () => {
      let position = 0;
      for (const o of [t1, j1, t2]) {
        position += 1;
        const payload = {
          orderId: o.id,
          customerId: o.customerId,
          channel: o.channel,
          from: null,
          to: 'PENDING',
          version: 1,
          at: new Date().toISOString(),
          reason: null,
        };
        await database.db.query(
          `INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source,
            payload, position, published_at)
           VALUES ($1, $2, 'order', $3, 1, now(), 'orders', $4, $5, now())`,
          [randomUUID(), EventTypes.orderStatusChanged, o.id, JSON.stringify(payload), position],
        );
      }
    });

    const REPLAY =
      'query($c: String) { _orderStatusEvents(after: "0000000000000000", channel: $c) { events { orderId channel } ' +
      'hasMore } }';
    const RESOLVE = 'query($e: OrderStatusEventInput!) { _orderStatusEvent(event: $e) { eventId order { id } } }';
    const eventOf = (o: TestOrder) => ({
      eventId: eventIdOfPosition(1),
      orderId: o.id,
      from: null,
      to: 'PENDING',
      at: new Date().toISOString(),
    });

    it("replays only its channels' events, whatever channel it asks for", async () => {
      const mine = (await read(partner, REPLAY))._orderStatusEvents.events;
      expect(mine).toEqual([
        { orderId: t1.id, channel: 'tmall' },
        { orderId: t2.id, channel: 'tmall' },
      ]);
      expect((await read(partner, REPLAY, { c: 'jd' }))._orderStatusEvents.events).toEqual([]);
      expect((await read(staff, REPLAY))._orderStatusEvents.events).toHaveLength(3);
      expect((await read(staff, REPLAY, { c: 'jd' }))._orderStatusEvents.events).toEqual([
        { orderId: j1.id, channel: 'jd' },
      ]);
    });

    it("resolves its channels' events and refuses another channel's as a whole, whatever is selected", async () => {
      expect((await read(partner, RESOLVE, { e: eventOf(t1) }))._orderStatusEvent.order).toEqual({ id: t1.id });
      const refused = await ask(
        schema,
        as(partner),
        'query($e: OrderStatusEventInput!) { _orderStatusEvent(event: $e) { eventId } }',
        { e: eventOf(j1) },
      );
      expect(refused.data?._orderStatusEvent ?? null).toBeNull();
      expect(refused.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
      expect((await read(staff, RESOLVE, { e: eventOf(j1) }))._orderStatusEvent.order).toEqual({ id: j1.id });
    });
  });
});
