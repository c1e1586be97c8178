import { randomUUID } from 'node:crypto';
import { channelFixture } from '@supply-graph/shared/testing';
import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const IMPORT = graphql(`
  mutation IntakeImport($channel: String!, $payload: JSON!) {
    importChannelOrder(channel: $channel, payload: $payload) {
      created
      order {
        id externalId channel { code } status total { amount currency }
        customer { id name identities { channel externalId } }
      }
    }
  }
`);
const IMPORT_TOTALS = graphql(`
  mutation IntakeImportTotals($channel: String!, $payload: JSON!) {
    importChannelOrder(channel: $channel, payload: $payload) {
      created
      order {
        id total { amount currency } tax { amount currency }
        customer { id name email phone identities { channel externalId } }
      }
    }
  }
`);
const PLACE = graphql(`
  mutation IntakePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id customer { id } } } }
`);

let serial = 0;
const unique = () => `${Date.now()}${(serial += 1)}`;

const SAMPLES: [channel: string, file: string, externalId: string][] = [
  ['shopify', 'shopify-order.json', '5849302716411'],
  ['amazon', 'amazon-order.json', '113-4829105-7730621'],
  ['tmall', 'tmall-trade.json', '3987120456612093847'],
  ['jd', 'jd-order.json', '281934572610'],
  ['douyin', 'douyin-order.json', '6919283746501827365'],
  ['pos', 'pos-receipt.csv', 'SH-JINGAN-01:R20261123-000417'],
];

describeEachBus('channel samples become orders on the right golden customer', (bus, backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60, bus });

  const payloadOf = (file: string) => (file.endsWith('.csv') ? channelFixture(file) : JSON.parse(channelFixture(file)));
  const importSample = (channel: string, file: string) => ask(IMPORT, { channel, payload: payloadOf(file) });

  it.each(SAMPLES)(
    '%s: the sample imports to one order, and again to the same one',
    async (channel, file, externalId) => {
      const first = await importSample(channel, file);
      expect(first.errors).toBeUndefined();
      const order = first.data!.importChannelOrder.order!;
      expect(first.data!.importChannelOrder.created).toBe(true);
      expect(order).toMatchObject({ externalId, channel: { code: channel } });
      expect(order.customer!.identities.map((i) => i.channel)).toContain(channel);
      const again = await importSample(channel, file);
      expect(again.data!.importChannelOrder).toMatchObject({ created: false, order: { id: order.id } });
      const rows = await db.rows('SELECT id FROM orders.sales_order WHERE channel_code = $1 AND external_id = $2', [
        channel,
        externalId,
      ]);
      expect(rows).toHaveLength(1);
      // The flow continues from intake: the order reaches ALLOCATED or BACKORDERED.
      await eventually(async () => {
        const [row] = await db.rows<{ status: string }>('SELECT status FROM orders.sales_order WHERE id = $1', [
          order.id,
        ]);
        return ['ALLOCATED', 'BACKORDERED'].includes(row.status) || undefined;
      }, `${channel} order allocated or backordered`);
    },
  );

  it('a buyer known by email on the web store is the same customer when their Shopify order arrives', async () => {
    const email = 'Lin.Yue@Example.com'; // the Shopify sample's buyer, in another case
    const web = await ask(PLACE, {
      input: {
        channel: 'webstore',
        externalId: `WS-${randomUUID()}`,
        buyer: { name: 'Lin Yue', email },
        currency: 'CNY',
        lines: [{ sku: 'SKU-0007', quantity: 1, unitPrice: '59.50' }],
        shippingAddress: { country: 'CN', city: 'Shanghai' },
      },
    });
    expect(web.errors).toBeUndefined();
    const customerId = web.data!.placeOrder.order!.customer!.id;
    const shopify = await db.rows<{ customer_id: string }>(
      "SELECT customer_id FROM orders.sales_order WHERE channel_code = 'shopify' AND external_id = '5849302716411'",
    );
    // The Shopify sample may have been imported by the test above (then it created the customer first).
    if (shopify.length) expect(shopify[0].customer_id).toBe(customerId);
    else {
      const imported = await importSample('shopify', 'shopify-order.json');
      expect(imported.data!.importChannelOrder.order!.customer!.id).toBe(customerId);
    }
    const identities = await db.rows<{ channel: string }>(
      'SELECT channel FROM customers.channel_identity WHERE customer_id = $1 ORDER BY channel',
      [customerId],
    );
    expect(identities.map((i) => i.channel)).toEqual(['shopify', 'webstore']);
  });

  const importTotals = async (channel: string, payload: unknown) => {
    const result = await ask(IMPORT_TOTALS, { channel, payload });
    expect(result.errors).toBeUndefined();
    expect(result.data!.importChannelOrder.created).toBe(true);
    const order = result.data!.importChannelOrder.order!;
    expect(order.customer).not.toBeNull();
    return { ...order, customer: order.customer! };
  };

  it('Shopify tax: added on top it is in the total paid; already in the prices it is shown, not added', async () => {
    /** The Shopify sample under a new order number and buyer, with this tax. */
    const taxed = (tax: string, included: boolean, totalPrice: string) => {
      const o = payloadOf('shopify-order.json');
      o.id = Number(unique());
      o.customer.id = Number(unique());
      o.email = o.customer.email = `tax-${o.id}@example.com`;
      // Without the sample's phone, so the golden-customer match cannot join this buyer to the sample's.
      delete o.customer.phone;
      delete o.shipping_address.phone;
      return { ...o, total_tax: tax, taxes_included: included, total_price: totalPrice };
    };
    const onTop = await importTotals('shopify', taxed('15.22', false, '194.22'));
    expect([onTop.total, onTop.tax]).toEqual([
      { amount: '194.22', currency: 'USD' },
      { amount: '15.22', currency: 'USD' },
    ]);
    const inPrices = await importTotals('shopify', taxed('29.83', true, '179.00'));
    expect([inPrices.total, inPrices.tax]).toEqual([
      { amount: '179.00', currency: 'USD' },
      { amount: '29.83', currency: 'USD' },
    ]);
    // The stored figures are what the API shows; the intake log no longer reports tax left out.
    const stored = await db.rows(
      'SELECT id, total::text, tax_minor::int AS tax FROM orders.sales_order WHERE id = ANY($1) ORDER BY total',
      [[onTop.id, inPrices.id]],
    );
    expect(stored).toEqual([
      { id: inPrices.id, total: '179.00', tax: 2983 },
      { id: onTop.id, total: '194.22', tax: 1522 },
    ]);
    const repairs = await db.rows<{ repairs: { rule: string }[] }>(
      'SELECT repairs FROM orders.intake_record WHERE order_id = ANY($1)',
      [[onTop.id, inPrices.id]],
    );
    expect(repairs).toHaveLength(2);
    expect(repairs.flatMap((r) => r.repairs.map((repair) => repair.rule))).not.toContain('tax-not-in-total');
  });

  it("POS: receipts without a member go to the store's walk-in guest; members stay their own customers", async () => {
    const walkIn = () =>
      channelFixture('pos-receipt.csv')
        .replaceAll('R20261123-000417', `R-WALKIN-${unique()}`)
        .replaceAll(',13911112222,陈思远,', ',,,');
    const first = await importTotals('pos', walkIn());
    const second = await importTotals('pos', walkIn());
    expect(second.customer.id).toBe(first.customer.id);
    expect(first.customer).toEqual({
      id: first.customer.id,
      name: 'Walk-in customer (SH-JINGAN-01)',
      email: null,
      phone: null,
      identities: [{ channel: 'pos', externalId: 'walk-in:SH-JINGAN-01' }],
    });
    expect(first.total).toEqual({ amount: '318.70', currency: 'CNY' });
    const member = await importTotals(
      'pos',
      channelFixture('pos-receipt.csv').replaceAll('R20261123-000417', `R-MEMBER-${unique()}`),
    );
    expect(member.customer).toMatchObject({ name: '陈思远', phone: '+8613911112222' });
    expect(member.customer.id).not.toBe(first.customer.id);
    // A walk-in sale goes on like any other: stock is reserved for it.
    await eventually(async () => {
      const [row] = await db.rows<{ status: string }>('SELECT status FROM orders.sales_order WHERE id = $1', [
        first.id,
      ]);
      return ['ALLOCATED', 'BACKORDERED'].includes(row.status) || undefined;
    }, 'walk-in order allocated or backordered');
  });
});
