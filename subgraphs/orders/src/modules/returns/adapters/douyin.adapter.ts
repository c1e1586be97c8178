import { rejectUnlessObject } from '../../intake/intake-recorder';
import { type ReturnAdapter, type ReturnIntake, ReturnRecorder, reasonFromChineseText } from '../return-adapter';

/** `after_sale_type` 0: return and refund (退货退款); 1 and 2 refund money only, 3 exchanges. */
const RETURN_AND_REFUND = 0;
/** Statuses once the shop agreed the goods come back: waiting for the parcel, for the shop's receipt, refunded. */
const AGREED = [7, 11, 12, 14];
/** Refused or closed by the shop, or withdrawn by the buyer. */
const REFUSED = [27, 28, 29, 51, 53];

/**
 * A Douyin Shop after-sale as the afterSale/Detail API returns it (`data`, or
 * its content alone): `after_sale_info` (id, order, type, status, the buyer's
 * `reason`) and `order_info.related_order_info` (the SKU orders returned, with
 * the shop's own SKU code `shop_sku_code` and `aftersale_item_num`).
 */
export class DouyinReturnAdapter implements ReturnAdapter {
  readonly channel = 'douyin';

  parse(payload: unknown): ReturnIntake {
    const rejected = rejectUnlessObject(payload, 'a Douyin after-sale');
    if (rejected) return { ok: false, problems: rejected.problems };
    const root = payload as Record<string, unknown>;
    const r = new ReturnRecorder();
    const base = root.data === undefined ? '' : 'data.';
    const data = root.data === undefined ? root : r.object('data', root.data);
    const info = r.object(`${base}after_sale_info`, data.after_sale_info);
    const at = (field: string) => `${base}after_sale_info.${field}`;
    const externalId = r.id(at('after_sale_id'), info.after_sale_id);
    const orderExternalId = r.id(at('order_id'), info.order_id);
    if (Number(info.after_sale_type) !== RETURN_AND_REFUND) {
      r.problem(at('after_sale_type'), `is ${String(info.after_sale_type)}: only a return and refund (0) is imported`);
    }
    const status = Number(info.after_sale_status);
    if (!Number.isInteger(status)) r.problem(at('after_sale_status'), 'is required (a whole number)');
    else if (REFUSED.includes(status))
      r.problem(at('after_sale_status'), `is ${status}: refused or closed, nothing comes back`);
    const related = `${base}order_info.related_order_info`;
    const lines = r.items(related, r.object(`${base}order_info`, data.order_info).related_order_info).map((raw, i) => {
      const item = r.object(`${related}[${i}]`, raw);
      return {
        sku: r.requiredText(`${related}[${i}].shop_sku_code`, item.shop_sku_code),
        quantity: r.quantity(`${related}[${i}].aftersale_item_num`, item.aftersale_item_num),
      };
    });
    const reason = r.text(at('reason'), info.reason);
    return r.result({
      orderExternalId,
      orderField: at('order_id'),
      externalId,
      lines,
      reason: reasonFromChineseText(reason),
      note: r.text(at('reason_remark'), info.reason_remark) ?? reason,
      agreed: AGREED.includes(status),
    });
  }
}
