import type { RiskSettings } from '../../../config';
import { fired, type RiskContext, type RiskRule, type RiskRuleResult } from '../risk-rule';

/**
 * VELOCITY: more than `maxOrders` orders (this one included) to one shipping
 * phone, or to one full shipping address, within `windowMinutes` of each
 * other: the pattern of card testing and of resellers draining a promotion.
 * Orders without a phone and without a street line are never counted together,
 * so buyers who share only a city do not look like one buyer.
 */
export class VelocityRule implements RiskRule {
  readonly code = 'VELOCITY';

  constructor(private readonly settings: RiskSettings['velocity']) {}

  evaluate({ order, history }: RiskContext): RiskRuleResult {
    const { maxOrders, windowMinutes, weight } = this.settings;
    const within = `within ${windowMinutes} min`;
    if (order.shipPhone && history.ordersFromPhone >= maxOrders) {
      return fired(this, weight, `more than ${maxOrders} orders to one shipping phone ${within}`);
    }
    if (order.hasFullAddress && history.ordersToAddress >= maxOrders) {
      return fired(this, weight, `more than ${maxOrders} orders to one shipping address ${within}`);
    }
    return { score: 0 };
  }
}
