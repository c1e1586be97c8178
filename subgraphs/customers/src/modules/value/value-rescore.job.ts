import type { BackgroundJobDefinition, Queryable } from '@supply-graph/shared';
import { valueSettingsOf, type ValueSettings } from '../../config';
import { scoreValue } from './value-score';

/** Most customers one statement rescores; a run goes on until none is due. */
const RESCORE_BATCH = 500;

interface DueRow {
  customerId: string;
  orders: number;
  monetary: string;
  lastOrderAt: Date;
}

/**
 * Recency changes with time, without any event: stores the scores and tier
 * again for customers whose recency step has passed (`rescore_at`). Each row
 * is written only if its order facts are still those read, so an order event
 * counted meanwhile (it stores a fresher score under its lock) is never
 * overwritten; replicas running it at once write the same values.
 * Returns how many customers were rescored.
 */
export async function rescoreDueValues(
  db: Queryable,
  settings: Readonly<ValueSettings>,
  now: Date = new Date(),
): Promise<number> {
  let total = 0;
  for (;;) {
    const due = (await db.query(
      `SELECT customer_id AS "customerId", orders, monetary_minor::text AS monetary, last_order_at AS "lastOrderAt"
         FROM customer_value WHERE rescore_at <= $1 ORDER BY rescore_at LIMIT $2`,
      [now, RESCORE_BATCH],
    )) as DueRow[];
    if (!due.length) return total;
    const scores = due.map((row) =>
      scoreValue(
        { orders: row.orders, monetaryMinor: BigInt(row.monetary), lastOrderAt: row.lastOrderAt },
        now,
        settings,
      ),
    );
    await db.query(
      `UPDATE customer_value v SET r_score = u.r, tier = u.tier, rescore_at = u.rescore_at, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::smallint[], $5::text[], $6::timestamptz[])
              AS u(id, orders, last, r, tier, rescore_at)
        WHERE v.customer_id = u.id AND v.orders = u.orders AND v.last_order_at = u.last`,
      [
        due.map((row) => row.customerId),
        due.map((row) => row.orders),
        due.map((row) => row.lastOrderAt),
        scores.map((s) => s.rScore),
        scores.map((s) => s.tier),
        scores.map((s) => s.rescoreAt),
      ],
    );
    total += due.length;
    if (due.length < RESCORE_BATCH) return total;
  }
}

/** The rescore as a periodic job: CUSTOMERS_VALUE_RESCORE_INTERVAL_MS (0 disables it). */
export const valueRescoreJob: BackgroundJobDefinition = {
  name: 'customers.value-rescore',
  intervalMs: (config) => valueSettingsOf(config).rescoreIntervalMs,
  async run({ db, config }) {
    await rescoreDueValues(db, valueSettingsOf(config));
  },
};
