import type { DataSource } from 'typeorm';
import type { OrdersContext } from '../../context';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import type { Money } from '../../common/money.type';
import type { CustomerOrderStats } from './customer-stats.type';

/** The currency reported for a customer without orders (the demo data is all CNY). */
export const DEFAULT_CURRENCY = 'CNY';

const noOrders = (): CustomerOrderStats => ({
  orderCount: 0,
  lifetimeValue: { amount: '0.00', currency: DEFAULT_CURRENCY },
  averageOrderValue: { amount: '0.00', currency: DEFAULT_CURRENCY },
  firstOrderAt: null,
  lastOrderAt: null,
  channels: [],
  lifetimeValueByCurrency: [],
});

interface StatsRow {
  customerId: string;
  orderCount: number;
  firstOrderAt: Date;
  lastOrderAt: Date;
  channels: string[];
  currency: string;
  lifetimeValue: string;
  averageOrderValue: string;
  lifetimeValueByCurrency: Money[];
}

/*
 * Every amount is computed in SQL numeric and leaves PostgreSQL as text:
 * round(x, 2) fixes two decimals and rounds half away from zero.
 * The main currency is the one with most orders (any status), ties alphabetical.
 */
const STATS = preparedRead<StatsRow>(
  'orders.customer-stats',
  `
  WITH o AS MATERIALIZED (
    SELECT customer_id, currency, total, placed_at, channel_code,
           status NOT IN ('CANCELLED', 'RETURNED') AS revenue
    FROM sales_order WHERE customer_id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR channel_code = ANY($2::text[]))
  ),
  per_currency AS (
    SELECT customer_id, currency, count(*) AS orders,
           count(*) FILTER (WHERE revenue) AS revenue_orders,
           coalesce(sum(total) FILTER (WHERE revenue), 0) AS revenue
    FROM o GROUP BY customer_id, currency
  ),
  main AS (
    SELECT DISTINCT ON (customer_id) customer_id, currency, revenue_orders, revenue
    FROM per_currency ORDER BY customer_id, orders DESC, currency
  ),
  by_currency AS (
    SELECT customer_id,
           coalesce(json_agg(json_build_object('amount', round(revenue, 2)::text, 'currency', currency)
             ORDER BY currency) FILTER (WHERE revenue_orders > 0), '[]') AS amounts
    FROM per_currency GROUP BY customer_id
  ),
  overall AS (
    SELECT customer_id, count(*)::int AS order_count, min(placed_at) AS first_at, max(placed_at) AS last_at,
           array_agg(DISTINCT channel_code ORDER BY channel_code) AS channels
    FROM o GROUP BY customer_id
  )
  SELECT a.customer_id AS "customerId", a.order_count AS "orderCount",
         a.first_at AS "firstOrderAt", a.last_at AS "lastOrderAt", a.channels,
         m.currency, round(m.revenue, 2)::text AS "lifetimeValue",
         round(coalesce(m.revenue / nullif(m.revenue_orders, 0), 0), 2)::text AS "averageOrderValue",
         b.amounts AS "lifetimeValueByCurrency"
  FROM overall a JOIN main m USING (customer_id) JOIN by_currency b USING (customer_id)`,
);

/**
 * Stats of many customers with one statement, over their orders of `channels`
 * (null: every channel); customers without such orders get zero figures.
 */
export async function statsForCustomers(
  db: DataSource,
  customerIds: readonly string[],
  channels: readonly string[] | null,
): Promise<CustomerOrderStats[]> {
  const ids = [...new Set(customerIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const rows = ids.length ? await readRows(db, STATS, [ids, channels]) : [];
  const byCustomer = new Map(rows.map((row) => [row.customerId, row]));
  return customerIds.map((id) => {
    const row = byCustomer.get(id.toLowerCase());
    if (!row) return noOrders();
    return {
      orderCount: row.orderCount,
      lifetimeValue: { amount: row.lifetimeValue, currency: row.currency },
      averageOrderValue: { amount: row.averageOrderValue, currency: row.currency },
      firstOrderAt: row.firstOrderAt,
      lastOrderAt: row.lastOrderAt,
      channels: row.channels,
      lifetimeValueByCurrency: row.lifetimeValueByCurrency,
    };
  });
}

/** A customer's order figures; the definitions are in `CustomerOrderStats`' descriptions. */
export const customerStatsService = {
  stats(ctx: OrdersContext, customerId: string): Promise<CustomerOrderStats> {
    return ctx.loaders.statsByCustomerId.load(customerId);
  },
};
