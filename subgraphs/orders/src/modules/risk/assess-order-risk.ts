import type { Queryable } from '@supply-graph/shared';
import { DEFAULT_DESK_SETTINGS, type RiskSettings } from '../../config';
import { loadRiskAdjustments, type RiskFeedbackSettings } from './risk-feedback';
import { isHeld, scoreRisk, type RiskAssessment } from './risk-engine';
import { loadRiskHistory, lockRiskKeys, type RiskSubject } from './risk-history';
import type { RiskRule } from './risk-rule';

/** The assessment and what placement does with it. */
export interface RiskVerdict extends RiskAssessment {
  /** The score reached the hold threshold: the order is placed ON_HOLD. */
  held: boolean;
}

/**
 * Scores an order about to be stored, inside the placement transaction (pass
 * its manager): three statements at most (locks, the history look-ups, the
 * desk's feedback on the rules and the customer), then pure rules (the
 * subgraph's `riskRules` strategy). The order total is a two-decimal string.
 */
export async function assessOrderRisk(
  db: Queryable,
  subject: RiskSubject & { total: string; currency: string },
  settings: Readonly<RiskSettings>,
  rules: readonly RiskRule[],
  feedback: Readonly<RiskFeedbackSettings> = DEFAULT_DESK_SETTINGS.riskFeedback,
): Promise<RiskVerdict> {
  await lockRiskKeys(db, subject);
  const { hasFullAddress, ...history } = await loadRiskHistory(db, subject, settings);
  const adjustments = await loadRiskAdjustments(db, subject.customerId, feedback);
  const assessment = scoreRisk(rules, {
    order: {
      total: subject.total,
      currency: subject.currency,
      customerId: subject.customerId,
      placedAt: subject.placedAt,
      shipCountry: subject.shipCountry,
      shipPhone: subject.shipPhone,
      hasFullAddress,
    },
    history,
    adjustments,
  });
  return { ...assessment, held: isHeld(assessment, settings) };
}
