import { assembleOrder, splitLineTotal, type OrderDraft } from '../assemble-order';
import type { ChannelAdapter } from '../channel-adapter';
import { IntakeRecorder, rejectUnlessObject } from '../intake-recorder';
import type { IntakeResult } from '../normalized-order';
import { formatMinor } from '../normalize/money';
import { joinText } from '../normalize/text';

/**
 * Douyin Shop (Doudian) `shop_order_detail`. Money is integer fen; times are
 * unix seconds. Each SKU order's `origin_amount` is the line total for
 * `item_num` units. The receiver's name and phone arrive masked (刘**,
 * 138****0923): the name is kept as given, the phone is dropped.
 */
export class DouyinAdapter implements ChannelAdapter {
  readonly channel = 'douyin';

  parse(payload: unknown): IntakeResult {
    const rejected = rejectUnlessObject(payload, 'a Douyin order');
    if (rejected) return rejected;
    const r = new IntakeRecorder();
    const d = r.object('shop_order_detail', (payload as Record<string, unknown>).shop_order_detail);
    const fen = (field: string, value: unknown, required: boolean): number => {
      const problemsBefore = r.problems.length;
      const minor = required ? r.money(field, value, 'minor') : r.optionalMoney(field, value, 'minor');
      if (minor !== null && r.problems.length === problemsBefore)
        r.repair(field, String(value), formatMinor(minor), 'money-fen');
      return minor ?? 0;
    };

    const lines: OrderDraft['lines'] = r.lines('shop_order_detail.sku_order_list', d.sku_order_list).map((entry, i) => {
      const at = `shop_order_detail.sku_order_list[${i}]`;
      const sku = r.object(at, entry);
      const quantity = r.quantity(`${at}.item_num`, sku.item_num);
      return {
        sku: r.requiredText(`${at}.out_sku_id`, sku.out_sku_id),
        quantity,
        unitMinor: splitLineTotal(
          r,
          `${at}.origin_amount`,
          fen(`${at}.origin_amount`, sku.origin_amount, true),
          quantity,
        ),
      };
    });

    const addr = r.object('shop_order_detail.post_addr', d.post_addr, false);
    const place = (key: string) => r.object(`shop_order_detail.post_addr.${key}`, addr[key], false).name;
    const name = r.requiredText('shop_order_detail.post_receiver', d.post_receiver);
    const phone = r.phone('shop_order_detail.post_tel', d.post_tel, 'CN');
    const draft: OrderDraft = {
      channel: this.channel,
      externalId: r.id('shop_order_detail.order_id', d.order_id),
      buyer: {
        name,
        email: null,
        phone,
        channelBuyerId: r.text('shop_order_detail.doudian_open_id', d.doudian_open_id),
      },
      currency: 'CNY',
      lines,
      discountMinor: fen('shop_order_detail.promotion_amount', d.promotion_amount, false),
      shippingMinor: fen('shop_order_detail.post_amount', d.post_amount, false),
      shippingAddress: {
        name,
        phone,
        country: 'CN',
        province: r.text('shop_order_detail.post_addr.province.name', place('province')),
        city: r.text('shop_order_detail.post_addr.city.name', place('city')),
        line1: joinText([place('town'), place('street'), addr.detail], ''),
        postalCode: null,
      },
      placedAt: r.instant('shop_order_detail.create_time', d.create_time, { epochSeconds: true }),
    };
    return assembleOrder(r, draft, {
      discountField: 'shop_order_detail.promotion_amount',
      stated: {
        field: 'shop_order_detail.pay_amount',
        minor: r.optionalMoney('shop_order_detail.pay_amount', d.pay_amount, 'minor'),
      },
    });
  }
}
