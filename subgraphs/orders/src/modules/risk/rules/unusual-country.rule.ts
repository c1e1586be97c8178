import type { RiskSettings } from '../../../config';
import { fired, type RiskContext, type RiskRule, type RiskRuleResult } from '../risk-rule';

/**
 * UNUSUAL_COUNTRY: a customer with an established history (at least
 * `minOrders` earlier orders) ships to a country none of them went to, the
 * pattern of a taken-over account. New customers have no usual country, so
 * the rule stays silent for them.
 */
export class UnusualCountryRule implements RiskRule {
  readonly code = 'UNUSUAL_COUNTRY';

  constructor(private readonly settings: RiskSettings['unusualCountry']) {}

  evaluate({ order, history }: RiskContext): RiskRuleResult {
    const { minOrders, weight } = this.settings;
    if (history.customerOrders < minOrders || history.customerShippedToCountry) return { score: 0 };
    return fired(this, weight, `first order to ${order.shipCountry} after ${minOrders} or more orders elsewhere`);
  }
}
