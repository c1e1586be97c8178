import { rejectUnlessObject } from '../../intake/intake-recorder';
import { type ReturnAdapter, type ReturnIntake, ReturnRecorder, reasonFromChineseText } from '../return-adapter';

/** Refund statuses after the seller agreed that the goods come back. */
const AGREED = ['WAIT_BUYER_RETURN_GOODS', 'WAIT_SELLER_CONFIRM_GOODS', 'SUCCESS'];
const REFUSED = ['SELLER_REFUSE_BUYER', 'CLOSED'];

/**
 * A Tmall refund as taobao.refund.get returns it (`refund_get_response.refund`,
 * or the refund object alone): one sub-order (`oid`) of the trade (`tid`),
 * `num` units of the SKU `outer_sku_id` (the seller's SKU code; `outer_id` for
 * an item without SKUs). Only a refund with goods back (`has_good_return`) is
 * a return; the buyer's `reason` is free text chosen from Tmall's list.
 */
export class TmallReturnAdapter implements ReturnAdapter {
  readonly channel = 'tmall';

  parse(payload: unknown): ReturnIntake {
    const rejected = rejectUnlessObject(payload, 'a Tmall refund');
    if (rejected) return { ok: false, problems: rejected.problems };
    const root = payload as Record<string, unknown>;
    const r = new ReturnRecorder();
    const wrapped = root.refund_get_response !== undefined;
    const base = wrapped ? 'refund_get_response.refund.' : '';
    const o = wrapped
      ? r.object('refund_get_response.refund', r.object('refund_get_response', root.refund_get_response).refund)
      : root;
    const externalId = r.id(`${base}refund_id`, o.refund_id);
    const orderExternalId = r.id(`${base}tid`, o.tid);
    const status = r.requiredText(`${base}status`, o.status);
    if (REFUSED.includes(status))
      r.problem(`${base}status`, `is ${status}: the refund was refused or closed, nothing comes back`);
    if (o.has_good_return !== true && o.has_good_return !== 'true') {
      r.problem(`${base}has_good_return`, 'is not true: a refund without goods sent back is not a return');
    }
    const sku = r.text(`${base}outer_sku_id`, o.outer_sku_id) ?? r.requiredText(`${base}outer_id`, o.outer_id);
    const quantity = r.quantity(`${base}num`, o.num);
    const reasonText = r.text(`${base}reason`, o.reason);
    return r.result({
      orderExternalId,
      orderField: `${base}tid`,
      externalId,
      lines: [{ sku, quantity }],
      reason: reasonFromChineseText(reasonText),
      note: r.text(`${base}desc`, o.desc) ?? reasonText,
      agreed: AGREED.includes(status),
    });
  }
}
