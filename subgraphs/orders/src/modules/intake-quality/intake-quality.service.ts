import { badUserInput, withPiiOwner } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { ChannelIntakeQuality, IntakeRejection } from './intake-quality.type';

/** Most rejections one `recentRejections` call returns. */
export const MAX_RECENT_REJECTIONS = 100;

/*
 * One statement for every channel. Repairs count over ACCEPTED intakes only (a
 * duplicate repeats its original's repairs, a rejection stored no order), each
 * intake once per rule; problems count over REJECTED intakes, each intake once
 * per field, list positions folded ("lines[3].sku" -> "lines[].sku") so a
 * problem on any line adds up; flags count over ACCEPTED intakes. Channels of the channel table are listed even
 * without intakes; codes that are not channels appear once something was
 * received for them.
 */
const QUALITY_SQL = String.raw`
  WITH r AS MATERIALIZED (
    SELECT id, channel, outcome, repairs, problems, flags FROM intake_record
    WHERE ($1::timestamptz IS NULL OR received_at >= $1) AND ($2::text IS NULL OR channel = $2)
      AND ($3::text[] IS NULL OR channel = ANY($3::text[]))
  ),
  totals AS (
    SELECT channel, count(*)::int AS received,
           count(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepted,
           count(*) FILTER (WHERE outcome = 'DUPLICATE')::int AS duplicates,
           count(*) FILTER (WHERE outcome = 'REJECTED')::int AS rejected,
           count(*) FILTER (WHERE outcome = 'ACCEPTED' AND jsonb_array_length(repairs) > 0)::int AS repaired
    FROM r GROUP BY channel
  ),
  rules AS (
    SELECT channel, json_agg(json_build_object('rule', rule, 'count', n) ORDER BY n DESC, rule) AS items
    FROM (SELECT r.channel, e.value->>'rule' AS rule, count(DISTINCT r.id)::int AS n
          FROM r CROSS JOIN LATERAL jsonb_array_elements(r.repairs) e
          WHERE r.outcome = 'ACCEPTED' GROUP BY 1, 2) x
    GROUP BY channel
  ),
  fields AS (
    SELECT channel, json_agg(json_build_object('field', field, 'count', n) ORDER BY n DESC, field) AS items
    FROM (SELECT r.channel, regexp_replace(e.value->>'field', '\[[0-9]+\]', '[]', 'g') AS field,
    count(DISTINCT r.id)::int AS n
          FROM r CROSS JOIN LATERAL jsonb_array_elements(r.problems) e
          WHERE r.outcome = 'REJECTED' GROUP BY 1, 2) x
    GROUP BY channel
  ),
  flagged AS (
    SELECT channel, json_agg(json_build_object('flag', flag, 'count', n) ORDER BY n DESC, flag) AS items
    FROM (SELECT r.channel, f.flag, count(*)::int AS n
          FROM r CROSS JOIN LATERAL unnest(r.flags) AS f(flag)
          WHERE r.outcome = 'ACCEPTED' GROUP BY 1, 2) x
    GROUP BY channel
  ),
  channels AS (
    SELECT code AS channel FROM channel WHERE ($2::text IS NULL OR code = $2)
    AND ($3::text[] IS NULL OR code = ANY($3::text[]))
    UNION SELECT channel FROM totals
  )
  SELECT c.channel, coalesce(t.received, 0) AS received, coalesce(t.accepted, 0) AS accepted,
         coalesce(t.duplicates, 0) AS duplicates, coalesce(t.rejected, 0) AS rejected,
         coalesce(t.repaired, 0) AS repaired,
         coalesce(ru.items, '[]') AS "repairsByRule", coalesce(f.items, '[]') AS "problemsByField",
         coalesce(fl.items, '[]') AS "flagsByCode"
  FROM channels c LEFT JOIN totals t USING (channel) LEFT JOIN rules ru USING (channel)
  LEFT JOIN fields f USING (channel) LEFT JOIN flagged fl USING (channel)
  ORDER BY c.channel`;

const REJECTIONS_SQL = `
  SELECT id::text AS id, channel, external_id AS "externalId", received_at AS "receivedAt", problems, repairs
  FROM intake_record
  WHERE outcome = 'REJECTED' AND ($1::text IS NULL OR channel = $1)
  AND ($3::text[] IS NULL OR channel = ANY($3::text[]))
  ORDER BY received_at DESC, id DESC LIMIT $2`;

const channelCode = (channel: string | null | undefined) => (channel == null ? null : channel.trim().toLowerCase());

/** Intake quality figures read from the intake log (`intake_record`), of the caller's channels only. */
export const intakeQualityService = {
  /** Per channel, since `since` (all time when null); one channel when `channel` is given. */
  quality(ctx: OrdersContext, channel: string | null, since: Date | null): Promise<ChannelIntakeQuality[]> {
    return ctx.db.query(QUALITY_SQL, [since, channelCode(channel), ctx.principal.channels]) as Promise<
      ChannelIntakeQuality[]
    >;
  },

  /** The newest rejections, newest first; `first` is 1..100. */
  async recentRejections(ctx: OrdersContext, channel: string | null, first: number): Promise<IntakeRejection[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RECENT_REJECTIONS) {
      throw badUserInput(`first must be between 1 and ${MAX_RECENT_REJECTIONS}, got ${first}`, [
        { field: 'first', message: `must be between 1 and ${MAX_RECENT_REJECTIONS}` },
      ]);
    }
    const rows = (await ctx.db.query(REJECTIONS_SQL, [
      channelCode(channel),
      first,
      ctx.principal.channels,
    ])) as IntakeRejection[];
    // A repaired phone number is PII; its reads are audited against the rejection.
    for (const row of rows)
      for (const repair of row.repairs) withPiiOwner(repair, { type: 'IntakeRejection', id: row.id });
    return rows;
  },
};
