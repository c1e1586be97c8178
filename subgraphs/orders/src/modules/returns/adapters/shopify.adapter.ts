import { type ReturnAdapter, type ReturnIntake, ReturnRecorder } from '../return-adapter';
import { ReturnReason } from '../return.type';
import { rejectUnlessObject } from '../../intake/intake-recorder';

/** Shopify's return reasons (Return API `returnReason`) in our terms. */
const REASONS: Record<string, ReturnReason> = {
  SIZE_TOO_SMALL: ReturnReason.SIZE_FIT,
  SIZE_TOO_LARGE: ReturnReason.SIZE_FIT,
  UNWANTED: ReturnReason.CHANGED_MIND,
  STYLE: ReturnReason.CHANGED_MIND,
  COLOR: ReturnReason.CHANGED_MIND,
  NOT_AS_DESCRIBED: ReturnReason.NOT_AS_DESCRIBED,
  WRONG_ITEM: ReturnReason.WRONG_ITEM,
  DEFECTIVE: ReturnReason.DEFECTIVE,
  OTHER: ReturnReason.OTHER,
  UNKNOWN: ReturnReason.OTHER,
};

/**
 * A Shopify Admin REST refund object (refunds/create webhook) with goods back:
 * `refund_line_items` name the line items and quantities. A refund is the
 * merchant's decision already made, so the return is agreed. Refunds carry no
 * reason of their own; the linked return's `return_line_items[].return_reason`
 * gives it when the payload includes it, else OTHER. Line items without a
 * `restock_type` of "return" (a refund of money only, "no_restock") are not
 * goods coming back and are left out; a refund with none is no return.
 */
export class ShopifyReturnAdapter implements ReturnAdapter {
  readonly channel = 'shopify';

  parse(payload: unknown): ReturnIntake {
    const rejected = rejectUnlessObject(payload, 'a Shopify refund');
    if (rejected) return { ok: false, problems: rejected.problems };
    const o = payload as Record<string, unknown>;
    const r = new ReturnRecorder();
    const externalId = r.id('id', o.id);
    const orderExternalId = r.id('order_id', o.order_id);
    const lines: { sku: string; quantity: number }[] = [];
    r.items('refund_line_items', o.refund_line_items).forEach((raw, i) => {
      const at = `refund_line_items[${i}]`;
      const item = r.object(at, raw);
      const restockType = r.text(`${at}.restock_type`, item.restock_type);
      const sku = r.requiredText(`${at}.line_item.sku`, r.object(`${at}.line_item`, item.line_item).sku);
      const quantity = r.quantity(`${at}.quantity`, item.quantity);
      if (restockType === null || restockType === 'return') lines.push({ sku, quantity });
    });
    if (Array.isArray(o.refund_line_items) && o.refund_line_items.length && !lines.length) {
      r.problem(
        'refund_line_items',
        'no line item comes back (restock_type "return"): a refund of money only is not a return',
      );
    }
    const returned = r.object('return', o.return, false);
    const reasons = r
      .list('return.return_line_items', returned.return_line_items)
      .map((item, i) =>
        r.text(
          `return.return_line_items[${i}].return_reason`,
          r.object(`return.return_line_items[${i}]`, item).return_reason,
        ),
      );
    const first = reasons.find((x): x is string => x !== null);
    return r.result({
      orderExternalId,
      orderField: 'order_id',
      externalId,
      lines,
      reason: first ? (REASONS[first.toUpperCase()] ?? ReturnReason.OTHER) : ReturnReason.OTHER,
      note: r.text('note', o.note),
      agreed: true,
    });
  }
}
