import { randomUUID } from 'node:crypto';
import { describeEachBackend, testBuses } from '@supply-graph/shared/testing';
import { gql } from '../support/graphql';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }';
const VIEW = 'query($id: ID!) { order(id: $id) { status customer { id } statusHistory { to reason } } }';

interface View {
  order: { status: string; customer: { id: string } | null; statusHistory: { to: string; reason: string | null }[] };
}

/**
 * Customers' HTTP endpoint stops answering (as when one request had it busy
 * for minutes) while its event consumers still run: intake must not fail, and
 * the buyers are identified through the bus instead, on either bus.
 */
for (const { bus, skip, note } of testBuses()) {
  describeEachBackend(`placeOrder while customers does not answer over HTTP [${note}]`, (backend) => {
    let platform: TestPlatform;
    let db: Awaited<ReturnType<typeof sqlClient>>;
    const it = skip ? globalThis.it.skip : globalThis.it;

    beforeAll(async () => {
      if (skip) return;
      platform = await startTestPlatform(backend, { customers: 20, orders: 40, bus });
      db = await sqlClient(platform.databaseUrl);
      await platform.subgraphs.customers!.http.stop();
    });
    afterAll(async () => {
      await db?.end();
      await platform?.close();
    });

    it('accepts every order at once, PENDING without a customer, then identifies, scores and allocates each', async () => {
      const run = randomUUID().slice(0, 8);
      const placed = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          gql<{ placeOrder: { created: boolean; order: { id: string; status: string } } }, Record<string, unknown>>(
            platform.gatewayUrl,
            PLACE,
            {
              input: {
                channel: i % 2 ? 'webstore' : 'tmall',
                externalId: `ASYNC-${run}-${i}`,
                // Six buyers, four orders each, on two channels: six golden customers.
                buyer: { name: `Buyer ${i % 6}`, email: `async-${run}-${i % 6}@example.com` },
                currency: 'CNY',
                lines: [{ sku: `SKU-${String(1 + (i % 20)).padStart(4, '0')}`, quantity: 1, unitPrice: '12.00' }],
                shippingAddress: { country: 'CN', city: 'Wuhan', line1: `Jiefang Avenue ${run}-${i}` },
              },
            },
          ),
        ),
      );
      expect(placed.filter((r) => r.errors)).toEqual([]);
      expect(placed.every((r) => r.data!.placeOrder.created && r.data!.placeOrder.order.status === 'PENDING')).toBe(
        true,
      );
      const ids = placed.map((r) => r.data!.placeOrder.order.id);

      const views = await eventually(
        async () => {
          const all = await Promise.all(
            ids.map(async (id) => (await gql<View, { id: string }>(platform.gatewayUrl, VIEW, { id })).data?.order),
          );
          return all.every((v) => v?.status === 'ALLOCATED' && v.customer) ? (all as View['order'][]) : undefined;
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
}
