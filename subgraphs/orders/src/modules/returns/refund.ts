/**
 * The refund arithmetic, pure and exact: integer minor units (bigint, so
 * amount x quantity never loses a digit), no floats anywhere.
 *
 * - A line's paid amount is its share of what the buyer paid for goods: the
 *   order's (subtotal - discount) split pro rata by line value (quantity x
 *   unit price), plus the tax the channel added on top of the prices split the
 *   same way, each split by the largest-remainder method, so the lines sum
 *   exactly to the order's goods amount (total - shipping fee). Tax already
 *   inside the prices is inside the line values.
 * - Returning q more units of a line of n units, of which r were refunded
 *   before, refunds floor(paid x (r + q) / n) - floor(paid x r / n): the parts
 *   of several returns sum to exactly the line's paid amount once all n are back.
 * - The shipping fee is refunded once per order: with the first return whose
 *   reason is the seller's fault (DAMAGED, DEFECTIVE, WRONG_ITEM,
 *   NOT_AS_DESCRIBED), or with the return that brings the last unit back.
 */

/** Reasons that are the seller's fault: the buyer gets the shipping fee back too. */
export const SELLER_FAULT_REASONS: readonly string[] = ['DAMAGED', 'DEFECTIVE', 'WRONG_ITEM', 'NOT_AS_DESCRIBED'];

export interface PricedLine {
  lineNo: number;
  quantity: number;
  unitMinor: bigint;
}

export interface PaidOrder {
  lines: readonly PricedLine[];
  subtotalMinor: bigint;
  discountMinor: bigint;
  shippingMinor: bigint;
  totalMinor: bigint;
}

/**
 * Splits `amount` in proportion to `weights` (largest remainder: every part
 * gets its floor, the units left over go to the largest remainders, ties to
 * the earlier part). The parts sum to `amount` exactly. All-zero weights split evenly.
 */
export function allocate(amount: bigint, weights: readonly bigint[]): bigint[] {
  if (!weights.length) return [];
  const even = weights.every((w) => w === 0n);
  const w = even ? weights.map(() => 1n) : weights;
  const sum = w.reduce((a, b) => a + b, 0n);
  const parts = w.map((x) => (amount * x) / sum);
  const remainders = w.map((x, i) => ({ i, rest: amount * x - parts[i] * sum }));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}

/** What the buyer paid for each line (lineNo -> minor units); the values sum to total - shipping fee. */
export function linePaidAmounts(order: PaidOrder): Map<number, bigint> {
  const values = order.lines.map((l) => BigInt(l.quantity) * l.unitMinor);
  const net = order.subtotalMinor - order.discountMinor;
  // Tax inside the prices is inside `net` already; only tax added on top shows as the rest of the total.
  const onTop = order.totalMinor - net - order.shippingMinor;
  const goods = allocate(net, values);
  const tax = allocate(onTop > 0n ? onTop : 0n, values);
  return new Map(order.lines.map((l, i) => [l.lineNo, goods[i] + tax[i]]));
}

/** The part of a line's paid amount that `quantity` more units refund after `before` units were refunded. */
export function unitsRefund(paid: bigint, lineQuantity: number, before: number, quantity: number): bigint {
  const n = BigInt(lineQuantity);
  const upTo = (units: number) => (paid * BigInt(units)) / n;
  return upTo(before + quantity) - upTo(before);
}

export interface RefundRequest {
  order: PaidOrder;
  reason: string;
  /** Units of each line this return refunds (lineNo -> units). */
  units: ReadonlyMap<number, number>;
  /** Units of each line refunded by earlier returns of the order. */
  refundedBefore: ReadonlyMap<number, number>;
  /** Whether an earlier return already refunded the shipping fee. */
  shippingRefundedBefore: boolean;
}

export interface Refund {
  lines: Map<number, bigint>;
  shippingMinor: bigint;
  totalMinor: bigint;
}

/** The refund of one inspected return; see the module comment for the rule. */
export function computeRefund(request: RefundRequest): Refund {
  const paid = linePaidAmounts(request.order);
  const lines = new Map<number, bigint>();
  let allBack = true;
  for (const line of request.order.lines) {
    const before = request.refundedBefore.get(line.lineNo) ?? 0;
    const units = Math.min(request.units.get(line.lineNo) ?? 0, line.quantity - before);
    if (request.units.has(line.lineNo)) {
      lines.set(line.lineNo, units > 0 ? unitsRefund(paid.get(line.lineNo)!, line.quantity, before, units) : 0n);
    }
    if (before + Math.max(units, 0) < line.quantity) allBack = false;
  }
  const anyUnits = [...request.units.values()].some((u) => u > 0);
  const shippingDue =
    !request.shippingRefundedBefore && anyUnits && (allBack || SELLER_FAULT_REASONS.includes(request.reason));
  const shippingMinor = shippingDue ? request.order.shippingMinor : 0n;
  const totalMinor = [...lines.values()].reduce((a, b) => a + b, 0n) + shippingMinor;
  return { lines, shippingMinor, totalMinor };
}

/** "12.30" -> 1230n; numeric(14,2) text as PostgreSQL returns it. */
export function toMinor(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const minor = BigInt(whole || '0') * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return negative ? -minor : minor;
}

/** 1230n -> "12.30". */
export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
