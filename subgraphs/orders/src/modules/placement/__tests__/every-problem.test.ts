import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { channelFixture, describeEachBackend, migratedTestDatabase } from '@supply-graph/shared/testing';
import type { MigratedDatabase } from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../../index';
import { recordCatalogued } from '../../catalogue/product-catalogue.consumer';
import { ask, contextFor, principal } from '../../order/__tests__/scope-support';

const IMPORT = `mutation($channel: String!, $payloads: [JSON!]!) {
  importChannelOrders(channel: $channel, payloads: $payloads) { index created errors { field message } }
}`;
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created } }';

/** The Tmall sample trade (lines SKU-0002 and SKU-0045) with a fresh trade id. */
function tmallTrade() {
  const payload = JSON.parse(channelFixture('tmall-trade.json'));
  payload.trade.tid = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
  return payload;
}

describeEachBackend('intake: a rejected payload lists every problem at once', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  const staff = principal('importer', null);

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_every_problem', ordersSubgraph);
    schema = await ordersSubgraph.buildSchema();
    for (const sku of ['SKU-0002', 'SKU-0045']) {
      await recordCatalogued(database.db, { sku, name: sku, discontinued: false, version: 1 });
    }
  });
  afterAll(() => database?.close());

  const rejectedIntakes = async () =>
    (await database.db.query("SELECT problems FROM intake_record WHERE outcome = 'REJECTED' ORDER BY received_at")) as {
      problems: { field: string }[];
    }[];

  it('an imported line with a bad phone and an unknown SKU gets both, and the intake log keeps both', async () => {
    const trade = tmallTrade();
    trade.trade.receiver_mobile = '1381234';
    delete trade.trade.receiver_phone;
    trade.trade.orders.order[1].outer_sku_id = 'SKU-NOPE';
    const answer = await ask(schema, contextFor(database.db, staff), IMPORT, { channel: 'tmall', payloads: [trade] });
    expect(answer.errors).toEqual([]);
    const [result] = answer.data!.importChannelOrders;
    expect(result.created).toBe(false);
    expect(result.errors.map((e: { field: string }) => e.field)).toEqual(['trade.receiver_mobile', 'lines[1].sku']);
    expect(result.errors[1].message).toBe('unknown SKU "SKU-NOPE"');
    expect((await rejectedIntakes()).at(-1)!.problems.map((p) => p.field)).toEqual([
      'trade.receiver_mobile',
      'lines[1].sku',
    ]);
  });

  it('placeOrder likewise: the unknown SKU and channel come with the input problems, known SKUs pass', async () => {
    const input = {
      channel: 'ebay',
      externalId: `EP-${randomUUID()}`,
      currency: 'CNY',
      buyer: { name: 'Lin Yu', email: 'not an email' },
      lines: [
        { sku: 'SKU-0002', quantity: 1, unitPrice: '20.00' },
        { sku: 'SKU-NOPE', quantity: 0, unitPrice: '5.00' },
      ],
      shippingAddress: { country: 'CN', city: 'Hangzhou' },
    };
    const answer = await ask(schema, contextFor(database.db, staff), PLACE, { input });
    expect(answer.errors).toHaveLength(1);
    const problems = answer.errors[0].extensions.problems as { field: string; message: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual([
      'buyer.email',
      'channel',
      'lines[1].quantity',
      'lines[1].sku',
    ]);
    expect(problems.find((p) => p.field === 'channel')!.message).toBe('unknown channel "ebay"');
  });
});
