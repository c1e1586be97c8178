import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { Money } from '../generated/suites/graphql';
import { iso } from '../support/sql';
import { usePlatform } from '../support/use-platform';

const STATS = graphql(`
  fragment CustomerStatsFields on Customer {
    id
    stats {
      orderCount firstOrderAt lastOrderAt channels
      lifetimeValue { amount currency } averageOrderValue { amount currency }
      lifetimeValueByCurrency { amount currency }
    }
  }
`);
const STATS_OF = graphql(`query CustomerStatsOf($id: ID!) { customer(id: $id) { ...CustomerStatsFields } }`);

type Stats = NonNullable<ResultOf<typeof STATS>['stats']>;

/** One order of a constructed customer: [status, currency, total]. */
type OrderSpec = [status: string, currency: string, total: string];

interface Case {
  orders: OrderSpec[];
  /** Exact expected money figures: [lifetimeValue, averageOrderValue, currency]. */
  money: [ltv: string, aov: string, currency: string];
}

const cny = (status: string, total: string): OrderSpec => [status, 'CNY', total];

const CASES: Record<string, Case> = {
  'no orders': { orders: [], money: ['0.00', '0.00', 'CNY'] },
  // Cancelled and returned orders count as orders but are no revenue; they are the first and last order.
  'CNY orders in several statuses, 100.00 of revenue over 3 orders': {
    orders: [
      cny('CANCELLED', '999.99'),
      cny('DELIVERED', '33.33'),
      cny('SHIPPED', '33.33'),
      cny('ON_HOLD', '33.34'),
      cny('RETURNED', '500.00'),
    ],
    money: ['100.00', '33.33', 'CNY'],
  },
  'every revenue status counts: 100.00 over 6 orders': {
    orders: ['PENDING', 'ALLOCATED', 'BACKORDERED', 'ON_HOLD', 'SHIPPED', 'DELIVERED'].map((s, i) =>
      cny(s, i < 4 ? '16.67' : '16.66'),
    ),
    money: ['100.00', '16.67', 'CNY'],
  },
  '0.01 + 0.02: 0.015 rounds up': {
    orders: [cny('DELIVERED', '0.01'), cny('DELIVERED', '0.02')],
    money: ['0.03', '0.02', 'CNY'],
  },
  '0.02 + 0.03: 0.025 rounds away from zero, not to even': {
    orders: [cny('DELIVERED', '0.02'), cny('SHIPPED', '0.03')],
    money: ['0.05', '0.03', 'CNY'],
  },
  '200.00 over 3 orders: 66.666... rounds up': {
    orders: [cny('DELIVERED', '66.66'), cny('DELIVERED', '66.67'), cny('DELIVERED', '66.67')],
    money: ['200.00', '66.67', 'CNY'],
  },
  'sums beyond double precision stay exact': {
    orders: [cny('DELIVERED', '999999999999.99'), cny('DELIVERED', '999999999999.99'), cny('DELIVERED', '0.01')],
    money: ['1999999999999.99', '666666666666.66', 'CNY'],
  },
  // USD has most orders (3, one cancelled); EUR has only a cancelled order, so no revenue entry.
  'mixed currencies: the currency of most orders is the main one': {
    orders: [
      ['DELIVERED', 'USD', '10.00'],
      ['SHIPPED', 'USD', '20.01'],
      ['CANCELLED', 'USD', '5.00'],
      cny('DELIVERED', '100.00'),
      cny('PENDING', '50.50'),
      ['CANCELLED', 'EUR', '70.00'],
    ],
    money: ['30.01', '15.01', 'USD'],
  },
  'a tie in order count goes to the alphabetically first currency': {
    orders: [
      ['DELIVERED', 'USD', '1.00'],
      ['DELIVERED', 'USD', '2.00'],
      ['DELIVERED', 'EUR', '10.00'],
      ['CANCELLED', 'EUR', '20.00'],
    ],
    money: ['10.00', '10.00', 'EUR'],
  },
  'a main currency with only cancelled and returned orders has no revenue': {
    orders: [['CANCELLED', 'USD', '5.00'], ['RETURNED', 'USD', '6.00'], cny('DELIVERED', '12.34')],
    money: ['0.00', '0.00', 'USD'],
  },
};

const EXPECTED_BY_CURRENCY: Record<string, Money[]> = {
  'no orders': [],
  'mixed currencies: the currency of most orders is the main one': [
    { amount: '150.50', currency: 'CNY' },
    { amount: '30.01', currency: 'USD' },
  ],
  'a tie in order count goes to the alphabetically first currency': [
    { amount: '10.00', currency: 'EUR' },
    { amount: '3.00', currency: 'USD' },
  ],
  'a main currency with only cancelled and returned orders has no revenue': [{ amount: '12.34', currency: 'CNY' }],
};

describePlatformSuite('customer order stats through the gateway', (backend) => {
  // One request asks 60 customers as aliased root fields, past the gateway's defaults (30 aliases, 20 root fields).
  const { db, ask } = usePlatform(backend, {
    customers: 50,
    orders: 300,
    env: { LIMIT_MAX_ALIASES: '100', LIMIT_MAX_ROOT_FIELDS: '100' },
  });
  const customerIds = new Map<string, string>();

  /** The figures SQL gives for the customer, computed without the product's query. */
  async function sqlFigures(customerId: string) {
    const [overall] = await db.rows<{ n: number; first_at: Date | null; last_at: Date | null; channels: string[] }>(
      `SELECT count(*)::int AS n, min(placed_at) AS first_at, max(placed_at) AS last_at,
              coalesce(array_agg(DISTINCT channel_code ORDER BY channel_code)
                FILTER (WHERE channel_code IS NOT NULL), '{}') AS channels
       FROM orders.sales_order WHERE customer_id = $1`,
      [customerId],
    );
    const byCurrency = await db.rows<Money>(
      `SELECT sum(total)::numeric(16,2)::text AS amount, currency FROM orders.sales_order
       WHERE customer_id = $1 AND status NOT IN ('CANCELLED', 'RETURNED') GROUP BY currency ORDER BY currency`,
      [customerId],
    );
    return {
      orderCount: overall.n,
      firstOrderAt: iso(overall.first_at),
      lastOrderAt: iso(overall.last_at),
      channels: overall.channels,
      lifetimeValueByCurrency: byCurrency,
    };
  }

  async function statsOf(customerId: string): Promise<Stats> {
    const result = await ask(STATS_OF, { id: customerId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.customer).not.toBeNull();
    return result.data!.customer!.stats!;
  }

  beforeAll(async () => {
    const channels = (await db.rows<{ code: string }>('SELECT code FROM orders.channel ORDER BY code')).map(
      (c) => c.code,
    );
    const [{ sku }] = await db.rows<{ sku: string }>('SELECT sku FROM inventory.product ORDER BY sku LIMIT 1');
    const start = Date.now() - 40 * 24 * 3600_000;
    for (const [label, { orders }] of Object.entries(CASES)) {
      const customerId = randomUUID();
      customerIds.set(label, customerId);
      await db.query('INSERT INTO customers.customer (id, name, created_at) VALUES ($1, $2, $3)', [
        customerId,
        `Stats ${label}`,
        new Date(start),
      ]);
      for (const [i, [status, currency, total]] of orders.entries()) {
        const orderId = randomUUID();
        // Orders a day apart, the channels taken in turn: the first and last order are the spec's ends.
        await db.query(
          `INSERT INTO orders.sales_order (id, channel_code, external_id, customer_id, status, currency,
             subtotal, discount, shipping_fee, total, ship_country, placed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, $7, 'CN', $8)`,
          [
            orderId,
            channels[i % channels.length],
            `stats-${orderId}`,
            customerId,
            status,
            currency,
            total,
            new Date(start + (i + 1) * 86_400_000 + 123),
          ],
        );
        await db.query(
          'INSERT INTO orders.order_line (order_id, line_no, sku, quantity, unit_price) VALUES ($1, 1, $2, 1, $3)',
          [orderId, sku, total],
        );
      }
    }
  });

  it('a customer without orders has zero figures in CNY, no dates and no channels', async () => {
    expect(await statsOf(customerIds.get('no orders')!)).toEqual({
      orderCount: 0,
      lifetimeValue: { amount: '0.00', currency: 'CNY' },
      averageOrderValue: { amount: '0.00', currency: 'CNY' },
      firstOrderAt: null,
      lastOrderAt: null,
      channels: [],
      lifetimeValueByCurrency: [],
    });
  });

  it.each(Object.keys(CASES).filter((label) => label !== 'no orders'))('%s', async (label) => {
    const { orders, money } = CASES[label];
    const customerId = customerIds.get(label)!;
    const [ltv, aov, currency] = money;

    const stats = await statsOf(customerId);

    const sql = await sqlFigures(customerId);
    expect(sql.orderCount).toBe(orders.length);
    expect(stats).toEqual({
      ...sql,
      lifetimeValue: { amount: ltv, currency },
      averageOrderValue: { amount: aov, currency },
    });
    if (EXPECTED_BY_CURRENCY[label]) expect(stats.lifetimeValueByCurrency).toEqual(EXPECTED_BY_CURRENCY[label]);
    // The first and last orders are the first and last of the spec, whatever their status.
    expect(new Date(stats.lastOrderAt!).getTime() - new Date(stats.firstOrderAt!).getTime()).toBe(
      (orders.length - 1) * 86_400_000,
    );
  });

  it('stats of the seeded customers and the constructed ones, asked in one request, equal SQL', async () => {
    const seeded = await db.rows<{ id: string }>(
      'SELECT id FROM customers.customer WHERE NOT (id = ANY($1::uuid[])) ORDER BY id',
      [[...customerIds.values()]],
    );
    expect(seeded).toHaveLength(50);
    const currencies = await db.rows<{ currency: string }>(
      'SELECT DISTINCT currency FROM orders.sales_order WHERE customer_id = ANY($1::uuid[])',
      [seeded.map((c) => c.id)],
    );
    expect(currencies).toEqual([{ currency: 'CNY' }]);
    const ids = [...seeded.map((c) => c.id), ...customerIds.values()];
    // One request for all of them: the orders subgraph answers them in one batch.
    const aliases = ids.map((id, i) => `c${i}: customer(id: "${id}") { ...CustomerStatsFields }`);
    const query = `{ ${aliases.join('\n')} }\n${print(STATS)}`;

    const result = await ask<Record<string, ResultOf<typeof STATS>>>(query);

    expect(result.errors).toBeUndefined();
    let withRevenue = 0;
    for (const [i, id] of ids.entries()) {
      const stats = result.data![`c${i}`].stats!;
      const sql = await sqlFigures(id);
      expect(stats).toMatchObject(sql);
      if (i < seeded.length) {
        // The demo data is all CNY: main-currency figures are the CNY revenue and its rounded average.
        const [row] = await db.rows<{ ltv: string; aov: string }>(
          `SELECT coalesce(sum(total), 0)::numeric(16,2)::text AS ltv,
                  coalesce(round(avg(total), 2), 0)::numeric(16,2)::text AS aov
           FROM orders.sales_order WHERE customer_id = $1 AND status NOT IN ('CANCELLED', 'RETURNED')`,
          [id],
        );
        expect(stats.lifetimeValue).toEqual({ amount: row.ltv, currency: 'CNY' });
        expect(stats.averageOrderValue).toEqual({ amount: row.aov, currency: 'CNY' });
        if (row.ltv !== '0.00') withRevenue++;
      } else {
        const label = [...customerIds.entries()].find(([, cid]) => cid === id)![0];
        expect(stats).toEqual(await statsOf(id));
        expect(stats.lifetimeValue.amount).toBe(CASES[label].money[0]);
      }
    }
    expect(withRevenue).toBeGreaterThan(10);
  });
});
