import type { Queryable } from '@supply-graph/shared';
import type { ValueSettings } from '../../config';
import { scoreValue } from './value-score';

/** One order as customer value counts it. */
export interface ValuedOrder {
  orderId: string;
  customerId: string;
  channel: string;
  placedAt: Date;
  /** CNY fen. */
  valueMinor: bigint;
}

/**
 * Serialises the value writes of one customer (transaction-scoped): two of
 * their orders arriving at once are then counted one after the other, each
 * recount seeing the other's row, so no order is lost.
 */
export async function lockCustomerValue(db: Queryable, customerId: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('customers:value:' || $1::text))", [customerId]);
}

/** Records a placed order; placing it again (a redelivery under a new event id) changes nothing. */
export async function recordPlacedOrder(db: Queryable, order: ValuedOrder): Promise<void> {
  await db.query(
    `INSERT INTO customer_value_order (order_id, customer_id, channel, placed_at, value_minor)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, channel = EXCLUDED.channel,
       placed_at = EXCLUDED.placed_at, value_minor = EXCLUDED.value_minor`,
    [order.orderId, order.customerId, order.channel, order.placedAt, order.valueMinor.toString()],
  );
}

/** Takes an order out of the customer's value, whether or not its `order.placed` has arrived yet. */
export async function recordCancelledOrder(
  db: Queryable,
  order: { orderId: string; customerId: string; channel: string },
): Promise<void> {
  await db.query(
    `INSERT INTO customer_value_order (order_id, customer_id, channel, cancelled) VALUES ($1, $2, $3, true)
     ON CONFLICT (order_id) DO UPDATE SET cancelled = true`,
    [order.orderId, order.customerId, order.channel],
  );
}

/** Records a settled return's refund (CNY fen); the same return again changes nothing. */
export async function recordRefund(
  db: Queryable,
  refund: { returnId: string; orderId: string; refundMinor: bigint; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO customer_value_refund (return_id, order_id, refund_minor, refunded_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (return_id) DO NOTHING`,
    [refund.returnId, refund.orderId, refund.refundMinor.toString(), refund.at],
  );
}

/** Whose value an order counts in, once its `order.placed` arrived; null before. */
export async function valuedCustomerOf(db: Queryable, orderId: string): Promise<string | null> {
  const rows = (await db.query('SELECT customer_id FROM customer_value_order WHERE order_id = $1', [orderId])) as {
    customer_id: string;
  }[];
  return rows[0]?.customer_id ?? null;
}

interface Totals {
  orders: number;
  monetary: string;
  first: Date | null;
  last: Date | null;
  channels: Record<string, number> | null;
}

/**
 * Recounts a customer's value from their counted orders (placed, not
 * cancelled; each worth its total less what its returns refunded, never less
 * than nothing; a refunded order still counts as an order) and stores it with the RFM scores and tier at `now`. Computed
 * from the order rows, not added to, so a repeated, late or out-of-order
 * event gives the same figures as the events in order. Call under
 * `lockCustomerValue`.
 */
export async function recountCustomerValue(
  db: Queryable,
  customerId: string,
  now: Date,
  settings: Readonly<ValueSettings>,
): Promise<void> {
  const [totals] = (await db.query(
    `SELECT count(*)::int AS orders,
            coalesce(sum(greatest(value_minor - (SELECT coalesce(sum(r.refund_minor), 0) FROM customer_value_refund r
                                                  WHERE r.order_id = o.order_id), 0)), 0)::text AS monetary,
            min(placed_at) AS first, max(placed_at) AS last,
            (SELECT jsonb_object_agg(channel, n) FROM (
               SELECT channel, count(*)::int AS n FROM customer_value_order
                WHERE customer_id = $1 AND placed_at IS NOT NULL AND NOT cancelled GROUP BY channel) x) AS channels
       FROM customer_value_order o WHERE customer_id = $1 AND placed_at IS NOT NULL AND NOT cancelled`,
    [customerId],
  )) as Totals[];
  const score =
    totals.orders > 0 && totals.last
      ? scoreValue(
          { orders: totals.orders, monetaryMinor: BigInt(totals.monetary), lastOrderAt: new Date(totals.last) },
          now,
          settings,
        )
      : null;
  await db.query(
    `INSERT INTO customer_value (customer_id, orders, monetary_minor, first_order_at, last_order_at, channel_orders,
       r_score, f_score, m_score, tier, rescore_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
     ON CONFLICT (customer_id) DO UPDATE SET orders = EXCLUDED.orders, monetary_minor = EXCLUDED.monetary_minor,
       first_order_at = EXCLUDED.first_order_at, last_order_at = EXCLUDED.last_order_at,
       channel_orders = EXCLUDED.channel_orders, r_score = EXCLUDED.r_score, f_score = EXCLUDED.f_score,
       m_score = EXCLUDED.m_score, tier = EXCLUDED.tier, rescore_at = EXCLUDED.rescore_at, updated_at = now()`,
    [
      customerId,
      totals.orders,
      totals.monetary,
      totals.first,
      totals.last,
      JSON.stringify(totals.channels ?? {}),
      score?.rScore ?? null,
      score?.fScore ?? null,
      score?.mScore ?? null,
      score?.tier ?? null,
      score?.rescoreAt ?? null,
    ],
  );
}
