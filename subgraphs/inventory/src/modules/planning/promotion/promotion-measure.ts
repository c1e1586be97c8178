import type { Queryable } from '@supply-graph/shared';

/** What a promotion brought, over the days of its window that are over. */
export interface PromotionMeasurement {
  /** Days measured: the window's days before `through`'s next day. */
  days: number;
  /** Units demanded on those days, of the promotion's SKUs through its channels. */
  actualUnits: number;
  /** Units usual on those days (see `measurePromotions`). */
  baselineUnits: number;
  /** actualUnits / baselineUnits; null when nothing was usual. */
  uplift: number | null;
}

/** Weeks before the window the baseline looks back over, and same weekdays it averages at most. */
export const BASELINE_WEEKS = 8;
export const BASELINE_SAMPLES = 4;

// Per promotion: every day from BASELINE_WEEKS before the window to its last finished day, with the units of its
// SKUs through its channels. Baseline days another live promotion of overlapping SKUs and channels ran on are left
// out, and so are days before the demand history begins (no record is not no demand).
const MEASURE_SQL = `
  WITH p AS (
    SELECT id, skus, channels, starts_on, least(ends_on, $2::date) AS last_day FROM promotion
    WHERE id = ANY($1::uuid[]) AND starts_on <= $2::date
  ),
  days AS (
    SELECT p.id, g.day::date AS day, g.day >= p.starts_on AS in_window
    FROM p, generate_series(p.starts_on - ${7 * BASELINE_WEEKS}, p.last_day, interval '1 day') AS g(day)
  ),
  units AS (
    SELECT days.id, days.day, days.in_window,
      (SELECT coalesce(sum(d.units_demanded), 0) FROM demand_daily d
       WHERE d.day = days.day AND (p.skus IS NULL OR d.sku = ANY(p.skus))
         AND (p.channels IS NULL OR d.channel = ANY(p.channels)))::float8 AS units
    FROM days JOIN p USING (id)
    WHERE days.in_window OR (
      days.day >= (SELECT min(day) FROM demand_daily)
      AND NOT EXISTS (
        SELECT 1 FROM promotion o
        WHERE o.id <> p.id AND o.cancelled_at IS NULL AND days.day BETWEEN o.starts_on AND o.ends_on
          AND (o.skus IS NULL OR p.skus IS NULL OR o.skus && p.skus)
          AND (o.channels IS NULL OR p.channels IS NULL OR o.channels && p.channels)))
  ),
  usual AS (
    SELECT id, extract(dow FROM day) AS dow, units,
           row_number() OVER (PARTITION BY id, extract(dow FROM day) ORDER BY day DESC) AS n
    FROM units WHERE NOT in_window
  ),
  by_weekday AS (SELECT id, dow, avg(units) AS mean FROM usual WHERE n <= ${BASELINE_SAMPLES} GROUP BY id, dow),
  overall AS (SELECT id, avg(units) AS mean FROM usual WHERE n <= ${BASELINE_SAMPLES} GROUP BY id)
  SELECT u.id, count(*)::int AS days, sum(u.units)::int AS "actualUnits",
         coalesce(sum(coalesce(w.mean, o.mean, 0)), 0)::float8 AS "baselineUnits"
  FROM units u
  LEFT JOIN by_weekday w ON w.id = u.id AND w.dow = extract(dow FROM u.day)
  LEFT JOIN overall o ON o.id = u.id
  WHERE u.in_window
  GROUP BY u.id`;

/**
 * The measured uplift of each promotion (by id) whose window has started
 * before `through`: its finished days' units against a baseline, in one
 * statement for all of them.
 *
 * Baseline: per weekday, the mean units of the last BASELINE_SAMPLES same
 * weekdays in the BASELINE_WEEKS weeks before the window (retail demand has a
 * weekly rhythm, so a Saturday is compared with Saturdays), skipping days on
 * which another promotion of overlapping SKUs and channels ran; a weekday with
 * no such day takes the mean of all of them. Trend over those weeks is not
 * adjusted for. A promotion not started by `through` is absent.
 *
 * @param through the last day to measure (YYYY-MM-DD): yesterday, since today is not over.
 */
export async function measurePromotions(
  db: Queryable,
  ids: readonly string[],
  through: string,
): Promise<Map<string, PromotionMeasurement>> {
  if (!ids.length) return new Map();
  const rows = (await db.query(MEASURE_SQL, [ids, through])) as (Omit<PromotionMeasurement, 'uplift'> & {
    id: string;
  })[];
  return new Map(
    rows.map(({ id, ...m }) => [
      id,
      { ...m, uplift: m.baselineUnits > 0 ? Math.round((m.actualUnits / m.baselineUnits) * 1000) / 1000 : null },
    ]),
  );
}
