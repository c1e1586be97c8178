import { randomUUID } from 'node:crypto';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { postGraphQL } from '../support/graphql';
import { usePlatform } from '../support/use-platform';
import { expectNamedError } from './named-error';

const FULL_PAGES = graphql(`
  query BadInputFullPages($id: ID!) {
    customers(first: 100) { edges { node { id } } }
    orders(first: 100) { edges { node { id } } }
    customer(id: $id) { orders(first: 100) { totalCount edges { node { id } } } shipments(first: 100) { id } }
  }
`);
const ORDER_BOTH_WAYS = graphql(`
  query BadInputOrderBothWays($id: ID!, $c: String!, $x: String!) {
    order(id: $id) { id }
    orderByExternalId(channel: $c, externalId: $x) { id }
  }
`);

// A cursor that decodes (JSON [sortKey, id]) but was never issued by any list.
const forgedCursor = Buffer.from(JSON.stringify(['yesterday', 'not-a-uuid'])).toString('base64url');

/** Documents as a client may type them: literal arguments, made-up ids, lists of every kind. */
describePlatformSuite('bad input through the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 60, orders: 200 });
  let customerId: string;

  beforeAll(async () => {
    [{ id: customerId }] = await db.rows<{ id: string }>(
      `SELECT customer_id AS id FROM orders.sales_order
       GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`,
    );
  });

  describe('unknown ids answer null without errors', () => {
    const lookups: [string, string][] = [
      ['order, unknown UUID', `{ order(id: "${randomUUID()}") { id status } }`],
      ['order, not a UUID', '{ order(id: "ORD-42") { id status } }'],
      ['customer, unknown UUID', `{ customer(id: "${randomUUID()}") { id name } }`],
      ['customer, not a UUID', '{ customer(id: "alice") { id name } }'],
      ['product, unknown SKU', '{ product(sku: "NO-SUCH-SKU") { sku name } }'],
      ['shipment, unknown UUID', `{ shipment(id: "${randomUUID()}") { id status } }`],
      ['shipment, not a UUID', '{ shipment(id: "SF1234567890") { id status } }'],
      [
        'orderByExternalId, unknown order number',
        '{ orderByExternalId(channel: "tmall", externalId: "no-such-order") { id } }',
      ],
      ['orderByExternalId, unknown channel', '{ orderByExternalId(channel: "ebay", externalId: "123") { id } }'],
      [
        'customerByIdentity, unknown buyer',
        '{ customerByIdentity(channel: "tmall", externalId: "tb0000000000x") { id } }',
      ],
      ['customerByIdentity, unknown channel', '{ customerByIdentity(channel: "ebay", externalId: "x") { id } }'],
      ['shipmentByTracking, unknown number', '{ shipmentByTracking(carrier: "sf", trackingNumber: "SF-NOPE") { id } }'],
      ['shipmentByTracking, unknown carrier', '{ shipmentByTracking(carrier: "dhl", trackingNumber: "123") { id } }'],
    ];
    it.each(lookups)('%s', async (_label, query) => {
      const result = await ask(query);
      expect(result.errors).toBeUndefined();
      const [field] = Object.keys(result.data!);
      expect(result.data).toEqual({ [field]: null });
    });

    it('the lookups do find rows that exist (the null above is not a broken lookup)', async () => {
      const [order] = await db.rows<{ id: string; channel_code: string; external_id: string }>(
        'SELECT id, channel_code, external_id FROM orders.sales_order ORDER BY id LIMIT 1',
      );
      const result = await ask(ORDER_BOTH_WAYS, { id: order.id, c: order.channel_code, x: order.external_id });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ order: { id: order.id }, orderByExternalId: { id: order.id } });
    });
  });

  describe('an operation that cannot be picked is a 400, not a server error', () => {
    it.each([
      [
        'an unknown operationName',
        { query: 'query A { __typename } query B { __typename }', operationName: 'C' },
        /Unknown operation named "C"/,
      ],
      [
        'several operations and no name',
        { query: 'query A { __typename } query B { __typename }' },
        /several operations/,
      ],
    ])('%s', async (_label, body, message) => {
      const { status, body: result } = await postGraphQL(platform.gatewayUrl, body);
      expect(status).toBe(400);
      expectNamedError(result, 'OPERATION_RESOLUTION_FAILURE', message);
    });
    it('the named operation of several runs', async () => {
      const { status, body: result } = await postGraphQL(platform.gatewayUrl, {
        query: 'query A { __typename } query B { order(id: "nope") { id } }',
        operationName: 'B',
      });
      expect(status).toBe(200);
      expect(result).toEqual({ data: { order: null } });
    });
  });

  describe('malformed cursors are BAD_USER_INPUT', () => {
    const lists: [string, string][] = [
      ['customers', '{ customers(after: $after) { totalCount } }'],
      ['orders', '{ orders(after: $after) { totalCount } }'],
      ['Customer.orders', '{ customer(id: $id) { orders(after: $after) { totalCount } } }'],
    ];
    const cases = lists.flatMap(([list, body]) => [
      [list, 'not base64 JSON', 'definitely-not-a-cursor', body] as const,
      [list, 'decodes but was never issued', forgedCursor, body] as const,
    ]);
    it.each(cases)('%s: %s', async (_list, _kind, after, body) => {
      const vars = body.includes('$id') ? '$after: String, $id: ID!' : '$after: String';
      const result = await ask(`query(${vars}) ${body}`, { after, id: customerId });
      expectNamedError(result, 'BAD_USER_INPUT', /cursor/i);
    });
  });

  describe('"first" outside 1..100 is BAD_USER_INPUT', () => {
    const lists: [string, string][] = [
      ['customers', '{ customers(first: $first) { totalCount } }'],
      ['orders', '{ orders(first: $first) { totalCount } }'],
      ['Customer.orders', '{ customer(id: $id) { orders(first: $first) { totalCount } } }'],
      ['Customer.shipments', '{ customer(id: $id) { shipments(first: $first) { id } } }'],
    ];
    const cases = lists.flatMap(([list, body]) => [0, 101, -5].map((first) => [list, first, body] as const));
    it.each(cases)('%s with first: %d', async (_list, first, body) => {
      const vars = body.includes('$id') ? '$first: Int, $id: ID!' : '$first: Int';
      const result = await ask(`query(${vars}) ${body}`, { first, id: customerId });
      expectNamedError(result, 'BAD_USER_INPUT', /\bfirst\b/);
    });

    it('first: 100 works on every list', async () => {
      const result = await ask(FULL_PAGES, { id: customerId });
      expect(result.errors).toBeUndefined();
      const { customers, orders, customer } = result.data!;
      expect(customers.edges).toHaveLength(60);
      expect(orders.edges).toHaveLength(100);
      expect(customer!.orders!.edges).toHaveLength(customer!.orders!.totalCount);
      const [{ n }] = await db.rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM logistics.shipment WHERE customer_id = $1',
        [customerId],
      );
      expect(customer!.shipments).toHaveLength(Math.min(n, 100));
    });
  });

  it('an unknown field fails validation as GRAPHQL_VALIDATION_FAILED', async () => {
    const result = await ask('{ customers(first: 1) { totalCount favouriteColour } }');
    expect(result.data ?? undefined).toBeUndefined();
    expectNamedError(result, 'GRAPHQL_VALIDATION_FAILED', /favouriteColour/);
  });
});
