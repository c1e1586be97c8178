import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../../index';
import { recordCatalogued } from '../../catalogue/product-catalogue.consumer';
import { ask, contextFor, data, insertOrder, principal } from '../../order/__tests__/scope-support';

const partner = principal('tmall-connector', ['tmall'], ['orders:read', 'orders:write', 'orders:review'], 'client');

describeEachBackend('orders: a channel-scoped caller changes only its channels', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  const jdOrder = { id: randomUUID(), channel: 'jd', externalId: 'JD-1', customerId: randomUUID() };
  const tmallOrder = { id: randomUUID(), channel: 'tmall', externalId: 'TM-1', customerId: randomUUID() };

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_channel_writes', ordersSubgraph);
    schema = await ordersSubgraph.buildSchema();
    await recordCatalogued(database.db, { sku: 'SKU-A', name: 'Tea cup', discontinued: false, version: 1 });
    await insertOrder(database.db, jdOrder);
    await insertOrder(database.db, tmallOrder);
  });
  afterAll(() => database?.close());

  /** What a refused call must leave as it was: orders, the intake log, events. */
  const footprint = async () =>
    (
      await database.db.query(
        'SELECT (SELECT count(*) FROM sales_order)::int AS orders, (SELECT count(*) FROM intake_record)::int AS ' +
          'intakes, (SELECT count(*) FROM outbox)::int AS events',
      )
    )[0] as { orders: number; intakes: number; events: number };

  const refusedAs = async (source: string, variables: Record<string, unknown>) => {
    const before = await footprint();
    const answer = await ask(schema, contextFor(database.db, partner), source, variables);
    expect(answer.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(await footprint()).toEqual(before);
  };

  const PLACE =
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id channel { code } } } }';
  const input = (channel: string) => ({
    channel,
    externalId: `P-${randomUUID().slice(0, 8)}`,
    currency: 'CNY',
    buyer: { name: 'Lin Yu', email: 'lin.yu@example.com' },
    lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: '20.00' }],
    shippingAddress: { country: 'CN', city: 'Hangzhou', line1: 'West Lake Road 1' },
  });

  it(
    'is refused placing or importing into another channel, ' + 'with nothing stored (not even an intake record)',
    async () => {
      await refusedAs(PLACE, { input: input('jd') });
      await refusedAs(PLACE, { input: input(' JD ') });
      await refusedAs('mutation($p: JSON!) { importChannelOrder(channel: "jd", payload: $p) { created } }', {
        p: { order_id: 'x' },
      });
      // A batch names one channel: the whole call is refused before any payload is read.
      await refusedAs(
        'mutation($p: [JSON!]!) { importChannelOrders(channel: "jd", payloads: $p) { index errors { field } } }',
        { p: [{}, { order_id: 'x' }] },
      );
    },
  );

  it('places into its own channel as before', async () => {
    // Customers is down: the order is accepted awaiting its buyer, as for any caller.
    const placed = (await data(schema, contextFor(database.db, partner), PLACE, { input: input('tmall') })).placeOrder;
    expect(placed).toMatchObject({ created: true, order: { channel: { code: 'tmall' } } });
  });

  it("is refused cancelling, holding or releasing another channel's order, which stays as it was", async () => {
    const id = jdOrder.id;
    await refusedAs('mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id });
    await refusedAs('mutation($id: ID!) { holdOrder(id: $id, reason: "looks odd") { id } }', { id });
    await refusedAs('mutation($id: ID!) { releaseOrder(id: $id) { id } }', { id });
    expect(await database.db.query('SELECT status, version FROM sales_order WHERE id = $1', [id])).toEqual([
      { status: 'PENDING', version: 1 },
    ]);
    // An unknown id is still NOT_FOUND.
    const unknown = await ask(
      schema,
      contextFor(database.db, partner),
      'mutation($id: ID!) { cancelOrder(id: $id) { id } }',
      { id: randomUUID() },
    );
    expect(unknown.errors.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  it("changes its own channel's orders", async () => {
    const held = await data(
      schema,
      contextFor(database.db, partner),
      'mutation($id: ID!) { holdOrder(id: $id, reason: "check") { id status } }',
      { id: tmallOrder.id },
    );
    expect(held.holdOrder).toEqual({ id: tmallOrder.id, status: 'ON_HOLD' });
    const cancelled = await data(
      schema,
      contextFor(database.db, partner),
      'mutation($id: ID!) { cancelOrder(id: $id) { status } }',
      { id: tmallOrder.id },
    );
    expect(cancelled.cancelOrder).toEqual({ status: 'CANCELLED' });
  });
});
