import { TmallAdapter } from '../adapters/tmall.adapter';
import type { ChannelAdapter } from '../channel-adapter';
import { messageFor, orderOf, problemFields, receivedAt, repairRules, sample } from './intake-support';

const adapter: ChannelAdapter = new TmallAdapter();
const parse = (payload: unknown) => adapter.parse(payload, { receivedAt });

describe('TmallAdapter', () => {
  it('reads the sample trade, its local time as China time', () => {
    const result = parse(sample('tmall-trade.json'));
    expect(orderOf(result)).toEqual({
      channel: 'tmall',
      externalId: '3987120456612093847',
      buyer: { name: '张晓雨', email: null, phone: '+8613812345678', channelBuyerId: 'AAHk3mQxABcd8Zr7Q0nTz1Pq' },
      currency: 'CNY',
      lines: [
        { sku: 'SKU-0002', quantity: 1, unitPrice: '299.00' },
        { sku: 'SKU-0045', quantity: 1, unitPrice: '108.00' },
      ],
      discount: '20.00',
      shippingFee: '0.00',
      taxMinor: 0,
      total: '387.00',
      shippingAddress: {
        name: '张晓雨',
        phone: '+8613812345678',
        country: 'CN',
        province: '浙江省',
        city: '杭州市',
        line1: '西湖区文三路 478 号 2 幢 1201 室',
        postalCode: '310012',
      },
      placedAt: new Date('2026-11-22T02:15:30.000Z'),
    });
    expect(result.repairs).toEqual([
      { field: 'trade.receiver_mobile', from: '13812345678', to: '+8613812345678', rule: 'phone-e164' },
      {
        field: 'trade.created',
        from: '2026-11-22 10:15:30',
        to: '2026-11-22T10:15:30+08:00',
        rule: 'timezone-applied',
      },
    ]);
  });

  it('accepts money as JSON numbers', () => {
    const o = sample('tmall-trade.json');
    o.trade.orders.order[0].price = 299;
    o.trade.orders.order[1].price = 108.0;
    Object.assign(o.trade, { discount_fee: 20, post_fee: 0, payment: 387 });
    expect(orderOf(parse(o)).total).toBe('387.00');
  });

  it('adds postage and a zero-priced gift line', () => {
    const o = sample('tmall-trade.json');
    o.trade.orders.order.push({ outer_sku_id: 'SKU-0299', num: 1, price: '0.00' });
    o.trade.post_fee = '10.00';
    o.trade.payment = '397.00';
    const order = orderOf(parse(o));
    expect(order.lines.map((l) => [l.sku, l.unitPrice])).toEqual([
      ['SKU-0002', '299.00'],
      ['SKU-0045', '108.00'],
      ['SKU-0299', '0.00'],
    ]);
    expect([order.shippingFee, order.total]).toEqual(['10.00', '397.00']);
  });

  it('without discount, postage, zip, district or buyer id', () => {
    const o = sample('tmall-trade.json');
    for (const key of ['discount_fee', 'post_fee', 'receiver_zip', 'receiver_district', 'buyer_open_uid'])
      delete o.trade[key];
    o.trade.payment = '407.00';
    const order = orderOf(parse(o));
    expect([order.discount, order.shippingFee, order.total]).toEqual(['0.00', '0.00', '407.00']);
    expect(order.shippingAddress).toMatchObject({ line1: '文三路 478 号 2 幢 1201 室', postalCode: null });
    expect(order.buyer.channelBuyerId).toBeNull();
  });

  it('drops a masked mobile, falls back to the landline, and keeps an explicit offset', () => {
    const o = sample('tmall-trade.json');
    o.trade.receiver_mobile = '138****5678';
    o.trade.receiver_phone = '0571-88889999';
    o.trade.created = '2026-11-22T10:15:30+08:00';
    const result = parse(o);
    expect(orderOf(result).buyer.phone).toBe('+8657188889999');
    expect(orderOf(result).placedAt).toEqual(new Date('2026-11-22T02:15:30.000Z'));
    expect(repairRules(result)).toEqual({
      'trade.receiver_mobile': 'phone-masked',
      'trade.receiver_phone': 'phone-e164',
    });
    delete o.trade.receiver_phone;
    expect(orderOf(parse(o)).shippingAddress.phone).toBeNull();
  });

  it('rejects a payment that does not add up', () => {
    const o = sample('tmall-trade.json');
    o.trade.payment = '377.00';
    expect(problemFields(parse(o))).toEqual(['trade.payment']);
    expect(messageFor(parse(o), 'trade.payment')).toBe(
      'channel says 377.00, lines less discounts plus shipping give 387.00',
    );
  });

  it('lists every problem of a broken trade', () => {
    const o = sample('tmall-trade.json');
    delete o.trade.tid;
    o.trade.created = '2026-02-30 10:15:30';
    delete o.trade.receiver_name;
    o.trade.orders.order[0].num = 0;
    delete o.trade.orders.order[0].outer_sku_id;
    o.trade.orders.order[1].price = '108.001';
    o.trade.post_fee = '-5.00';
    expect(problemFields(parse(o))).toEqual([
      'trade.created',
      'trade.orders.order[0].num',
      'trade.orders.order[0].outer_sku_id',
      'trade.orders.order[1].price',
      'trade.post_fee',
      'trade.receiver_name',
      'trade.tid',
    ]);
    expect(messageFor(parse(o), 'trade.created')).toBe('"2026-02-30 10:15:30" is not a real date and time');
  });

  it('rejects a tid sent as a JSON number, which cannot hold its 19 digits', () => {
    const o = sample('tmall-trade.json');
    o.trade.tid = 3987120456612093847;
    expect(problemFields(parse(o))).toEqual(['trade.tid']);
  });

  it('rejects a payload without a trade or without sub-orders', () => {
    expect(problemFields(parse({ tid: '1' }))).toEqual(['trade']);
    const o = sample('tmall-trade.json');
    o.trade.orders.order = [];
    expect(problemFields(parse(o))).toEqual(['trade.orders.order']);
    expect(problemFields(parse('{"trade":{}}'))).toEqual(['payload']);
  });
});
