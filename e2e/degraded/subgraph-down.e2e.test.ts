import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { GraphQLResponse } from '../support/graphql';
import { usePlatform } from '../support/use-platform';

const ORDER_WITH_PRODUCTS = graphql(`
  query DownOrderWithProducts($id: ID!) {
    order(id: $id) {
      id
      status
      customer { name }
      lines { sku quantity product { name } }
    }
  }
`);
const WAREHOUSES_AND_CUSTOMERS = graphql(`
  query DownWarehousesAndCustomers { warehouses { code } customers(first: 2) { totalCount } }
`);
const PRODUCT_AND_CUSTOMERS = graphql(`
  query DownProductAndCustomers($sku: ID!) { product(sku: $sku) { name } customers(first: 2) { totalCount } }
`);
const ORDER_AND_CUSTOMER = graphql(
  `query DownOrderAndCustomer($id: ID!) { order(id: $id) { status customer { name } } }`,
);

/** The one error that says the inventory subgraph is missing. */
function expectInventoryUnavailable(result: GraphQLResponse<unknown>) {
  const unavailable = (result.errors ?? []).filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
  expect(unavailable).toHaveLength(1);
  expect(unavailable[0].extensions?.serviceName).toBe('inventory');
  expect(unavailable[0].message).toMatch(/inventory subgraph/i);
  // Nothing else went wrong: every error in the answer is about inventory.
  for (const error of result.errors!) expect(error.message).toMatch(/inventory/i);
}

describePlatformSuite('answers while the inventory subgraph is down', (backend) => {
  // A platform of its own: this file stops one of its subgraphs.
  // Nothing kept in the entity cache: the suite watches how the missing parts show (see customer-360-degraded).
  const { platform, db, ask } = usePlatform(backend, { customers: 40, orders: 120, env: { ENTITY_CACHE: 'false' } });
  let order: { id: string; status: string; customer_name: string };
  let lines: { sku: string; quantity: number; name: string }[];

  beforeAll(async () => {
    [order] = await db.rows(
      `SELECT o.id, o.status, c.name AS customer_name FROM orders.sales_order o
       JOIN customers.customer c ON c.id = o.customer_id
       WHERE (SELECT count(*) FROM orders.order_line l WHERE l.order_id = o.id) >= 2
       ORDER BY o.placed_at DESC, o.id LIMIT 1`,
    );
    lines = await db.rows(
      `SELECT l.sku, l.quantity, p.name FROM orders.order_line l JOIN inventory.product p ON p.sku = l.sku
       WHERE l.order_id = $1 ORDER BY l.line_no`,
      [order.id],
    );
  });

  it('before the outage the same queries answer fully (the baseline the outage is compared with)', async () => {
    const result = await ask(ORDER_WITH_PRODUCTS, { id: order.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.order!.lines).toEqual(
      lines.map((l) => ({ sku: l.sku, quantity: l.quantity, product: { name: l.name } })),
    );
    const both = await ask(WAREHOUSES_AND_CUSTOMERS);
    expect(both.errors).toBeUndefined();
  });

  describe('after inventory stops', () => {
    beforeAll(async () => {
      await platform.subgraphs.inventory!.stop();
    });

    it('an order still comes with status, customer and lines; products null, the error names inventory', async () => {
      const result = await ask(ORDER_WITH_PRODUCTS, { id: order.id });
      expect(result.data?.order).toEqual({
        id: order.id,
        status: order.status,
        customer: { name: order.customer_name },
        lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, product: null })),
      });
      expectInventoryUnavailable(result);
    });

    it('of two root fields, the one from a live subgraph still answers', async () => {
      const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM customers.customer');
      const result = await ask(PRODUCT_AND_CUSTOMERS, { sku: lines[0].sku });
      expect(result.data).toEqual({ product: null, customers: { totalCount: n } });
      expectInventoryUnavailable(result);
    });

    it('non-null warehouses nulls the whole answer (GraphQL null propagation); the error names inventory', async () => {
      // The contract declares `warehouses: [Warehouse!]!`: a failed non-null root field nulls
      // the whole answer by the GraphQL spec, so customers cannot arrive beside it.
      const result = await ask(WAREHOUSES_AND_CUSTOMERS);
      expect(result.data).toBeNull();
      expectInventoryUnavailable(result);
    });

    it('the gateway stays up and keeps answering queries that do not touch inventory', async () => {
      const result = await ask(ORDER_AND_CUSTOMER, { id: order.id });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ order: { status: order.status, customer: { name: order.customer_name } } });
    });
  });
});
