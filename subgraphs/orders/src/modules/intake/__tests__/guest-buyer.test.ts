import { channelFixture } from '@supply-graph/shared/testing';
import { adapterFor } from '../adapter-registry';
import { channelGuest, hasBuyerIdentity } from '../guest-buyer';
import type { IntakeResult } from '../normalized-order';
import { normalizePlaceOrderInput } from '../place-order-input';
import { orderOf, receivedAt, sample } from './intake-support';

const parse = (channel: string, payload: unknown): IntakeResult => {
  const adapter = adapterFor(channel);
  if (!adapter) throw new Error(`no adapter for ${channel}`);
  return adapter.parse(payload, { receivedAt });
};

/** Each channel's sample with every buyer identity field deleted (ids, emails, phones); the rest left valid. */
const anonymous: Record<string, () => unknown> = {
  shopify: () => {
    const o = sample('shopify-order.json');
    delete o.email;
    delete o.customer;
    delete o.shipping_address.phone;
    return o;
  },
  amazon: () => {
    const o = sample('amazon-order.json');
    delete o.BuyerInfo.BuyerEmail;
    delete o.ShippingAddress.Phone;
    return o;
  },
  tmall: () => {
    const o = sample('tmall-trade.json');
    delete o.trade.buyer_open_uid;
    delete o.trade.receiver_mobile;
    return o;
  },
  // JD and Douyin mask the phone already: the platform's buyer id is all there is.
  jd: () => {
    const o = sample('jd-order.json');
    delete o.pin;
    return o;
  },
  douyin: () => {
    const o = sample('douyin-order.json');
    delete o.shop_order_detail.doudian_open_id;
    return o;
  },
};

describe('an order that names no buyer goes to its channel guest', () => {
  it.each(Object.keys(anonymous))(
    '%s: accepted onto "guest:<channel>", the receiver kept on the address',
    (channel) => {
      const real = orderOf(parse(channel, JSON.parse(JSON.stringify(anonymous[channel]()))));
      expect(real.buyer).toEqual(channelGuest(channel));
      expect(real.buyer).toMatchObject({ channelBuyerId: `guest:${channel}`, email: null, phone: null, guest: true });
      // The receiver's name stays where the parcel needs it.
      expect(real.shippingAddress.name).toBeTruthy();
    },
  );

  it.each(Object.keys(anonymous))('%s: the full sample keeps its real buyer', (channel) => {
    const file = { shopify: 'shopify-order.json', amazon: 'amazon-order.json', tmall: 'tmall-trade.json' }[channel];
    const payload = file ? sample(file) : sample(`${channel}-order.json`);
    const buyer = orderOf(parse(channel, payload)).buyer;
    expect(buyer.guest).toBeUndefined();
    expect(hasBuyerIdentity(buyer)).toBe(true);
  });

  it('placeOrder input with a name only goes to the web store guest', () => {
    const input = {
      channel: 'webstore',
      externalId: 'WS-ANON-1',
      buyer: { name: 'Zhou Min' },
      currency: 'CNY',
      lines: [{ sku: 'SKU-0010', quantity: 1, unitPrice: '89.90' }],
      shippingAddress: { name: 'Zhou Min', country: 'CN', city: '上海市', line1: '淮海中路 999 号' },
    };
    const order = orderOf(normalizePlaceOrderInput(input, { receivedAt }));
    expect(order.buyer).toEqual({
      name: 'Guest (Web store)',
      email: null,
      phone: null,
      channelBuyerId: 'guest:webstore',
      guest: true,
    });
  });

  it('a POS receipt without a member is the store walk-in guest, marked as a guest', () => {
    const [header, ...rows] = channelFixture('pos-receipt.csv').trim().split('\n');
    const bare = rows.map((row) => row.replace(',13911112222,陈思远,', ',,,'));
    const order = orderOf(parse('pos', [header, ...bare].join('\n')));
    expect(order.buyer).toEqual({
      name: 'Walk-in customer (SH-JINGAN-01)',
      email: null,
      phone: null,
      channelBuyerId: 'walk-in:SH-JINGAN-01',
      guest: true,
    });
  });

  it('a payload that is otherwise invalid is still rejected, guest or not', () => {
    const o = anonymous.tmall() as { trade: { orders: { order: { num: number }[] } } };
    o.trade.orders.order[0].num = -1;
    expect(parse('tmall', o).ok).toBe(false);
  });
});
