import type { IntakeRecorder } from './intake-recorder';
import type { IntakeResult, NormalizedOrder } from './normalized-order';
import { MAX_MINOR, formatMinor } from './normalize/money';

/** A NormalizedOrder before its money is formatted: amounts in integer minor units. */
export interface OrderDraft extends Omit<NormalizedOrder, 'lines' | 'discount' | 'shippingFee' | 'total'> {
  lines: { sku: string; quantity: number; unitMinor: number; presale?: boolean }[];
  discountMinor: number;
  shippingMinor: number;
}

/** The total the channel itself states, checked against the one computed from the lines. */
export interface StatedTotal {
  field: string;
  minor: number | null;
  /**
   * Tax the stated total includes on top of the prices. A NormalizedOrder has
   * no tax, so it is left out of `total`; the adapter records a
   * 'tax-not-in-total' repair on the tax field (`taxRepair`).
   */
  taxMinor?: number;
}

/**
 * Computes the total (lines less discount plus shipping) in minor units,
 * checks it against what the channel states, and returns the result: the order
 * when nothing was wrong, otherwise every problem recorded.
 */
export function assembleOrder(
  r: IntakeRecorder,
  draft: OrderDraft,
  checks: { discountField: string; stated?: StatedTotal },
): IntakeResult {
  const subtotal = draft.lines.reduce((sum, line) => sum + line.quantity * line.unitMinor, 0);
  const total = subtotal - draft.discountMinor + draft.shippingMinor;
  if (r.amountsReliable) checkTotal(r, total, subtotal + draft.shippingMinor, checks);
  if (r.problems.length) return { ok: false, problems: r.problems, repairs: r.repairs };

  const order: NormalizedOrder = {
    channel: draft.channel,
    externalId: draft.externalId,
    buyer: draft.buyer,
    currency: draft.currency,
    lines: draft.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: formatMinor(line.unitMinor),
      ...(line.presale ? { presale: true } : {}),
    })),
    discount: formatMinor(draft.discountMinor),
    shippingFee: formatMinor(draft.shippingMinor),
    total: formatMinor(total),
    shippingAddress: draft.shippingAddress,
    placedAt: draft.placedAt,
  };
  return { ok: true, order, repairs: r.repairs };
}

function checkTotal(
  r: IntakeRecorder,
  total: number,
  beforeDiscount: number,
  { discountField, stated }: { discountField: string; stated?: StatedTotal },
): void {
  if (total < 0) {
    r.problem(discountField, `discount is more than the lines plus shipping (${formatMinor(beforeDiscount)})`);
    return;
  }
  if (!Number.isSafeInteger(total) || total > MAX_MINOR) {
    r.problem('total', `the order total is more than ${formatMinor(MAX_MINOR)}`);
    return;
  }
  if (stated?.minor === null || stated?.minor === undefined) return;
  const tax = stated.taxMinor ?? 0;
  const expected = total + tax;
  if (stated.minor !== expected) {
    const withTax = tax ? `, plus tax ${formatMinor(tax)} is ${formatMinor(expected)}` : '';
    r.problem(
      stated.field,
      `channel says ${formatMinor(stated.minor)}, lines less discounts plus shipping give ${formatMinor(total)}${withTax}`,
    );
  }
}

/** Notes that a tax amount the channel charged is not part of the order total. */
export function taxRepair(r: IntakeRecorder, field: string, taxMinor: number): void {
  if (taxMinor > 0) r.repair(field, formatMinor(taxMinor), '0.00', 'tax-not-in-total');
}

/**
 * Unit price from a line total some channels send instead (Amazon ItemPrice,
 * Douyin origin_amount). A total that does not split evenly has no exact unit
 * price, and rounding one would change what the buyer paid, so it is a problem.
 */
export function splitLineTotal(r: IntakeRecorder, field: string, lineMinor: number, quantity: number): number {
  if (quantity <= 0) return 0;
  if (lineMinor % quantity === 0) return lineMinor / quantity;
  r.amountProblem(field, `${formatMinor(lineMinor)} for ${quantity} units does not divide into a whole-cent unit price`);
  return 0;
}
