import type { RiskAdjustments } from './risk-feedback';
/**
 * What a risk rule sees: the new order and what this subgraph's own tables say
 * about its phone, address and customer. `risk-history.ts` gathers the history
 * in two statements, so rules stay pure and cheap to test.
 */
export interface RiskContext {
  order: {
    /** The order total, a decimal string with two decimals ("5000.01"). */
    total: string;
    currency: string;
    customerId: string;
    placedAt: Date;
    /** ISO-3166 alpha-2 of the shipping address. */
    shipCountry: string;
    /** E.164 shipping phone; null when absent or masked by the channel. */
    shipPhone: string | null;
    /** True when the shipping address is complete enough to compare (a street line that is not masked). */
    hasFullAddress: boolean;
  };
  history: RiskHistory;
  /**
   * What the desk learnt from resolved holds (risk-feedback.ts): the engine multiplies each fired rule's score by
   * its factor. Rules never see it, so they stay pure; absent, every rule scores its configured weight.
   */
  adjustments?: RiskAdjustments;
}

/**
 * Counts over the orders already stored (the new order is not among them).
 * Each count stops at the threshold of the rule that reads it (more would not
 * change the verdict), so a busy phone or customer costs a short index range.
 */
export interface RiskHistory {
  /** Orders to the same shipping phone placed within the velocity window of this one. */
  ordersFromPhone: number;
  /** Orders to the same normalised address placed within the velocity window of this one. */
  ordersToAddress: number;
  /** The customer's orders so far (any status). */
  customerOrders: number;
  /** Whether any of the customer's orders went to this order's country. */
  customerShippedToCountry: boolean;
  /** Other customers who shipped to the same normalised address within the shared-address window. */
  otherCustomersAtAddress: number;
}

/** One rule's verdict. */
export interface RiskRuleResult {
  /** 0 (nothing suspicious) .. 1 (certain fraud). */
  score: number;
  /** The rule's code when it fired; shown to operators in `riskFlags`. */
  flag?: string;
  /** Why it fired, for the order's history; no personal data (no phones, no addresses). */
  detail?: string;
}

/**
 * A risk rule: one suspicious pattern, scored 0..1. Rules are combined by the
 * engine (`scoreRisk`); add a rule by implementing this and listing it in
 * `defaultRiskRules` (or in the rules a deployment composes the orders subgraph
 * with, `strategies.ts`), adding a field to `RiskHistory` if it needs one.
 */
export interface RiskRule {
  /** The flag code it raises, upper snake case, e.g. "VELOCITY". */
  readonly code: string;
  evaluate(context: RiskContext): RiskRuleResult;
}

/** A fired rule's result; rules that do not fire return `{ score: 0 }`. */
export function fired(rule: RiskRule, weight: number, detail: string): RiskRuleResult {
  return weight > 0 ? { score: weight, flag: rule.code, detail } : { score: 0 };
}
