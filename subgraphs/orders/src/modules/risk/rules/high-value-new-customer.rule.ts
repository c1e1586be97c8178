import type { RiskSettings } from '../../../config';
import { fired, type RiskContext, type RiskRule, type RiskRuleResult } from '../risk-rule';

/**
 * HIGH_VALUE_NEW_CUSTOMER: a total above `amountMinor` (in the order's own
 * currency) from a customer with no earlier order. Amounts are compared in
 * integer minor units: 5000.00 does not fire, 5000.01 does.
 */
export class HighValueNewCustomerRule implements RiskRule {
  readonly code = 'HIGH_VALUE_NEW_CUSTOMER';

  constructor(private readonly settings: RiskSettings['highValueNewCustomer']) {}

  evaluate({ order, history }: RiskContext): RiskRuleResult {
    const { amountMinor, weight } = this.settings;
    if (history.customerOrders > 0 || decimalToMinor(order.total) <= amountMinor) return { score: 0 };
    return fired(
      this,
      weight,
      `total ${order.total} ${order.currency} above ${formatMinor(amountMinor)} from a customer with no earlier order`,
    );
  }
}

/** "5000.01" -> 500001n; exact for any number of whole digits (at most two decimals, as orders store them). */
export function decimalToMinor(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not a decimal amount with at most 2 decimals: "${text}"`);
  const [, sign, whole, fraction = ''] = match;
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -minor : minor;
}

function formatMinor(minor: bigint): string {
  const s = minor.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
