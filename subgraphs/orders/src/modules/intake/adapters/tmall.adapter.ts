import { assembleOrder, type OrderDraft } from '../assemble-order';
import type { ChannelAdapter } from '../channel-adapter';
import { IntakeRecorder, rejectUnlessObject } from '../intake-recorder';
import type { IntakeResult } from '../normalized-order';
import { CHINA_OFFSET } from '../normalize/instant';
import { joinText } from '../normalize/text';

/**
 * Tmall (Taobao Open Platform) trade, full-info shape: `{ trade: {...} }`.
 * Times are China local without an offset; money is decimal yuan, usually as
 * strings. `price` on a sub-order is the unit list price; `discount_fee` is the
 * trade's discount total and `payment` what the buyer pays.
 */
export class TmallAdapter implements ChannelAdapter {
  readonly channel = 'tmall';

  parse(payload: unknown): IntakeResult {
    const rejected = rejectUnlessObject(payload, 'a Tmall trade');
    if (rejected) return rejected;
    const r = new IntakeRecorder();
    const t = r.object('trade', (payload as Record<string, unknown>).trade);

    const orders = r.object('trade.orders', t.orders);
    const lines: OrderDraft['lines'] = r.lines('trade.orders.order', orders.order).map((entry, i) => {
      const at = `trade.orders.order[${i}]`;
      const sub = r.object(at, entry);
      return {
        sku: r.requiredText(`${at}.outer_sku_id`, sub.outer_sku_id),
        quantity: r.quantity(`${at}.num`, sub.num),
        unitMinor: r.money(`${at}.price`, sub.price),
      };
    });

    const phone = r.mobileOrLandline(
      ['trade.receiver_mobile', t.receiver_mobile],
      ['trade.receiver_phone', t.receiver_phone],
      'CN',
    );
    const name = r.requiredText('trade.receiver_name', t.receiver_name);
    const draft: OrderDraft = {
      channel: this.channel,
      externalId: r.id('trade.tid', t.tid),
      buyer: { name, email: null, phone, channelBuyerId: r.text('trade.buyer_open_uid', t.buyer_open_uid) },
      currency: 'CNY',
      lines,
      discountMinor: r.optionalMoney('trade.discount_fee', t.discount_fee) ?? 0,
      shippingMinor: r.optionalMoney('trade.post_fee', t.post_fee) ?? 0,
      shippingAddress: {
        name,
        phone,
        country: 'CN',
        province: r.text('trade.receiver_state', t.receiver_state),
        city: r.text('trade.receiver_city', t.receiver_city),
        // The district has no field of its own and the parcel needs it: it leads the street line.
        line1: joinText([t.receiver_district, t.receiver_address], ''),
        postalCode: r.text('trade.receiver_zip', t.receiver_zip),
      },
      placedAt: r.instant('trade.created', t.created, { localOffset: CHINA_OFFSET }),
    };
    return assembleOrder(r, draft, {
      discountField: 'trade.discount_fee',
      stated: { field: 'trade.payment', minor: r.optionalMoney('trade.payment', t.payment) },
    });
  }
}
