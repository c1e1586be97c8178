import type { RiskSettings } from './config';
import type { AssignmentStrategy } from './modules/desk/assignment-strategy';
import { leastLoadedAssignment } from './modules/desk/least-loaded-assignment.strategy';
import { defaultRiskRules } from './modules/risk/risk-engine';
import type { RiskRule } from './modules/risk/risk-rule';

/**
 * The swappable parts of the orders subgraph. They are chosen here and nowhere
 * else: the composition root (`createOrdersSubgraph`) puts them on every
 * request's context and hands them to the event consumers, so an order is
 * scored by the same rules whether its buyer is known at intake or identified
 * later over the bus.
 */
export interface OrdersStrategies {
  /** The fraud rules every placed order is scored by, built from the configured thresholds and weights. */
  riskRules(settings: Readonly<RiskSettings>): readonly RiskRule[];
  /** Who gets a work item on the desk (default: skill, then least open load below capacity). */
  workItemAssignment?: AssignmentStrategy;
}

/** The strategies `npm start` and the standalone service run with. */
export function defaultOrdersStrategies(): OrdersStrategies {
  return { riskRules: defaultRiskRules, workItemAssignment: leastLoadedAssignment };
}
