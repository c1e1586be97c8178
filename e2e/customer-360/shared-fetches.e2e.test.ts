import { SCOPES } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { Customer360Document, type Customer360Query } from '../generated/graphql';
import { mintToken, staffToken } from '../support/auth';
import type { GraphQLResponse } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';

const WITHOUT_PII = SCOPES.filter((scope) => scope !== 'pii:read');

// The gateway shares identical subgraph fetches in flight at once (SUBGRAPH_DEDUP, on by default). Shared or
// not, each caller must get exactly what its own access gives: never another caller's unmasked PII, never
// orders of channels it may not see.
describePlatformSuite('identical 360 queries at once from callers of different access', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 150 });

  it('each caller gets the answer its own access gives, whatever the gateway shares', async () => {
    // A buyer with an email, with orders on tmall and on at least one other channel.
    const [{ id }] = await db.rows<{ id: string }>(`
      SELECT o.customer_id AS id FROM orders.sales_order o JOIN customers.customer c ON c.id = o.customer_id
      WHERE c.email IS NOT NULL GROUP BY o.customer_id
      HAVING bool_or(o.channel_code = 'tmall') AND count(DISTINCT o.channel_code) >= 2
      ORDER BY count(*) DESC, o.customer_id LIMIT 1`);
    const callers = {
      staff: `Bearer ${await staffToken(platform.gateway)}`,
      frontend: `Bearer ${await mintToken(platform.gateway, { sub: 'e2e-frontend', scopes: WITHOUT_PII })}`,
      partner: `Bearer ${await mintToken(platform.gateway, {
        sub: 'e2e-tmall-partner',
        scopes: WITHOUT_PII,
        channels: ['tmall'],
      })}`,
    };
    const names = Object.keys(callers) as (keyof typeof callers)[];
    const as = (name: keyof typeof callers) =>
      ask(Customer360Document, { id, orders: 10 }, { authorization: callers[name] });

    // One at a time: what each caller's access gives.
    const alone = {} as Record<keyof typeof callers, GraphQLResponse<Customer360Query>>;
    for (const name of names) alone[name] = await as(name);
    const { staff, frontend, partner } = alone;
    expect(staff.errors).toBeUndefined();
    expect(frontend.data!.customer!.email).not.toBe(staff.data!.customer!.email);
    expect(frontend.data!.customer!.email).toMatch(/\*/);
    const partnerChannels = (partner.data!.customer!.orders?.edges ?? []).map((e) => e.node.channel?.code);
    expect(partnerChannels.length).toBeGreaterThan(0);
    expect(new Set(partnerChannels)).toEqual(new Set(['tmall']));

    // Fifteen of each at once, interleaved: every answer is that caller's own.
    const together = await Promise.all(Array.from({ length: 45 }, (_, i) => as(names[i % 3])));
    together.forEach((answer, i) => expect(answer).toEqual(alone[names[i % 3]]));
  });
});

// The query plan asks inventory for the orders' allocations and for their lines' products side by side; the gateway
// sends both as one call (SUBGRAPH_BATCH, on by default), then the shipments' warehouses once those are known.
describePlatformSuite('the 360 query to inventory', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 150 });
  const INVENTORY_OK = 'supply_graph_graphql_requests_total{service="inventory",outcome="ok"}';

  it('calls inventory twice: allocations and products together, then warehouses; the answer is whole', async () => {
    const [{ id }] = await db.rows<{ id: string }>(`
      SELECT o.customer_id AS id FROM orders.sales_order o JOIN logistics.shipment s ON s.order_id = o.id
      GROUP BY o.customer_id ORDER BY count(*) DESC, o.customer_id LIMIT 1`);
    const authorization = `Bearer ${await staffToken(platform.gateway)}`;
    const before = await metricValue(platform.gatewayUrl, INVENTORY_OK);
    const answer = await ask(Customer360Document, { id, orders: 10 }, { authorization });
    expect(answer.errors).toBeUndefined();
    expect(await metricValue(platform.gatewayUrl, INVENTORY_OK)).toBe(before + 2);
    const orders = answer.data!.customer!.orders!.edges.map((e) => e.node);
    expect(orders.flatMap((o) => o.lines.map((l) => l.product?.name)).every(Boolean)).toBe(true);
    expect(orders.flatMap((o) => (o.allocations ?? []).map((a) => a.warehouse?.code)).every(Boolean)).toBe(true);
    expect(
      orders.flatMap((o) => (o.shipments ?? []).map((s) => s.warehouse?.code)).filter(Boolean).length,
    ).toBeGreaterThan(0);
  });
});
