import type { RiskSettings } from '../../../config';
import { fired, type RiskContext, type RiskRule, type RiskRuleResult } from '../risk-rule';

/**
 * SHARED_ADDRESS: with this order, more than `maxCustomers` distinct customers
 * shipped to one full address within `windowDays`: a drop address collecting
 * goods bought under many identities. Only full addresses count (a street
 * line that is not masked), never a bare city.
 */
export class SharedAddressRule implements RiskRule {
  readonly code = 'SHARED_ADDRESS';

  constructor(private readonly settings: RiskSettings['sharedAddress']) {}

  evaluate({ order, history }: RiskContext): RiskRuleResult {
    const { maxCustomers, windowDays, weight } = this.settings;
    // The order's own customer is not among the others, hence the + 1.
    if (!order.hasFullAddress || history.otherCustomersAtAddress + 1 <= maxCustomers) return { score: 0 };
    return fired(this, weight, `more than ${maxCustomers} customers ship to this address within ${windowDays} days`);
  }
}
