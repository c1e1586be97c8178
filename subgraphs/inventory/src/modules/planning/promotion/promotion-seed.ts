import { randomUUID } from 'node:crypto';
import type { DemoDataset, Queryable } from '@supply-graph/shared';
import { dayOf, todayUtc } from './promotion.validation';

const DAY = 86_400_000;

/** Who the demo's promotions are planned by. */
export const DEMO_PLANNER = 'demo';

/**
 * The demo's promotions as planned promotions: the ones its orders follow
 * (`dataset.promotions`, whole catalogue, [startsAt, endsAt) in whole UTC
 * days), so their measured uplift can be read next to the plan, plus one still
 * to come (a year-end sale on the marketplaces and Douyin, 12 days after
 * seeding), so the demo has a promotion raising forecasts ahead.
 */
export async function seedPromotions(db: Queryable, data: Pick<DemoDataset, 'promotions'>): Promise<void> {
  const today = todayUtc();
  const rows = [
    ...data.promotions.map((p) => ({
      name: p.name,
      channels: [...p.channels].sort(),
      startsOn: dayOf(p.startsAt.getTime()),
      endsOn: dayOf(p.endsAt.getTime() - DAY),
      uplift: p.uplift,
    })),
    {
      name: 'Year-end sale',
      channels: ['douyin', 'jd', 'tmall'],
      startsOn: dayOf(today + 12 * DAY),
      endsOn: dayOf(today + 14 * DAY),
      uplift: 2,
    },
  ];
  for (const r of rows) {
    await db.query(
      `INSERT INTO promotion (id, name, channels, skus, starts_on, ends_on, uplift, planned_by)
       VALUES ($1, $2, $3::text[], NULL, $4::date, $5::date, $6, $7)`,
      [randomUUID(), r.name, r.channels, r.startsOn, r.endsOn, r.uplift, DEMO_PLANNER],
    );
  }
}
