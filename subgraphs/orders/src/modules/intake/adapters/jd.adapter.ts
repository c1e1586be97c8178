import { assembleOrder, type OrderDraft } from '../assemble-order';
import type { ChannelAdapter } from '../channel-adapter';
import { IntakeRecorder, rejectUnlessObject } from '../intake-recorder';
import type { IntakeResult } from '../normalized-order';
import { CHINA_OFFSET } from '../normalize/instant';

/**
 * JD POP (third-party seller) order. Times are China local without an offset;
 * money is decimal yuan; `itemTotal` is the unit count as a string. JD masks
 * the consignee's mobile for sellers, so the phone is usually absent.
 * `sellerDiscount` is the order discount and `orderPayment` what the buyer pays.
 */
export class JdAdapter implements ChannelAdapter {
  readonly channel = 'jd';

  parse(payload: unknown): IntakeResult {
    const rejected = rejectUnlessObject(payload, 'a JD order');
    if (rejected) return rejected;
    const o = payload as Record<string, unknown>;
    const r = new IntakeRecorder();

    const lines: OrderDraft['lines'] = r.lines('itemInfoList', o.itemInfoList).map((entry, i) => {
      const at = `itemInfoList[${i}]`;
      const item = r.object(at, entry);
      return {
        // skuId is JD's own number; outerSkuId is the seller's SKU, ours.
        sku: r.requiredText(`${at}.outerSkuId`, item.outerSkuId),
        quantity: r.quantity(`${at}.itemTotal`, item.itemTotal),
        unitMinor: r.money(`${at}.jdPrice`, item.jdPrice),
      };
    });

    const c = r.object('consigneeInfo', o.consigneeInfo);
    const phone = r.mobileOrLandline(
      ['consigneeInfo.mobile', c.mobile],
      ['consigneeInfo.telephone', c.telephone],
      'CN',
    );
    const name = r.requiredText('consigneeInfo.fullname', c.fullname);
    const draft: OrderDraft = {
      channel: this.channel,
      externalId: r.id('orderId', o.orderId),
      buyer: { name, email: null, phone, channelBuyerId: r.text('pin', o.pin) },
      currency: 'CNY',
      lines,
      discountMinor: r.optionalMoney('sellerDiscount', o.sellerDiscount) ?? 0,
      shippingMinor: r.optionalMoney('freightPrice', o.freightPrice) ?? 0,
      shippingAddress: {
        name,
        phone,
        country: 'CN',
        province: r.text('consigneeInfo.province', c.province),
        city: r.text('consigneeInfo.city', c.city),
        // fullAddress already repeats province and city; it is the line a courier reads.
        line1: r.text('consigneeInfo.fullAddress', c.fullAddress),
        postalCode: null,
      },
      placedAt: r.instant('orderStartTime', o.orderStartTime, { localOffset: CHINA_OFFSET }),
    };
    return assembleOrder(r, draft, {
      discountField: 'sellerDiscount',
      stated: { field: 'orderPayment', minor: r.optionalMoney('orderPayment', o.orderPayment) },
    });
  }
}
