import type { RiskSettings } from '../../config';
import type { RiskContext, RiskRule } from './risk-rule';
import { HighValueNewCustomerRule } from './rules/high-value-new-customer.rule';
import { SharedAddressRule } from './rules/shared-address.rule';
import { UnusualCountryRule } from './rules/unusual-country.rule';
import { VelocityRule } from './rules/velocity.rule';

/** The combined verdict on one order. */
export interface RiskAssessment {
  /** 1 - Π(1 - rule score), rounded to 4 decimals: 0 when nothing fired, never above 1. */
  score: number;
  /** Codes of the rules that fired, in rule order. */
  flags: string[];
  /** "CODE: why" for each fired rule, for the order's history. */
  details: string[];
}

/** The four rules of the default configuration, in the order their flags are listed. */
export function defaultRiskRules(settings: RiskSettings): RiskRule[] {
  return [
    new VelocityRule(settings.velocity),
    new HighValueNewCustomerRule(settings.highValueNewCustomer),
    new UnusualCountryRule(settings.unusualCountry),
    new SharedAddressRule(settings.sharedAddress),
  ];
}

/**
 * Runs every rule and combines their scores as independent evidence:
 * 1 - Π(1 - s). Two weak signals together outweigh either alone, and no
 * combination exceeds 1. A fired rule's score is first scaled by its factor in
 * `context.adjustments` (the desk's feedback); it still flags the order.
 */
export function scoreRisk(rules: readonly RiskRule[], context: RiskContext): RiskAssessment {
  let clean = 1;
  const flags: string[] = [];
  const details: string[] = [];
  for (const rule of rules) {
    const result = rule.evaluate(context);
    if (!(result.score >= 0 && result.score <= 1))
      throw new Error(`risk rule ${rule.code} scored ${result.score}, outside 0..1`);
    const factor = context.adjustments?.ruleFactors[rule.code] ?? 1;
    clean *= 1 - result.score * factor;
    if (result.flag) {
      flags.push(result.flag);
      details.push(result.detail ? `${result.flag}: ${result.detail}` : result.flag);
    }
  }
  // Rounded so a threshold of 0.8 compares against 0.8, not 0.7999999999999999.
  return { score: Math.round((1 - clean) * 10_000) / 10_000, flags, details };
}

/** Whether the assessment puts the order ON_HOLD. */
export function isHeld(assessment: RiskAssessment, settings: Pick<RiskSettings, 'holdThreshold'>): boolean {
  return assessment.score >= settings.holdThreshold;
}

/** The status-history reason of a risk hold: the score and every fired rule with its why. */
export function holdReason(assessment: RiskAssessment): string {
  return `held by risk rules (score ${assessment.score.toFixed(2)}): ${assessment.details.join('; ')}`;
}
