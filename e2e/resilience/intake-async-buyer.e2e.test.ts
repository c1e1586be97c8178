import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { PLACE_ORDER } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const VIEW = graphql(`
  query AsyncBuyerView($id: ID!) { order(id: $id) { status customer { id } statusHistory { to reason } } }
`);
type View = NonNullable<ResultOf<typeof VIEW>['order']>;

/**
 * Customers' HTTP endpoint stops answering (as when one request had it busy
 * for minutes) while its event consumers still run: intake must not fail, and
 * the buyers are identified through the bus instead, on either bus.
 */
describeEachBus('placeOrder while customers does not answer over HTTP', (bus, backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 20, orders: 40, bus });

  beforeAll(async () => {
    await platform.subgraphs.customers!.http.stop();
  });

  it('accepts every order at once, PENDING without a customer, then identifies, scores, allocates each', async () => {
    const run = randomUUID().slice(0, 8);
    const placed = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        ask(PLACE_ORDER, {
          input: {
            channel: i % 2 ? 'webstore' : 'tmall',
            externalId: `ASYNC-${run}-${i}`,
            // Six buyers, four orders each, on two channels: six golden customers.
            buyer: { name: `Buyer ${i % 6}`, email: `async-${run}-${i % 6}@example.com` },
            currency: 'CNY',
            lines: [{ sku: `SKU-${String(1 + (i % 20)).padStart(4, '0')}`, quantity: 1, unitPrice: '12.00' }],
            shippingAddress: { country: 'CN', city: 'Wuhan', line1: `Jiefang Avenue ${run}-${i}` },
          },
        }),
      ),
    );
    expect(placed.filter((r) => r.errors)).toEqual([]);
    expect(placed.every((r) => r.data!.placeOrder.created && r.data!.placeOrder.order!.status === 'PENDING')).toBe(
      true,
    );
    const ids = placed.map((r) => r.data!.placeOrder.order!.id);

    const views = await eventually(
      async () => {
        const all = await Promise.all(ids.map(async (id) => (await ask(VIEW, { id })).data?.order));
        return all.every((v) => v?.status === 'ALLOCATED' && v.customer) ? (all as View[]) : undefined;
      },
      'every order with its customer and ALLOCATED',
      30_000,
    );
    for (const view of views) {
      expect(view.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'ALLOCATED']);
      expect(view.statusHistory[0].reason).toMatch(/awaiting buyer identification/);
    }
    const customerOf = new Map<string, Set<string>>();
    views.forEach((v, i) =>
      customerOf.set(`${i % 6}`, new Set([...(customerOf.get(`${i % 6}`) ?? []), v.customer!.id])),
    );
    expect([...customerOf.values()].map((s) => s.size)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(new Set(views.map((v) => v.customer!.id)).size).toBe(6);
    const [{ n }] = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM customers.customer WHERE email_normalized LIKE $1',
      [`async-${run}-%`],
    );
    expect(n).toBe(6);
  });
});
