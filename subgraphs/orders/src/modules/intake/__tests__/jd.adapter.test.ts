import { JdAdapter } from '../adapters/jd.adapter';
import type { ChannelAdapter } from '../channel-adapter';
import { messageFor, orderOf, problemFields, receivedAt, repairRules, sample } from './intake-support';

const adapter: ChannelAdapter = new JdAdapter();
const parse = (payload: unknown) => adapter.parse(payload, { receivedAt });

describe('JdAdapter', () => {
  it('reads the sample order, dropping the masked mobile', () => {
    const result = parse(sample('jd-order.json'));
    expect(orderOf(result)).toEqual({
      channel: 'jd',
      externalId: '281934572610',
      buyer: { name: '王建国', email: null, phone: null, channelBuyerId: 'jd_7d3f9a21c0b84' },
      currency: 'CNY',
      lines: [{ sku: 'SKU-0120', quantity: 2, unitPrice: '258.00' }],
      discount: '20.00',
      shippingFee: '0.00',
      taxMinor: 0,
      total: '496.00',
      shippingAddress: {
        name: '王建国',
        phone: null,
        country: 'CN',
        province: '北京',
        city: '北京市',
        line1: '北京朝阳区建国路 93 号万达广场 8 号楼 2305',
        postalCode: null,
      },
      placedAt: new Date('2026-11-22T12:05:41.000Z'),
    });
    expect(result.repairs).toEqual([
      { field: 'consigneeInfo.mobile', from: '139****5521', to: '', rule: 'phone-masked' },
      {
        field: 'orderStartTime',
        from: '2026-11-22 20:05:41',
        to: '2026-11-22T20:05:41+08:00',
        rule: 'timezone-applied',
      },
    ]);
  });

  it('accepts counts and prices as JSON numbers', () => {
    const o = sample('jd-order.json');
    o.itemInfoList[0].itemTotal = 2;
    o.itemInfoList[0].jdPrice = 258;
    Object.assign(o, { sellerDiscount: 20, freightPrice: 0, orderPayment: 496 });
    expect(orderOf(parse(o)).lines).toEqual([{ sku: 'SKU-0120', quantity: 2, unitPrice: '258.00' }]);
  });

  it('adds freight, more lines and a zero-priced gift', () => {
    const o = sample('jd-order.json');
    o.itemInfoList.push(
      { outerSkuId: 'SKU-0121', itemTotal: '3', jdPrice: '19.90' },
      { outerSkuId: 'SKU-0299', itemTotal: '1', jdPrice: '0.00' },
    );
    o.freightPrice = '6.00';
    o.orderPayment = '561.70';
    const order = orderOf(parse(o));
    expect(order.lines).toEqual([
      { sku: 'SKU-0120', quantity: 2, unitPrice: '258.00' },
      { sku: 'SKU-0121', quantity: 3, unitPrice: '19.90' },
      { sku: 'SKU-0299', quantity: 1, unitPrice: '0.00' },
    ]);
    expect([order.shippingFee, order.total]).toEqual(['6.00', '561.70']);
  });

  it('uses an unmasked mobile, else the landline', () => {
    const o = sample('jd-order.json');
    o.consigneeInfo.mobile = '139 1234 5521';
    expect(orderOf(parse(o)).buyer.phone).toBe('+8613912345521');
    o.consigneeInfo.mobile = '139****5521';
    o.consigneeInfo.telephone = '010-62345678';
    const result = parse(o);
    expect(orderOf(result).shippingAddress.phone).toBe('+861062345678');
    expect(repairRules(result)).toMatchObject({
      'consigneeInfo.mobile': 'phone-masked',
      'consigneeInfo.telephone': 'phone-e164',
    });
  });

  it('without discount, freight, pin or address line', () => {
    const o = sample('jd-order.json');
    for (const key of ['sellerDiscount', 'freightPrice', 'pin']) delete o[key];
    delete o.consigneeInfo.fullAddress;
    o.orderPayment = '516.00';
    const order = orderOf(parse(o));
    expect([order.discount, order.shippingFee, order.total]).toEqual(['0.00', '0.00', '516.00']);
    // No pin and a masked phone: nobody to recognise, the JD guest.
    expect([order.buyer.channelBuyerId, order.shippingAddress.line1]).toEqual(['guest:jd', null]);
  });

  it('rejects an orderPayment that does not add up', () => {
    const o = sample('jd-order.json');
    o.orderPayment = '516.00';
    expect(messageFor(parse(o), 'orderPayment')).toBe(
      'channel says 516.00, lines less discounts plus shipping give 496.00',
    );
  });

  it('rejects a discount larger than the goods', () => {
    const o = sample('jd-order.json');
    o.sellerDiscount = '600.00';
    expect(problemFields(parse(o))).toEqual(['sellerDiscount']);
  });

  it('lists every problem of a broken order', () => {
    const o = sample('jd-order.json');
    delete o.orderId;
    o.orderStartTime = '22/11/2026 20:05';
    o.itemInfoList[0].itemTotal = '2.5';
    o.itemInfoList.push({ skuId: '1', itemTotal: '-1', jdPrice: 'free' });
    delete o.consigneeInfo.fullname;
    expect(problemFields(parse(o))).toEqual([
      'consigneeInfo.fullname',
      'itemInfoList[0].itemTotal',
      'itemInfoList[1].itemTotal',
      'itemInfoList[1].jdPrice',
      'itemInfoList[1].outerSkuId',
      'orderId',
      'orderStartTime',
    ]);
  });

  it('rejects a payload without items or consignee', () => {
    const o = sample('jd-order.json');
    delete o.itemInfoList;
    delete o.consigneeInfo;
    expect(problemFields(parse(o))).toEqual(['consigneeInfo', 'itemInfoList']);
    expect(problemFields(parse(null))).toEqual(['payload']);
  });
});
