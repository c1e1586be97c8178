import { ShopifyAdapter } from '../adapters/shopify.adapter';
import type { ChannelAdapter } from '../channel-adapter';
import { messageFor, orderOf, problemFields, receivedAt, repairRules, sample } from './intake-support';

const adapter: ChannelAdapter = new ShopifyAdapter();
const parse = (payload: unknown) => adapter.parse(payload, { receivedAt });

describe('ShopifyAdapter', () => {
  it('reads the sample webhook order', () => {
    const result = parse(sample('shopify-order.json'));
    expect(orderOf(result)).toEqual({
      channel: 'shopify',
      externalId: '5849302716411',
      buyer: { name: 'Yue Lin', email: 'lin.yue@example.com', phone: '+14155550142', channelBuyerId: '7301928374655' },
      currency: 'USD',
      lines: [
        { sku: 'SKU-0007', quantity: 2, unitPrice: '59.50' },
        { sku: 'SKU-0112', quantity: 1, unitPrice: '70.00' },
      ],
      // total_discounts already contains the 10.00 allocated to the tote line: not counted twice.
      discount: '10.00',
      shippingFee: '0.00',
      taxMinor: 0,
      total: '179.00',
      shippingAddress: {
        name: 'Yue Lin',
        phone: '+14155550142',
        country: 'US',
        province: 'California',
        city: 'San Francisco',
        line1: '88 Spear St, Suite 400',
        postalCode: '94105',
      },
      placedAt: new Date('2026-11-21T02:14:03.000Z'),
    });
    expect(result.repairs).toEqual([]);
  });

  it('accepts money as JSON numbers', () => {
    const o = sample('shopify-order.json');
    o.line_items[0].price = 59.5;
    o.line_items[1].price = 70;
    o.line_items[1].total_discount = 10;
    o.total_discounts = 10;
    o.total_price = 179;
    const order = orderOf(parse(o));
    expect(order.lines.map((l) => l.unitPrice)).toEqual(['59.50', '70.00']);
    expect([order.discount, order.total]).toEqual(['10.00', '179.00']);
  });

  it('adds shipping lines, a zero-priced gift line and normalises the currency case', () => {
    const o = sample('shopify-order.json');
    o.currency = 'usd';
    o.line_items.push({ sku: 'SKU-0299', quantity: 1, price: '0.00', total_discount: '0.00' });
    o.shipping_lines = [
      { title: 'Standard', price: '7.50' },
      { title: 'Gift wrap', price: '2.00' },
    ];
    o.total_price = '188.50';
    const result = parse(o);
    const order = orderOf(result);
    expect(order.lines[2]).toEqual({ sku: 'SKU-0299', quantity: 1, unitPrice: '0.00' });
    expect([order.currency, order.shippingFee, order.total]).toEqual(['USD', '9.50', '188.50']);
    expect(result.repairs).toEqual([{ field: 'currency', from: 'usd', to: 'USD', rule: 'currency-case' }]);
  });

  it('takes a guest checkout without customer or email from the shipping address', () => {
    const o = sample('shopify-order.json');
    delete o.customer;
    delete o.email;
    o.shipping_address = {
      name: 'Ana Gomez',
      address1: '1 Main St',
      city: 'Austin',
      country: 'United States',
      phone: '(512) 555-0199',
    };
    const result = parse(o);
    expect(orderOf(result).buyer).toEqual({
      name: 'Ana Gomez',
      email: null,
      phone: '+15125550199',
      channelBuyerId: null,
    });
    expect(orderOf(result).shippingAddress).toEqual({
      name: 'Ana Gomez',
      phone: '+15125550199',
      country: 'US',
      province: null,
      city: 'Austin',
      line1: '1 Main St',
      postalCode: null,
    });
    expect(repairRules(result)).toEqual({
      'shipping_address.country': 'country-iso',
      'shipping_address.phone': 'phone-e164',
    });
  });

  it('rebuilds the discount from the lines when total_discounts is absent', () => {
    const o = sample('shopify-order.json');
    delete o.total_discounts;
    expect(orderOf(parse(o)).discount).toBe('10.00');
  });

  it('with no discount at all the total is the lines', () => {
    const o = sample('shopify-order.json');
    o.total_discounts = '0.00';
    o.line_items[1].total_discount = '0.00';
    o.total_price = '189.00';
    expect(orderOf(parse(o)).total).toBe('189.00');
  });

  it('adds tax charged on top of the prices to the total, what the buyer pays', () => {
    const o = sample('shopify-order.json');
    o.total_tax = '15.22';
    o.total_price = '194.22';
    const result = parse(o);
    expect(orderOf(result)).toMatchObject({ discount: '10.00', shippingFee: '0.00', taxMinor: 1522, total: '194.22' });
    expect(result.repairs).toEqual([]);
    // A total_price that leaves the tax out no longer adds up.
    o.total_price = '179.00';
    expect(messageFor(parse(o), 'total_price')).toBe(
      'channel says 179.00, lines less discounts plus shipping give 179.00, plus tax 15.22 is 194.22',
    );
  });

  it('shows tax already in the prices without adding it again', () => {
    const o = sample('shopify-order.json');
    o.taxes_included = true;
    o.total_tax = '29.83';
    expect(orderOf(parse(o))).toMatchObject({ taxMinor: 2983, total: '179.00' });
    o.total_price = '208.83';
    expect(messageFor(parse(o), 'total_price')).toBe(
      'channel says 208.83, lines less discounts plus shipping give 179.00',
    );
  });

  it('rejects a tax that is not an amount', () => {
    const o = sample('shopify-order.json');
    o.total_tax = '-1.00';
    expect(problemFields(parse(o))).toEqual(['total_tax']);
    expect(messageFor(parse(o), 'total_tax')).toBe('-1.00 is negative');
  });

  it('rejects a total that does not add up', () => {
    const o = sample('shopify-order.json');
    o.total_price = '180.00';
    expect(problemFields(parse(o))).toEqual(['total_price']);
    expect(messageFor(parse(o), 'total_price')).toBe(
      'channel says 180.00, lines less discounts plus shipping give 179.00',
    );
  });

  it('rejects line discounts larger than the order discount', () => {
    const o = sample('shopify-order.json');
    o.total_discounts = '5.00';
    o.total_price = '184.00';
    expect(messageFor(parse(o), 'total_discounts')).toBe('is less than the discounts on the lines (10.00)');
  });

  it('lists every problem of a broken order', () => {
    const o = sample('shopify-order.json');
    delete o.id;
    o.created_at = '2026-11-20 21:14:03';
    o.currency = 'XYZ';
    o.email = 'not-an-email';
    o.line_items[0].quantity = 0;
    o.line_items[1].sku = '';
    o.line_items[1].price = '70.005';
    o.line_items.push({ sku: 'SKU-0001', quantity: 1.5, price: '-3.00' });
    delete o.shipping_address.country_code;
    o.shipping_address.country = 'Atlantis';
    expect(problemFields(parse(o))).toEqual([
      'created_at',
      'currency',
      'email',
      'id',
      'line_items[0].quantity',
      'line_items[1].price',
      'line_items[1].sku',
      'line_items[2].price',
      'line_items[2].quantity',
      'shipping_address.country',
    ]);
    expect(messageFor(parse(o), 'created_at')).toBe('"2026-11-20 21:14:03" has no UTC offset');
    expect(messageFor(parse(o), 'line_items[1].price')).toBe('70.005 has more than 2 decimals');
  });

  it('rejects an order without lines or shipping address', () => {
    const o = sample('shopify-order.json');
    o.line_items = [];
    delete o.shipping_address;
    expect(problemFields(parse(o))).toEqual(['line_items', 'shipping_address']);
  });

  it('rejects an id JSON could not carry exactly', () => {
    const o = sample('shopify-order.json');
    o.id = 2 ** 53 + 2;
    expect(problemFields(parse(o))).toEqual(['id']);
  });

  it('rejects a payload that is not an order object', () => {
    expect(parse(JSON.stringify(sample('shopify-order.json')))).toEqual({
      ok: false,
      problems: [{ field: 'payload', message: expect.stringContaining('expected a Shopify order as a JSON object') }],
      repairs: [],
    });
    expect(problemFields(parse([sample('shopify-order.json')]))).toEqual(['payload']);
  });
});
