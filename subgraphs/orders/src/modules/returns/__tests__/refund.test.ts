import { allocate, computeRefund, fromMinor, linePaidAmounts, toMinor, unitsRefund, type PaidOrder } from '../refund';

const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);

// Three lines whose values do not divide: 3 x 33.33 + 7 x 9.99 + 1 x 0.01 = 169.93; discount 10.00; tax on top 13.59;
// shipping 8.00: the buyer paid 169.93 - 10.00 + 13.59 + 8.00 = 181.52.
const awkward: PaidOrder = {
  lines: [
    { lineNo: 1, quantity: 3, unitMinor: 3333n },
    { lineNo: 2, quantity: 7, unitMinor: 999n },
    { lineNo: 3, quantity: 1, unitMinor: 1n },
  ],
  subtotalMinor: 16993n,
  discountMinor: 1000n,
  shippingMinor: 800n,
  totalMinor: 18152n,
};
const refund = (units: [number, number][], before: [number, number][] = [], reason = 'CHANGED_MIND', shipped = false) =>
  computeRefund({
    order: awkward,
    reason,
    units: new Map(units),
    refundedBefore: new Map(before),
    shippingRefundedBefore: shipped,
  });

describe('refund arithmetic', () => {
  it('splits by largest remainder: the parts sum exactly, ties to the earlier part', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(1000n, [9999n, 6993n, 1n])).toEqual([588n, 412n, 0n]);
    expect(allocate(5n, [0n, 0n])).toEqual([3n, 2n]);
    expect(sum(allocate(1_000_001n, [3n, 7n, 11n, 13n]))).toBe(1_000_001n);
  });

  it('gives each line its share of the goods and of the tax on top, summing to what was paid for goods', () => {
    const paid = linePaidAmounts(awkward);
    // Goods 159.93 split 9999:6993:1 is 94.1058.. : 65.8147.. : 0.0094.. -> 94.11, 65.81, 0.01 (the two cents left
    // go to the largest remainders, .94 and .58); tax 13.59 the same way: 7.9966.. : 5.5925.. : 0.0007.. -> 8.00,
    // 5.59, 0.00.
    expect(fromMinor(paid.get(1)!)).toBe('102.11');
    expect(fromMinor(paid.get(2)!)).toBe('71.40');
    expect(fromMinor(paid.get(3)!)).toBe('0.01');
    expect(sum(paid.values())).toBe(awkward.totalMinor - awkward.shippingMinor);
  });

  it('does not add tax that is inside the prices', () => {
    const included = { ...awkward, totalMinor: 16993n - 1000n + 800n };
    expect(sum(linePaidAmounts(included).values())).toBe(15993n);
  });

  it('refunds 1/3 of a line in three parts that sum exactly to the line', () => {
    const paid = linePaidAmounts(awkward).get(1)!;
    const parts = [unitsRefund(paid, 3, 0, 1), unitsRefund(paid, 3, 1, 1), unitsRefund(paid, 3, 2, 1)];
    expect(parts).toEqual([3403n, 3404n, 3404n]);
    expect(sum(parts)).toBe(paid);
    // 71.40 over 7 units, returned as 2 + 4 + 1.
    const line2 = linePaidAmounts(awkward).get(2)!;
    const uneven = [unitsRefund(line2, 7, 0, 2), unitsRefund(line2, 7, 2, 4), unitsRefund(line2, 7, 6, 1)];
    expect(uneven.map(fromMinor)).toEqual(['20.40', '40.80', '10.20']);
    expect(sum(uneven)).toBe(line2);
  });

  it('returns the whole order in several returns for exactly what the buyer paid, shipping included once', () => {
    const first = refund([
      [1, 1],
      [2, 3],
    ]);
    const second = refund(
      [
        [1, 2],
        [2, 2],
      ],
      [
        [1, 1],
        [2, 3],
      ],
    );
    const last = refund(
      [
        [2, 2],
        [3, 1],
      ],
      [
        [1, 3],
        [2, 5],
      ],
    );
    expect(first.shippingMinor).toBe(0n);
    expect(second.shippingMinor).toBe(0n);
    expect(last.shippingMinor).toBe(800n);
    expect(first.totalMinor + second.totalMinor + last.totalMinor).toBe(awkward.totalMinor);
  });

  it("refunds shipping with the first return that is the seller's fault, and never twice", () => {
    expect(refund([[1, 1]], [], 'DAMAGED').shippingMinor).toBe(800n);
    expect(refund([[1, 1]], [], 'DAMAGED', true).shippingMinor).toBe(0n);
    expect(refund([[1, 1]], [], 'SIZE_FIT').shippingMinor).toBe(0n);
    // Nothing accepted: nothing refunded, shipping neither.
    expect(refund([[1, 0]], [], 'DEFECTIVE')).toMatchObject({ totalMinor: 0n, shippingMinor: 0n });
  });

  it('never refunds more units than the line has left', () => {
    const paid = linePaidAmounts(awkward).get(1)!;
    expect(refund([[1, 5]], [[1, 2]]).lines.get(1)).toBe(paid - (paid * 2n) / 3n);
  });

  it('reads and writes two-decimal amounts exactly', () => {
    expect(toMinor('129.90')).toBe(12990n);
    expect(toMinor('0.5')).toBe(50n);
    expect(toMinor('7')).toBe(700n);
    expect(fromMinor(5n)).toBe('0.05');
    expect(fromMinor(-1234n)).toBe('-12.34');
  });
});
