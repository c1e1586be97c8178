import type { EventTransaction, Queryable } from '@supply-graph/shared';
import type { DeskSettings } from '../../config';

/** How resolved risk holds scale the rules (the desk's `riskFeedback` settings). */
export type RiskFeedbackSettings = DeskSettings['riskFeedback'];

/**
 * What the desk's outcomes say about one order's rules: a factor per rule
 * code (0..1) its score is multiplied by. Rules absent keep their weight.
 */
export interface RiskAdjustments {
  ruleFactors: Readonly<Record<string, number>>;
}

/**
 * A rule's precision, smoothed by the prior: (fraud + F) / (held + F + L),
 * over the prior's own precision F / (F + L), so a rule with no outcomes keeps
 * its weight (1), each legitimate hold lowers it a little and many lower it
 * more; never above 1 (fraud outcomes do not raise a weight past its
 * configured value) nor below `minFactor`.
 */
export function precisionFactor(fraud: number, legitimate: number, s: Readonly<RiskFeedbackSettings>): number {
  const prior = s.priorFraud / (s.priorFraud + s.priorLegitimate);
  const smoothed = (fraud + s.priorFraud) / (fraud + legitimate + s.priorFraud + s.priorLegitimate);
  return Math.min(1, Math.max(s.minFactor, smoothed / prior));
}

/**
 * The adjustments for an order of `customerId`, in one statement: each rule's
 * precision factor, times `trustedFactor` for the rules that held an earlier
 * order of this customer found legitimate (the customer is trusted for those).
 */
export async function loadRiskAdjustments(
  db: Queryable,
  customerId: string,
  settings: Readonly<RiskFeedbackSettings>,
): Promise<RiskAdjustments> {
  const rows = (await db.query(
    `SELECT coalesce(f.rule_code, t.rule_code) AS rule_code, f.fraud, f.legitimate, (t.customer_id IS NOT NULL) AS trusted
     FROM (SELECT rule_code, sum(count) FILTER (WHERE outcome = 'FRAUD')::int AS fraud,
                  sum(count) FILTER (WHERE outcome = 'LEGITIMATE')::int AS legitimate
           FROM risk_feedback GROUP BY rule_code) f
     FULL JOIN (SELECT customer_id, unnest(rule_codes) AS rule_code FROM trusted_customer WHERE customer_id = $1) t
       ON t.rule_code = f.rule_code`,
    [customerId],
  )) as { rule_code: string | null; fraud: number | null; legitimate: number | null; trusted: boolean }[];
  const ruleFactors: Record<string, number> = {};
  for (const r of rows) {
    if (!r.rule_code) continue;
    const code = r.rule_code;
    const factor = precisionFactor(r.fraud ?? 0, r.legitimate ?? 0, settings);
    ruleFactors[code] = r.trusted ? factor * settings.trustedFactor : factor;
  }
  return { ruleFactors };
}

/**
 * A risk hold was resolved: each rule that raised it counts one outcome; a
 * legitimate one also trusts the customer for those rules (added to any it is
 * already trusted for). In the resolving transaction.
 */
export async function recordRiskOutcome(
  tx: EventTransaction,
  hold: { workItemId: string; ruleCodes: readonly string[]; customerId: string | null },
  outcome: 'LEGITIMATE' | 'FRAUD',
  by: string,
): Promise<void> {
  if (!hold.ruleCodes.length) return;
  await tx.manager.query(
    `INSERT INTO risk_feedback (rule_code, outcome, count) SELECT code, $2, 1 FROM unnest($1::text[]) AS code
     ON CONFLICT (rule_code, outcome) DO UPDATE SET count = risk_feedback.count + 1, updated_at = now()`,
    [[...hold.ruleCodes], outcome],
  );
  if (outcome !== 'LEGITIMATE' || !hold.customerId) return;
  await tx.manager.query(
    `INSERT INTO trusted_customer (customer_id, rule_codes, work_item_id, trusted_by) VALUES ($1, $2::text[], $3, $4)
     ON CONFLICT (customer_id) DO UPDATE SET
       rule_codes = ARRAY(SELECT DISTINCT unnest(trusted_customer.rule_codes || EXCLUDED.rule_codes) ORDER BY 1),
       work_item_id = EXCLUDED.work_item_id, trusted_by = EXCLUDED.trusted_by, trusted_at = now()`,
    [hold.customerId, [...hold.ruleCodes], hold.workItemId, by],
  );
}
