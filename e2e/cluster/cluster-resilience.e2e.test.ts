import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/suites';
import { Customer360Document } from '../generated/graphql';
import type { ServiceName } from '../support/cluster';
import { PLACE_ORDER } from '../support/documents';
import type { GraphQLResponse } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { describeDistributed, useCluster } from '../support/use-cluster';
import { eventually } from '../support/wait';

type Answer = GraphQLResponse<ResultOf<typeof Customer360Document>>;
const LIVE = graphql(`
  subscription ClusterLive($customerId: ID, $after: ID) {
    orderStatusChanged(customerId: $customerId, after: $after) { eventId to order { id customer { id } } }
  }
`);

describeDistributed('the distributed deployment', (server) => {
  // What this suite watches is how failures show: with the entity cache on, the parts it holds would still answer
  // while their subgraph is down (e2e/cluster/entity-cache.e2e.test.ts covers the cache across processes).
  const { cluster, db, ask } = useCluster(server, { customers: 40, orders: 160, env: { ENTITY_CACHE: 'false' } });
  let customer: { id: string; name: string; email: string };

  beforeAll(async () => {
    [customer] = await db.rows<{ id: string; name: string; email: string }>(
      `SELECT c.id, c.name, c.email FROM customers.customer c
       WHERE c.email IS NOT NULL AND EXISTS (
         SELECT 1 FROM orders.sales_order o JOIN logistics.shipment s ON s.order_id = o.id WHERE o.customer_id = c.id)
       ORDER BY c.id LIMIT 1`,
    );
    await db.query("UPDATE inventory.stock_level SET on_hand = on_hand + 500 WHERE sku = 'SKU-0005'");
  });

  it('each subgraph killed in turn under 360 traffic: the rest answers, each error once, whole once back', async () => {
    const results: { at: number; done: number; answer: Answer }[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const at = Date.now();
        const answer: Answer = await ask(Customer360Document, { id: customer.id, orders: 5 }).catch((err: Error) => ({
          errors: [{ message: `transport: ${err.message}` }],
        }));
        results.push({ at, done: Date.now(), answer });
      }
    };
    const workers = [worker(), worker(), worker()];
    try {
      await eventually(async () => results.some((r) => !r.answer.errors) || undefined, 'a full 360 answer', 20_000);
      for (const down of ['logistics', 'inventory', 'orders', 'customers'] as ServiceName[]) {
        await cluster.kill(down);
        const from = Date.now();
        await new Promise((r) => setTimeout(r, 1500));
        const to = Date.now();
        const during = results.filter((r) => r.at >= from && r.done <= to);
        expect(during.length).toBeGreaterThan(0);
        for (const { answer } of during) {
          const errors = answer.errors ?? [];
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) {
            expect(e.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: down });
            expect(e.path?.length).toBeGreaterThan(0);
          }
          const paths = errors.map((e) => e.path!.join('.'));
          expect(new Set(paths).size).toBe(paths.length);
          // What the others own still comes: the profile unless customers itself is down.
          if (down === 'customers') expect(answer.data?.customer).toBeNull();
          else expect(answer.data?.customer).toMatchObject({ id: customer.id, name: customer.name });
        }
        await cluster.start(down);
        const back = Date.now();
        await eventually(
          async () => results.some((r) => r.at >= back && !r.answer.errors) || undefined,
          `full answers after ${down} is back`,
          20_000,
        );
      }
    } finally {
      running = false;
      await Promise.all(workers);
    }
  }, 180_000);

  it('a subscriber resuming across 999 -> 1000 through the gateway process gets every event, in order', async () => {
    let n = 0;
    const place = async () => {
      const result = await ask(PLACE_ORDER, {
        input: {
          channel: 'webstore',
          externalId: `CLUSTER-${Date.now()}-${(n += 1)}`,
          currency: 'CNY',
          buyer: { name: customer.name, email: customer.email },
          lines: [{ sku: 'SKU-0005', quantity: 1, unitPrice: '19.90' }],
          shippingAddress: { name: customer.name, country: 'CN', city: 'Shanghai', line1: `No. ${n} Huaihai Road` },
        },
      });
      expect(result.errors).toBeUndefined();
      return result.data!.placeOrder.order!.id;
    };
    const first = subscribeWs(cluster.gatewayUrl, LIVE, { customerId: customer.id });
    let seen: string;
    try {
      // The live tail starts asynchronously: place until the first event arrives.
      await eventually(
        async () => (await place(), first.results.length > 0) || undefined,
        'the first live event',
        20_000,
      );
      seen = first.results[0].data!.orderStatusChanged.eventId;
    } finally {
      await first.stop();
    }
    await eventually(async () => {
      const [{ open }] = await db.rows<{ open: number }>(
        'SELECT count(*)::int AS open FROM orders.outbox WHERE published_at IS NULL',
      );
      return open === 0 || undefined;
    }, 'the outbox drained');
    const [{ newest }] = await db.rows<{ newest: string }>(
      'SELECT coalesce(max(position), 0)::text AS newest FROM orders.outbox',
    );
    const boundary = 10n ** BigInt(String(BigInt(newest) + 20n).length);
    await db.query('SELECT setval($1, $2)', ['orders.outbox_position_seq', (boundary - 6n).toString()]);
    const missed: string[] = [];
    for (let i = 0; i < 6; i += 1) missed.push(await place());
    await eventually(
      async () => {
        const [{ open }] = await db.rows<{ open: number }>(
          "SELECT count(*)::int AS open FROM orders.sales_order WHERE id = ANY($1) AND status <> 'ALLOCATED'",
          [missed],
        );
        return open === 0 || undefined;
      },
      'the six orders allocated',
      30_000,
    );

    const expected = await db.rows<{ position: string }>(
      `SELECT o.position::text AS position FROM orders.outbox o
       WHERE o.type = 'order.status-changed' AND o.position > $1::bigint AND o.payload->>'customerId' = $2
       ORDER BY o.position`,
      [BigInt(seen!).toString(), customer.id],
    );
    expect(expected.some((e) => BigInt(e.position) >= boundary)).toBe(true);
    const resumed = subscribeWs(cluster.gatewayUrl, LIVE, { customerId: customer.id, after: seen! });
    try {
      const replayed = (await resumed.waitFor(expected.length, 20_000)).map((r) => r.data!.orderStatusChanged.eventId);
      expect(replayed.map((id) => BigInt(id).toString())).toEqual(expected.map((e) => e.position));
    } finally {
      await resumed.stop();
    }
  }, 120_000);
});
