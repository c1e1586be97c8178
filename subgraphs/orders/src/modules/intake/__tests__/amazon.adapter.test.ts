import { AmazonAdapter } from '../adapters/amazon.adapter';
import type { ChannelAdapter } from '../channel-adapter';
import { messageFor, orderOf, problemFields, receivedAt, sample } from './intake-support';

const adapter: ChannelAdapter = new AmazonAdapter();
const parse = (payload: unknown) => adapter.parse(payload, { receivedAt });
const usd = (Amount: string | number) => ({ CurrencyCode: 'USD', Amount });

describe('AmazonAdapter', () => {
  it('reads the sample order, splitting ItemPrice over the units', () => {
    const result = parse(sample('amazon-order.json'));
    expect(orderOf(result)).toEqual({
      channel: 'amazon',
      externalId: '113-4829105-7730621',
      buyer: {
        name: 'Daniel Ortiz',
        email: '8kq2m7x3v1@marketplace.amazon.com',
        phone: '+12065550188',
        channelBuyerId: '8kq2m7x3v1@marketplace.amazon.com',
      },
      currency: 'USD',
      lines: [{ sku: 'SKU-0031', quantity: 2, unitPrice: '32.49' }],
      discount: '0.00',
      shippingFee: '0.00',
      taxMinor: 0,
      total: '64.98',
      shippingAddress: {
        name: 'Daniel Ortiz',
        phone: '+12065550188',
        country: 'US',
        province: 'WA',
        city: 'Seattle',
        line1: '1200 Pine Ave',
        postalCode: '98101-2233',
      },
      placedAt: new Date('2026-11-21T03:41:12.000Z'),
    });
    expect(result.repairs).toEqual([
      { field: 'ShippingAddress.Phone', from: '+1 206-555-0188', to: '+12065550188', rule: 'phone-e164' },
    ]);
  });

  it('sums promotions and shipping over several items, a free gift among them', () => {
    const o = sample('amazon-order.json');
    o.OrderItems[0].PromotionDiscount = usd('5.00');
    o.OrderItems[0].ShippingPrice = usd('4.99');
    o.OrderItems.push({ SellerSKU: 'SKU-0299', QuantityOrdered: 1, ItemPrice: usd('0.00') });
    o.OrderItems.push({
      SellerSKU: 'SKU-0040',
      QuantityOrdered: 3,
      ItemPrice: usd(30),
      ShippingPrice: usd(1.5),
      ShippingDiscount: usd('1.50'),
    });
    o.OrderTotal = usd('94.97');
    const order = orderOf(parse(o));
    expect(order.lines).toEqual([
      { sku: 'SKU-0031', quantity: 2, unitPrice: '32.49' },
      { sku: 'SKU-0299', quantity: 1, unitPrice: '0.00' },
      { sku: 'SKU-0040', quantity: 3, unitPrice: '10.00' },
    ]);
    expect([order.discount, order.shippingFee, order.total]).toEqual(['6.50', '6.49', '94.97']);
  });

  it('goes to the Amazon guest when Amazon withholds BuyerInfo and the phone, the name kept on the address', () => {
    const o = sample('amazon-order.json');
    delete o.BuyerInfo;
    delete o.ShippingAddress.Phone;
    o.ShippingAddress.AddressLine2 = 'Apt 5';
    const order = orderOf(parse(o));
    expect(order.buyer).toEqual({
      name: 'Guest (Amazon)',
      email: null,
      phone: null,
      channelBuyerId: 'guest:amazon',
      guest: true,
    });
    expect(order.shippingAddress).toMatchObject({ name: 'Daniel Ortiz', line1: '1200 Pine Ave, Apt 5' });
  });

  it('adds item and shipping tax to the total, as OrderTotal does', () => {
    const o = sample('amazon-order.json');
    o.OrderItems[0].ItemTax = usd('6.66');
    o.OrderItems[0].ShippingPrice = usd('4.00');
    o.OrderItems[0].ShippingTax = usd('0.40');
    o.OrderItems.push({ SellerSKU: 'SKU-0040', QuantityOrdered: 1, ItemPrice: usd('10.00'), ItemTax: usd(1) });
    o.OrderTotal = { CurrencyCode: 'usd', Amount: '87.04' };
    const result = parse(o);
    expect(orderOf(result)).toMatchObject({ shippingFee: '4.00', taxMinor: 806, total: '87.04' });
    expect(result.repairs).toEqual([
      { field: 'OrderTotal.CurrencyCode', from: 'usd', to: 'USD', rule: 'currency-case' },
      { field: 'ShippingAddress.Phone', from: '+1 206-555-0188', to: '+12065550188', rule: 'phone-e164' },
    ]);
  });

  it('rejects an OrderTotal that leaves the tax out, and tax in another currency', () => {
    const o = sample('amazon-order.json');
    o.OrderItems[0].ItemTax = usd('6.66');
    expect(messageFor(parse(o), 'OrderTotal.Amount')).toBe(
      'channel says 64.98, lines less discounts plus shipping give 64.98, plus tax 6.66 is 71.64',
    );
    o.OrderItems[0].ItemTax = { CurrencyCode: 'CAD', Amount: '6.66' };
    o.OrderTotal = usd('71.64');
    expect(problemFields(parse(o))).toEqual(['OrderItems[0].ItemTax.CurrencyCode']);
  });

  it('rejects an item price that has no whole-cent unit price', () => {
    const o = sample('amazon-order.json');
    o.OrderItems[0].ItemPrice = usd('64.99');
    o.OrderTotal = usd('64.99');
    const result = parse(o);
    expect(problemFields(result)).toEqual(['OrderItems[0].ItemPrice.Amount']);
    expect(messageFor(result, 'OrderItems[0].ItemPrice.Amount')).toBe(
      '64.99 for 2 units does not divide into a whole-cent unit price',
    );
  });

  it('names the field whose currency differs from OrderTotal', () => {
    const o = sample('amazon-order.json');
    o.OrderItems[0].PromotionDiscount = { CurrencyCode: 'EUR', Amount: '0.00' };
    const result = parse(o);
    expect(problemFields(result)).toEqual(['OrderItems[0].PromotionDiscount.CurrencyCode']);
    expect(messageFor(result, 'OrderItems[0].PromotionDiscount.CurrencyCode')).toBe(
      'currency mismatch: EUR here, the order is in USD (OrderTotal)',
    );
  });

  it('rejects an OrderTotal that does not add up', () => {
    const o = sample('amazon-order.json');
    o.OrderTotal = usd('65.00');
    expect(messageFor(parse(o), 'OrderTotal.Amount')).toBe(
      'channel says 65.00, lines less discounts plus shipping give 64.98',
    );
  });

  it('lists every problem of a broken order', () => {
    const o = sample('amazon-order.json');
    delete o.AmazonOrderId;
    o.PurchaseDate = 'yesterday';
    o.OrderTotal.CurrencyCode = 'ZZZ';
    o.OrderItems[0].QuantityOrdered = 0;
    delete o.OrderItems[0].SellerSKU;
    o.OrderItems.push({ SellerSKU: 'SKU-0002', QuantityOrdered: 1 });
    o.ShippingAddress.CountryCode = 'XX';
    expect(problemFields(parse(o))).toEqual([
      'AmazonOrderId',
      'OrderItems[0].QuantityOrdered',
      'OrderItems[0].SellerSKU',
      'OrderItems[1].ItemPrice',
      'OrderTotal.CurrencyCode',
      'PurchaseDate',
      'ShippingAddress.CountryCode',
    ]);
  });

  it('rejects an order without items, total or address', () => {
    const o = sample('amazon-order.json');
    delete o.OrderItems;
    delete o.OrderTotal;
    delete o.ShippingAddress;
    expect(problemFields(parse(o))).toEqual(['OrderItems', 'OrderTotal', 'ShippingAddress']);
  });

  it('rejects a payload that is not an order object', () => {
    expect(problemFields(parse('113-4829105-7730621'))).toEqual(['payload']);
  });
});
