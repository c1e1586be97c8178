import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { Customer360Document, type Customer360Query } from '../generated/graphql';
import type { GraphQLResponse } from '../support/graphql';
import { usePlatform } from '../support/use-platform';

type Subgraph = 'orders' | 'customers' | 'inventory' | 'logistics';
type AnyAnswer = GraphQLResponse<unknown>;
type Customer = NonNullable<Customer360Query['customer']>;
type OrderNode = NonNullable<Customer['orders']>['edges'][number]['node'];

/** Every error is about the stopped subgraph, carries a path, and no path is reported twice. */
function expectOnlyOutageErrors(result: AnyAnswer, down: Subgraph): string[] {
  const errors = result.errors ?? [];
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: down });
    expect(error.path?.length).toBeGreaterThan(0);
  }
  const paths = errors.map((e) => e.path!.join('.'));
  expect(new Set(paths).size).toBe(paths.length);
  return paths;
}

const ORDER = graphql(`
  query DegradedOrder($id: ID!) {
    order(id: $id) { id status customer { name } lines { sku product { name } } allocations { sku } shipments { id } }
  }
`);

/**
 * One subgraph stopped at a time, under the 360 query: what it owns is null,
 * with one error per missing place naming it, and everything else still comes.
 */
describe.each<Subgraph>(['logistics', 'inventory', 'orders', 'customers'])('the 360 view with %s down', (down) => {
  describePlatformSuite(`answers the rest while ${down} is down`, (backend) => {
    // With the entity cache on, the answers the stopped subgraph gave before would still come (as they should):
    // this suite watches how the missing parts show, so nothing is kept.
    const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 150, env: { ENTITY_CACHE: 'false' } });
    let customerId: string;
    let orderId: string;
    let full: Customer;

    beforeAll(async () => {
      [{ customer_id: customerId, id: orderId }] = await db.rows<{ customer_id: string; id: string }>(
        `SELECT o.customer_id, o.id FROM orders.sales_order o
         WHERE o.status IN ('ALLOCATED', 'SHIPPED', 'DELIVERED')
           AND EXISTS (SELECT 1 FROM logistics.shipment s WHERE s.order_id = o.id)
         ORDER BY o.placed_at DESC, o.id LIMIT 1`,
      );
      const before = await ask(Customer360Document, { id: customerId, orders: 10 });
      expect(before.errors).toBeUndefined();
      full = before.data!.customer!;
      await platform.subgraphs[down]!.stop();
    });

    it("keeps the other subgraphs' fields, nulls only the stopped one's, each error once with its path", async () => {
      const result = await ask(Customer360Document, { id: customerId, orders: 10 });
      const paths = expectOnlyOutageErrors(result, down);
      const customer = result.data?.customer;
      /** The full answer's orders with `change` applied to each. */
      const ordersWith = (change: (node: OrderNode) => object) => ({
        ...full.orders,
        edges: full.orders!.edges.map(({ node }) => ({ cursor: expect.any(String), node: change(node) })),
      });
      switch (down) {
        case 'customers':
          // The root field is the stopped subgraph's own: nothing to hang the rest on.
          expect(customer).toBeNull();
          expect(paths).toEqual(['customer']);
          break;
        case 'orders':
          expect(customer).toEqual({ ...full, orders: null, stats: null });
          expect(paths.sort()).toEqual(['customer.orders', 'customer.stats']);
          break;
        case 'inventory':
          expect(customer).toEqual({
            ...full,
            // Shipment.warehouse is inventory's and non-null: without it a shipment cannot be shown (an order with
            // none, a cancelled one say, still shows its empty list).
            orders: ordersWith((node) => ({
              ...node,
              allocations: null,
              shipments: node.shipments?.length ? null : node.shipments,
              lines: node.lines.map((l) => ({ ...l, product: null })),
            })),
          });
          expect(paths.every((p) => p.startsWith('customer.orders.edges.'))).toBe(true);
          break;
        case 'logistics':
          expect(customer).toEqual({
            ...full,
            shipments: null,
            orders: ordersWith((node) => ({ ...node, shipments: null })),
          });
          expect(paths).toContain('customer.shipments');
          break;
      }
    });

    it("the gateway's /readyz says which subgraph is missing and stays ready (degraded) for the rest", async () => {
      const res = await fetch(new URL('/readyz', platform.gatewayUrl));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; subgraphs: Record<string, string> };
      expect(body.status).toBe('degraded');
      const expected = Object.fromEntries(
        ['orders', 'customers', 'inventory', 'logistics'].map((s) => [s, s === down ? 'unreachable' : 'ready']),
      );
      expect(body.subgraphs).toEqual(expected);
    });

    it('an order query rooted elsewhere still answers, with only the stopped subgraph’s fields null', async () => {
      const result = await ask(ORDER, { id: orderId });
      expectOnlyOutageErrors(result, down);
      if (down === 'orders') {
        expect(result.data?.order ?? null).toBeNull();
        return;
      }
      const order = result.data!.order!;
      expect(order.id).toBe(orderId);
      expect(order.customer === null).toBe(down === 'customers');
      expect(order.allocations === null).toBe(down === 'inventory');
      expect(order.shipments === null).toBe(down === 'logistics');
    });
  });
});
