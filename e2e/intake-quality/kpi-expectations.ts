import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/suites';
import type { Sql } from '../support/sql';

/** The KPIs of a window, per channel and UTC day. */
export const KPIS = graphql(`
  query Kpis($from: DateTime!, $to: DateTime!, $channel: String) {
    channelKpis(from: $from, to: $to, channel: $channel) {
      channel { code } day orders revenue { amount currency } revenueByCurrency { amount currency }
      shippedOrders processingHoursP50 processingHoursP90 fillRate deliveredOrders onTimeDeliveryRate
    }
  }
`);

export type Kpi = ResultOf<typeof KPIS>['channelKpis'][number];

export const HOUR = 3_600_000;

/** Continuous percentile (linear interpolation between the closest ranks), as percentile_cont defines it. */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

const cents = (amount: string) => BigInt(amount.replace('.', ''));
const money = (c: bigint) => {
  const s = (c < 0n ? -c : c).toString().padStart(3, '0');
  return `${c < 0n ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
};

/** The KPIs computed in JavaScript from the raw rows, independently of the service's SQL. */
export async function expectedKpis(db: Sql, from: Date, to: Date, channel: string | null): Promise<Kpi[]> {
  const orders = await db.rows<{
    id: string;
    channel_code: string;
    currency: string;
    total: string;
    status: string;
    placed_at: Date;
  }>(
    `SELECT id, channel_code, currency, total::text AS total, status, placed_at FROM orders.sales_order
     WHERE placed_at >= $1 AND placed_at < $2 AND ($3::text IS NULL OR channel_code = $3)`,
    [from, to, channel],
  );
  const ids = orders.map((o) => o.id);
  const changes = await db.rows<{ order_id: string; to_status: string; at: Date }>(
    'SELECT order_id, to_status, at FROM orders.order_status_change WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  const shipments = await db.rows<{ order_id: string; eta: Date | null }>(
    'SELECT order_id, estimated_delivery_at AS eta FROM orders.order_shipment WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  const groups = new Map<string, typeof orders>();
  for (const o of orders) {
    const key = `${o.channel_code}|${o.placed_at.toISOString().slice(0, 10)}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const firstAt = (id: string, status: string) =>
    changes
      .filter((c) => c.order_id === id && c.to_status === status)
      .reduce<Date | null>((m, c) => (m && m <= c.at ? m : c.at), null);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => {
      const [code, day] = key.split('|');
      const byCurrency = new Map<string, { orders: number; revenue: bigint; revenueOrders: number }>();
      for (const o of group) {
        const c = byCurrency.get(o.currency) ?? { orders: 0, revenue: 0n, revenueOrders: 0 };
        c.orders += 1;
        if (o.status !== 'CANCELLED') {
          c.revenue += cents(o.total);
          c.revenueOrders += 1;
        }
        byCurrency.set(o.currency, c);
      }
      const currencies = [...byCurrency.keys()].sort();
      const main = [...currencies].sort((a, b) => byCurrency.get(b)!.orders - byCurrency.get(a)!.orders)[0];
      const hours = group.flatMap((o) => {
        const shipped = firstAt(o.id, 'SHIPPED');
        return shipped ? [(shipped.getTime() - o.placed_at.getTime()) / HOUR] : [];
      });
      const delivered = group.filter((o) => firstAt(o.id, 'DELIVERED'));
      const judged = delivered.flatMap((o) => {
        const etas = shipments.filter((s) => s.order_id === o.id).map((s) => s.eta);
        if (!etas.length || etas.some((e) => e === null)) return [];
        const eta = Math.max(...etas.map((e) => e!.getTime()));
        return [firstAt(o.id, 'DELIVERED')!.getTime() <= eta];
      });
      return {
        channel: { code },
        day,
        orders: group.length,
        revenue: { amount: money(byCurrency.get(main)!.revenue), currency: main },
        revenueByCurrency: currencies
          .filter((c) => byCurrency.get(c)!.revenueOrders > 0)
          .map((c) => ({ amount: money(byCurrency.get(c)!.revenue), currency: c })),
        shippedOrders: hours.length,
        processingHoursP50: percentile(hours, 0.5),
        processingHoursP90: percentile(hours, 0.9),
        fillRate:
          group.filter((o) => !changes.some((c) => c.order_id === o.id && c.to_status === 'BACKORDERED')).length /
          group.length,
        deliveredOrders: delivered.length,
        onTimeDeliveryRate: judged.length ? judged.filter(Boolean).length / judged.length : null,
      };
    });
}

/** Floats compared to 9 digits, everything else exactly. */
export function expectSameKpis(actual: Kpi[], expected: Kpi[]): void {
  expect(actual.map((k) => `${k.channel.code}|${k.day}`)).toEqual(expected.map((k) => `${k.channel.code}|${k.day}`));
  actual.forEach((kpi, i) => {
    const want = expected[i];
    for (const field of ['processingHoursP50', 'processingHoursP90', 'fillRate', 'onTimeDeliveryRate'] as const) {
      if (want[field] === null) expect(kpi[field]).toBeNull();
      else expect(kpi[field]).toBeCloseTo(want[field]!, 9);
    }
    const strip = ({ processingHoursP50, processingHoursP90, fillRate, onTimeDeliveryRate, ...rest }: Kpi) => rest;
    expect(strip(kpi)).toEqual(strip(want));
  });
}

/** An order of the test channel 'kpi-lab': its status history and shipments' ETAs in hours after placedAt. */
export interface KpiOrder {
  placedAt: string;
  currency: string;
  total: string;
  status: string;
  history: [status: string, hours: number][];
  etas?: (number | null)[];
}

/** Writes the order, its history and shipments straight into orders' tables. */
export async function insertKpiOrder(db: Sql, o: KpiOrder): Promise<void> {
  const id = randomUUID();
  const placed = new Date(o.placedAt);
  await db.query(
    `INSERT INTO orders.sales_order (id, channel_code, external_id, customer_id, status, version, currency,
       subtotal, discount, shipping_fee, total, ship_country, placed_at)
     VALUES ($1, 'kpi-lab', $2, $3, $4, $5, $6, $7, 0, 0, $7, 'CN', $8)`,
    [id, `KPI-${id}`, randomUUID(), o.status, o.history.length + 1, o.currency, o.total, placed],
  );
  let from = null as string | null;
  for (const [to, hours] of [['PENDING', 0] as [string, number], ...o.history]) {
    await db.query(
      'INSERT INTO orders.order_status_change (order_id, from_status, to_status, at) VALUES ($1, $2, $3, $4)',
      [id, from, to, new Date(placed.getTime() + hours * HOUR)],
    );
    from = to;
  }
  for (const eta of o.etas ?? []) {
    await db.query(
      `INSERT INTO orders.order_shipment (shipment_id, order_id, status, shipments_in_order, estimated_delivery_at)
       VALUES ($1, $2, 'DELIVERED', $3, $4)`,
      [randomUUID(), id, o.etas!.length, eta === null ? null : new Date(placed.getTime() + eta * HOUR)],
    );
  }
}
