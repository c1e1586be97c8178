import type { IntakeRecorder } from './intake-recorder';
import type { IntakeResult, NormalizedOrder } from './normalized-order';
import { MoneyLimits } from '@supply-graph/shared';
import { formatMinor } from './normalize/money';
import { orderBoundsProblems } from './order-bounds';
import { buyerOrGuest } from './guest-buyer';

/** A NormalizedOrder before its money is formatted: amounts in integer minor units. */
export interface OrderDraft extends Omit<NormalizedOrder, 'lines' | 'discount' | 'shippingFee' | 'taxMinor' | 'total'> {
  lines: { sku: string; quantity: number; unitMinor: number; presale?: boolean }[];
  discountMinor: number;
  shippingMinor: number;
  /**
   * The tax the channel charged, when it states one. `inPrices`: the line
   * prices already contain it (Shopify `taxes_included`), so the total does
   * not add it again; otherwise it comes on top and the total includes it.
   */
  tax?: { minor: number; inPrices: boolean };
}

/** The total the channel itself states (tax on top included), checked against the one computed. */
export interface StatedTotal {
  field: string;
  minor: number | null;
}

/**
 * Computes the total (lines less discount plus shipping, plus tax added on
 * top), checks it against what the channel states, holds the order to the
 * bounds every order is held to (`order-bounds.ts`, named by the unified
 * paths: "buyer.name"), and returns the result: the order when nothing was
 * wrong (on the channel's guest customer when it names no recognisable buyer),
 * otherwise every problem recorded.
 */
export function assembleOrder(
  r: IntakeRecorder,
  draft: OrderDraft,
  checks: { discountField: string; stated?: StatedTotal },
): IntakeResult {
  const subtotal = draft.lines.reduce((sum, line) => sum + line.quantity * line.unitMinor, 0);
  const goods = subtotal - draft.discountMinor + draft.shippingMinor;
  const taxMinor = draft.tax?.minor ?? 0;
  const taxOnTop = draft.tax?.inPrices ? 0 : taxMinor;
  // A line past its bounds makes the total meaningless, so it is not checked then.
  for (const p of orderBoundsProblems(draft, { amounts: r.amountsReliable })) {
    if (p.field.startsWith('lines')) r.amountProblem(p.field, p.message);
    else r.problem(p.field, p.message);
  }
  if (r.amountsReliable) checkTotal(r, { goods, taxOnTop, beforeDiscount: subtotal + draft.shippingMinor }, checks);
  if (r.problems.length)
    return { ok: false, problems: r.problems, repairs: r.repairs, skus: draft.lines.map((line) => line.sku) };

  const order: NormalizedOrder = {
    channel: draft.channel,
    externalId: draft.externalId,
    // A payload naming no recognisable buyer is still an order: it goes to the channel's guest.
    buyer: buyerOrGuest(draft.channel, draft.buyer),
    currency: draft.currency,
    lines: draft.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: formatMinor(line.unitMinor),
      ...(line.presale ? { presale: true } : {}),
    })),
    discount: formatMinor(draft.discountMinor),
    shippingFee: formatMinor(draft.shippingMinor),
    taxMinor,
    total: formatMinor(goods + taxOnTop),
    shippingAddress: draft.shippingAddress,
    placedAt: draft.placedAt,
  };
  return { ok: true, order, repairs: r.repairs };
}

function checkTotal(
  r: IntakeRecorder,
  { goods, taxOnTop, beforeDiscount }: { goods: number; taxOnTop: number; beforeDiscount: number },
  { discountField, stated }: { discountField: string; stated?: StatedTotal },
): void {
  if (goods < 0) {
    r.problem(discountField, `discount is more than the lines plus shipping (${formatMinor(beforeDiscount)})`);
    return;
  }
  const total = goods + taxOnTop;
  if (!Number.isSafeInteger(total) || total > MoneyLimits.orderTotalMinor) {
    r.problem('total', `the order total is more than ${formatMinor(MoneyLimits.orderTotalMinor)}`);
    return;
  }
  if (stated?.minor === null || stated?.minor === undefined) return;
  if (stated.minor !== total) {
    const withTax = taxOnTop ? `, plus tax ${formatMinor(taxOnTop)} is ${formatMinor(total)}` : '';
    r.problem(
      stated.field,
      `channel says ${formatMinor(stated.minor)}, lines less discounts plus shipping give ` +
        `${formatMinor(goods)}${withTax}`,
    );
  }
}

/**
 * Unit price from a line total some channels send instead (Amazon ItemPrice,
 * Douyin origin_amount). A total that does not split evenly has no exact unit
 * price, and rounding one would change what the buyer paid, so it is a problem.
 */
export function splitLineTotal(r: IntakeRecorder, field: string, lineMinor: number, quantity: number): number {
  if (quantity <= 0) return 0;
  if (lineMinor % quantity === 0) return lineMinor / quantity;
  r.amountProblem(
    field,
    `${formatMinor(lineMinor)} for ${quantity} units does not divide into a whole-cent unit price`,
  );
  return 0;
}
