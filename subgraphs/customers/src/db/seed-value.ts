import { insertRows, type DemoDataset, type Queryable } from '@supply-graph/shared';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from '../config';
import { scoreValue, toBaseMinor } from '../modules/value/value-score';

/**
 * The customer value of the demo data set, as the value consumer would have
 * counted its orders' events: the seed writes orders straight into orders'
 * tables, so no event ever tells customers about them. Cancelled orders are
 * recorded and not counted; guests (walk-in identities) are not valued.
 */
export async function seedCustomerValue(
  db: Queryable,
  data: DemoDataset,
  now = new Date(),
  settings: Readonly<ValueSettings> = DEFAULT_VALUE_SETTINGS,
): Promise<void> {
  const guests = new Set(data.identities.filter(isWalkIn).map((i) => i.customerId));
  const orders = data.orders.filter((o) => !guests.has(o.customerId));
  const valued = orders.map((o) => ({
    order_id: o.id,
    customer_id: o.customerId,
    channel: o.channel,
    placed_at: o.placedAt,
    value_minor: (toBaseMinor(o.total, o.currency, settings) ?? 0n).toString(),
    cancelled: o.status === 'CANCELLED',
  }));
  await insertRows(
    db,
    'customer_value_order',
    {
      order_id: 'uuid',
      customer_id: 'uuid',
      channel: 'text',
      placed_at: 'timestamptz',
      value_minor: 'bigint',
      cancelled: 'boolean',
    },
    valued,
  );
  const byCustomer = new Map<
    string,
    { orders: number; minor: bigint; first: Date; last: Date; mix: Record<string, number> }
  >();
  for (const o of valued) {
    if (o.cancelled) continue;
    const sum = byCustomer.get(o.customer_id) ?? {
      orders: 0,
      minor: 0n,
      first: o.placed_at,
      last: o.placed_at,
      mix: {},
    };
    sum.orders += 1;
    sum.minor += BigInt(o.value_minor);
    if (o.placed_at < sum.first) sum.first = o.placed_at;
    if (o.placed_at > sum.last) sum.last = o.placed_at;
    sum.mix[o.channel] = (sum.mix[o.channel] ?? 0) + 1;
    byCustomer.set(o.customer_id, sum);
  }
  const rows = [...byCustomer].map(([customerId, sum]) => {
    const score = scoreValue({ orders: sum.orders, monetaryMinor: sum.minor, lastOrderAt: sum.last }, now, settings);
    return {
      customer_id: customerId,
      orders: sum.orders,
      monetary_minor: sum.minor.toString(),
      first_order_at: sum.first,
      last_order_at: sum.last,
      channel_orders: JSON.stringify(sum.mix),
      r_score: score.rScore,
      f_score: score.fScore,
      m_score: score.mScore,
      tier: score.tier,
      rescore_at: score.rescoreAt,
    };
  });
  await insertRows(
    db,
    'customer_value',
    {
      customer_id: 'uuid',
      orders: 'int',
      monetary_minor: 'bigint',
      first_order_at: 'timestamptz',
      last_order_at: 'timestamptz',
      channel_orders: 'jsonb',
      r_score: 'smallint',
      f_score: 'smallint',
      m_score: 'smallint',
      tier: 'text',
      rescore_at: 'timestamptz',
    },
    rows,
  );
}

/** A store's walk-in guest identity (`walkInGuest` in orders' POS adapter). */
export const isWalkIn = (identity: { channel: string; externalId: string }) =>
  identity.channel === 'pos' && identity.externalId.startsWith('walk-in:');
