import { WebstoreAdapter } from '../adapters/webstore.adapter';
import { normalizePlaceOrderInput } from '../place-order-input';
import { messageFor, orderOf, problemFields, receivedAt, repairRules } from './intake-support';

const input = () => ({
  channel: 'webstore',
  externalId: 'WS-100231',
  buyer: { name: 'Zhou Min', email: 'zhou.min@example.com', phone: '138 0013 8000' },
  currency: 'CNY',
  lines: [
    { sku: 'SKU-0010', quantity: 2, unitPrice: '89.90' },
    { sku: 'SKU-0299', quantity: 1, unitPrice: '0.00' },
  ],
  shippingAddress: {
    name: 'Zhou Min',
    phone: null,
    country: '中国',
    province: '上海市',
    city: '上海市',
    line1: '淮海中路 999 号',
    postalCode: '200031',
  },
  placedAt: new Date('2026-11-24T09:30:00+08:00') as Date | string | null,
});
const normalize = (value: unknown) => normalizePlaceOrderInput(value, { receivedAt });

describe('normalizePlaceOrderInput', () => {
  it('normalizes a valid input', () => {
    const result = normalize(input());
    expect(orderOf(result)).toEqual({
      channel: 'webstore',
      externalId: 'WS-100231',
      buyer: { name: 'Zhou Min', email: 'zhou.min@example.com', phone: '+8613800138000', channelBuyerId: null },
      currency: 'CNY',
      lines: [
        { sku: 'SKU-0010', quantity: 2, unitPrice: '89.90' },
        { sku: 'SKU-0299', quantity: 1, unitPrice: '0.00' },
      ],
      discount: '0.00',
      shippingFee: '0.00',
      taxMinor: 0,
      total: '179.80',
      shippingAddress: {
        name: 'Zhou Min',
        phone: null,
        country: 'CN',
        province: '上海市',
        city: '上海市',
        line1: '淮海中路 999 号',
        postalCode: '200031',
      },
      placedAt: new Date('2026-11-24T01:30:00.000Z'),
    });
    expect(repairRules(result)).toEqual({ 'shippingAddress.country': 'country-iso', 'buyer.phone': 'phone-e164' });
  });

  it('defaults placedAt to when the request arrived, and reads ISO text', () => {
    expect(orderOf(normalize({ ...input(), placedAt: null })).placedAt).toEqual(receivedAt);
    expect(orderOf(normalize({ ...input(), placedAt: undefined })).placedAt).toEqual(receivedAt);
    expect(orderOf(normalize({ ...input(), placedAt: '2026-11-24T01:30:00Z' })).placedAt).toEqual(
      new Date('2026-11-24T01:30:00Z'),
    );
  });

  it('lower-cases the channel and upper-cases the currency, saying so', () => {
    const result = normalize({ ...input(), channel: 'WebStore', currency: 'cny' });
    expect([orderOf(result).channel, orderOf(result).currency]).toEqual(['webstore', 'CNY']);
    expect(repairRules(result)).toMatchObject({ channel: 'channel-case', currency: 'currency-case' });
  });

  it('needs only the required fields', () => {
    const order = orderOf(
      normalize({
        channel: 'shopify',
        externalId: '1',
        buyer: { name: 'A' },
        currency: 'USD',
        lines: [{ sku: 'SKU-0001', quantity: 1, unitPrice: '5' }],
        shippingAddress: { country: 'us' },
      }),
    );
    // No email or phone: the channel's guest.
    expect(order.buyer).toEqual({
      name: 'Guest (Shopify)',
      email: null,
      phone: null,
      channelBuyerId: 'guest:shopify',
      guest: true,
    });
    expect(order.shippingAddress).toEqual({
      name: null,
      phone: null,
      country: 'US',
      province: null,
      city: null,
      line1: null,
      postalCode: null,
    });
    expect(order.total).toBe('5.00');
  });

  it('lists every problem, with input paths', () => {
    const bad = {
      ...input(),
      channel: '',
      externalId: '  ',
      buyer: { name: '', email: 'nobody', phone: '12345' },
      currency: 'RMB',
      lines: [
        { sku: 'SKU-0010', quantity: 2, unitPrice: '89.999' },
        { sku: 'SKU-0011', quantity: 0, unitPrice: '-1.00' },
        { sku: '', quantity: 1.5, unitPrice: 'abc' },
      ],
      shippingAddress: { country: 'Narnia' },
      placedAt: '2026-11-24 09:30',
    };
    const result = normalize(bad);
    expect(problemFields(result)).toEqual([
      'buyer.email',
      'buyer.name',
      'buyer.phone',
      'channel',
      'currency',
      'externalId',
      'lines[0].unitPrice',
      'lines[1].quantity',
      'lines[1].unitPrice',
      'lines[2].quantity',
      'lines[2].sku',
      'lines[2].unitPrice',
      'placedAt',
      'shippingAddress.country',
    ]);
    expect(messageFor(result, 'lines[1].quantity')).toBe('number 0 is not a positive whole number');
    expect(messageFor(result, 'lines[1].unitPrice')).toBe('-1.00 is negative');
    expect(messageFor(result, 'currency')).toBe('"RMB" is not an ISO-4217 currency code');
    // A buyer's details are named, never quoted: problems are returned, stored in the intake log and logged.
    expect(messageFor(result, 'buyer.email')).toBe('is not an email address');
    expect(messageFor(result, 'buyer.phone')).toBe('has no country code and the country is unknown');
  });

  it('says what kind of value came where an object belongs, not the value', () => {
    const result = normalize({ ...input(), buyer: 'Zhou Min, 138 0013 8000', shippingAddress: ['淮海中路 999 号'] });
    expect(messageFor(result, 'buyer')).toBe('expected an object, got text');
    expect(messageFor(result, 'shippingAddress')).toBe('expected an object, got a list');
  });

  it('rejects missing lines, buyer and address', () => {
    expect(problemFields(normalize({ channel: 'webstore', externalId: 'X', currency: 'CNY', lines: [] }))).toEqual([
      'buyer',
      'lines',
      'shippingAddress',
    ]);
    expect(problemFields(normalize('order'))).toEqual(['payload']);
  });
});

describe('WebstoreAdapter', () => {
  const adapter = new WebstoreAdapter();
  const parse = (payload: unknown) => adapter.parse(payload, { receivedAt });

  it('imports a PlaceOrderInput payload, channel optional', () => {
    const { channel: _omitted, ...payload } = input();
    expect(orderOf(parse({ ...payload, placedAt: '2026-11-24T01:30:00Z' })).channel).toBe('webstore');
    expect(orderOf(parse({ ...input(), placedAt: '2026-11-24T01:30:00Z' })).externalId).toBe('WS-100231');
  });

  it('refuses a payload that names another channel, listing its other problems too', () => {
    const result = parse({ ...input(), channel: 'tmall', currency: 'XXX' });
    expect(problemFields(result)).toEqual(['channel', 'currency']);
    expect(messageFor(result, 'channel')).toBe('"tmall" is another channel; this import is for webstore');
  });
});
