import { badUserInput } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { inChannels } from './work-item.row';
import type { RiskRulePrecision } from './work-item.type';

/**
 * Per rule code, the RISK_HOLD work items opened in [from, to) that name it:
 * held, resolved LEGITIMATE, resolved FRAUD, and precision = fraud / resolved
 * (null while none is). A channel-scoped caller counts its channels' holds.
 */
export async function riskRulePrecision(ctx: OrdersContext, from: Date, to: Date): Promise<RiskRulePrecision[]> {
  if (from.getTime() > to.getTime())
    throw badUserInput('"from" is after "to"', [{ field: 'from', message: 'must not be after "to"' }]);
  const rows = (await ctx.db.query(
    `SELECT f.code AS "ruleCode", count(*)::int AS held,
       count(*) FILTER (WHERE w.outcome = 'LEGITIMATE')::int AS legitimate,
       count(*) FILTER (WHERE w.outcome = 'FRAUD')::int AS fraudulent
     FROM work_item w
     CROSS JOIN LATERAL jsonb_array_elements_text(
       CASE WHEN jsonb_typeof(w.detail -> 'riskFlags') = 'array' THEN w.detail -> 'riskFlags' ELSE '[]' END) f(code)
     WHERE w.kind = 'RISK_HOLD' AND w.created_at >= $1 AND w.created_at < $2 AND ${inChannels('w', '$3')}
     GROUP BY f.code ORDER BY f.code`,
    [from, to, ctx.principal.channels],
  )) as Omit<RiskRulePrecision, 'precision'>[];
  return rows.map((r) => {
    const resolved = r.legitimate + r.fraudulent;
    return { ...r, precision: resolved ? Math.round((r.fraudulent / resolved) * 10_000) / 10_000 : null };
  });
}
