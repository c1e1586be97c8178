import { DouyinAdapter } from '../adapters/douyin.adapter';
import type { ChannelAdapter } from '../channel-adapter';
import { messageFor, orderOf, problemFields, receivedAt, repairRules, sample } from './intake-support';

const adapter: ChannelAdapter = new DouyinAdapter();
const parse = (payload: unknown) => adapter.parse(payload, { receivedAt });

describe('DouyinAdapter', () => {
  it('reads the sample order: fen to yuan, unix seconds, masked receiver', () => {
    const result = parse(sample('douyin-order.json'));
    expect(orderOf(result)).toEqual({
      channel: 'douyin',
      externalId: '6919283746501827365',
      buyer: { name: '刘**', email: null, phone: null, channelBuyerId: '1@#Yz7rQ2mJx8Kp4Nd0Wv6Tb3Hc9' },
      currency: 'CNY',
      lines: [{ sku: 'SKU-0088', quantity: 2, unitPrice: '129.00' }],
      discount: '20.00',
      shippingFee: '0.00',
      taxMinor: 0,
      total: '238.00',
      shippingAddress: {
        name: '刘**',
        phone: null,
        country: 'CN',
        province: '广东省',
        city: '深圳市',
        line1: '南山区粤海街道科技园南区 ** 栋 ***',
        postalCode: null,
      },
      // create_time 1763823045 is 2025-11-22 22:50:45 in China: the sample is a year older than the others.
      placedAt: new Date('2025-11-22T14:50:45.000Z'),
    });
    expect(result.repairs).toEqual([
      { field: 'shop_order_detail.sku_order_list[0].origin_amount', from: '25800', to: '258.00', rule: 'money-fen' },
      { field: 'shop_order_detail.post_tel', from: '138****0923', to: '', rule: 'phone-masked' },
      { field: 'shop_order_detail.promotion_amount', from: '2000', to: '20.00', rule: 'money-fen' },
      { field: 'shop_order_detail.post_amount', from: '0', to: '0.00', rule: 'money-fen' },
    ]);
  });

  it('accepts fen and seconds as digit strings', () => {
    const o = sample('douyin-order.json');
    const d = o.shop_order_detail;
    Object.assign(d, { create_time: '1763823045', promotion_amount: '2000', post_amount: '0', pay_amount: '23800' });
    d.sku_order_list[0].origin_amount = '25800';
    d.sku_order_list[0].item_num = '2';
    expect(orderOf(parse(o))).toEqual(orderOf(parse(sample('douyin-order.json'))));
  });

  it('adds postage, several lines and a zero-priced gift', () => {
    const o = sample('douyin-order.json');
    const d = o.shop_order_detail;
    d.sku_order_list.push(
      { out_sku_id: 'SKU-0089', item_num: 3, origin_amount: 5970 },
      { out_sku_id: 'SKU-0299', item_num: 1, origin_amount: 0 },
    );
    d.post_amount = 800;
    d.pay_amount = 30570;
    const order = orderOf(parse(o));
    expect(order.lines).toEqual([
      { sku: 'SKU-0088', quantity: 2, unitPrice: '129.00' },
      { sku: 'SKU-0089', quantity: 3, unitPrice: '19.90' },
      { sku: 'SKU-0299', quantity: 1, unitPrice: '0.00' },
    ]);
    expect([order.shippingFee, order.total]).toEqual(['8.00', '305.70']);
  });

  it('without promotion, postage, address or buyer id; an unmasked phone', () => {
    const o = sample('douyin-order.json');
    const d = o.shop_order_detail;
    for (const key of ['promotion_amount', 'post_amount', 'post_addr', 'doudian_open_id']) delete d[key];
    d.post_tel = '13800000923';
    d.pay_amount = 25800;
    const result = parse(o);
    const order = orderOf(result);
    expect([order.discount, order.shippingFee, order.total]).toEqual(['0.00', '0.00', '258.00']);
    expect(order.shippingAddress).toEqual({
      name: '刘**',
      phone: '+8613800000923',
      country: 'CN',
      province: null,
      city: null,
      line1: null,
      postalCode: null,
    });
    expect(order.buyer.channelBuyerId).toBeNull();
    expect(repairRules(result)['shop_order_detail.post_tel']).toBe('phone-e164');
  });

  it('rejects a line total that does not split into whole fen per unit', () => {
    const o = sample('douyin-order.json');
    o.shop_order_detail.sku_order_list[0].origin_amount = 25801;
    expect(problemFields(parse(o))).toEqual(['shop_order_detail.sku_order_list[0].origin_amount']);
  });

  it('rejects a pay_amount that does not add up', () => {
    const o = sample('douyin-order.json');
    o.shop_order_detail.pay_amount = 25800;
    expect(messageFor(parse(o), 'shop_order_detail.pay_amount')).toBe(
      'channel says 258.00, lines less discounts plus shipping give 238.00',
    );
  });

  it('lists every problem of a broken order, yuan in a fen field among them', () => {
    const o = sample('douyin-order.json');
    const d = o.shop_order_detail;
    delete d.order_id;
    d.create_time = 1763823045000; // milliseconds, not seconds
    d.promotion_amount = '20.00';
    d.sku_order_list[0].item_num = 0;
    d.sku_order_list.push({ item_num: 1, origin_amount: -100 });
    expect(problemFields(parse(o))).toEqual([
      'shop_order_detail.create_time',
      'shop_order_detail.order_id',
      'shop_order_detail.promotion_amount',
      'shop_order_detail.sku_order_list[0].item_num',
      'shop_order_detail.sku_order_list[1].origin_amount',
      'shop_order_detail.sku_order_list[1].out_sku_id',
    ]);
    expect(messageFor(parse(o), 'shop_order_detail.promotion_amount')).toBe(
      '20.00 is not a whole number of minor units (fen)',
    );
  });

  it('rejects a payload without shop_order_detail', () => {
    expect(problemFields(parse({ data: {} }))).toEqual(['shop_order_detail']);
    expect(problemFields(parse(42))).toEqual(['payload']);
  });
});
