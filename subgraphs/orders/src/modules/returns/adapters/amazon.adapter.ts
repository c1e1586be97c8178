import { rejectUnlessObject } from '../../intake/intake-recorder';
import { type ReturnAdapter, type ReturnIntake, ReturnRecorder } from '../return-adapter';
import { ReturnReason } from '../return.type';

/** Amazon's return reason codes (returns report `return_reason`) in our terms; unknown ones are OTHER. */
const REASONS: Record<string, ReturnReason> = {
  'CR-DAMAGED_BY_CARRIER': ReturnReason.DAMAGED,
  'CR-DAMAGED_BY_FC': ReturnReason.DAMAGED,
  'CR-DEFECTIVE': ReturnReason.DEFECTIVE,
  'CR-QUALITY_UNACCEPTABLE': ReturnReason.DEFECTIVE,
  'CR-MISSING_PARTS': ReturnReason.DEFECTIVE,
  'CR-SWITCHEROO': ReturnReason.WRONG_ITEM,
  'CR-EXTRA_ITEM': ReturnReason.WRONG_ITEM,
  'CR-NOT_AS_DESCRIBED': ReturnReason.NOT_AS_DESCRIBED,
  'AMZ-PG-BAD-DESC': ReturnReason.NOT_AS_DESCRIBED,
  'AMZ-PG-APP-TOO-SMALL': ReturnReason.SIZE_FIT,
  'AMZ-PG-APP-TOO-LARGE': ReturnReason.SIZE_FIT,
  'AMZ-PG-APP-FIT': ReturnReason.SIZE_FIT,
  'CR-UNWANTED_ITEM': ReturnReason.CHANGED_MIND,
  'CR-ORDERED_WRONG_ITEM': ReturnReason.CHANGED_MIND,
  'CR-FOUND_BETTER_PRICE': ReturnReason.CHANGED_MIND,
  'AMZ-PG-APP-STYLE': ReturnReason.CHANGED_MIND,
  'CR-NO_REASON_GIVEN': ReturnReason.OTHER,
};
const AGREED = ['approved', 'authorized', 'completed', 'closed'];
const REFUSED = ['rejected', 'denied', 'cancelled'];

/**
 * One Amazon return authorisation (RMA) as the seller returns report
 * (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE, JSON variant) lists it: the
 * report's columns, with the RMA's rows grouped as `items`. Amazon approves
 * most returns itself (`return_request_status` "Approved"): those are agreed;
 * "Pending" ones wait for review here too; refused ones are no return.
 */
export class AmazonReturnAdapter implements ReturnAdapter {
  readonly channel = 'amazon';

  parse(payload: unknown): ReturnIntake {
    const rejected = rejectUnlessObject(payload, 'an Amazon return');
    if (rejected) return { ok: false, problems: rejected.problems };
    const o = payload as Record<string, unknown>;
    const r = new ReturnRecorder();
    const externalId = r.id('amazon_rma_id', o.amazon_rma_id);
    const orderExternalId = r.id('order_id', o.order_id);
    const status = r.requiredText('return_request_status', o.return_request_status).toLowerCase();
    if (REFUSED.includes(status))
      r.problem('return_request_status', `is "${o.return_request_status}": nothing comes back`);
    const lines: { sku: string; quantity: number }[] = [];
    let reason: ReturnReason | null = null;
    const notes: string[] = [];
    r.items('items', o.items).forEach((raw, i) => {
      const at = `items[${i}]`;
      const item = r.object(at, raw);
      lines.push({
        sku: r.requiredText(`${at}.merchant_sku`, item.merchant_sku),
        quantity: r.quantity(`${at}.return_quantity`, item.return_quantity),
      });
      const code = r.text(`${at}.return_reason`, item.return_reason);
      reason ??= code ? (REASONS[code.toUpperCase()] ?? ReturnReason.OTHER) : null;
      const comment = r.text(`${at}.customer_comments`, item.customer_comments);
      if (comment) notes.push(comment);
    });
    return r.result({
      orderExternalId,
      orderField: 'order_id',
      externalId,
      lines,
      reason: reason ?? ReturnReason.OTHER,
      note: notes.length ? notes.join(' / ') : null,
      agreed: AGREED.includes(status),
    });
  }
}
