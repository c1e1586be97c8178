import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { gql, withAuthorization, type GraphQLResponse } from '../support/graphql';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';

/** The response carries exactly one error, with this code and a message matching `message`. */
function expectOneError(result: GraphQLResponse<unknown>, code: string, message: RegExp) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}

// A cursor that decodes (JSON [sortKey, id]) but was never issued by any list.
const forgedCursor = Buffer.from(JSON.stringify(['yesterday', 'not-a-uuid'])).toString('base64url');

describeEachBackend('bad input through the gateway', (backend) => {
  let platform: TestPlatform;
  let db: Awaited<ReturnType<typeof sqlClient>>;
  let customerId: string;
  const ask = (query: string, variables?: Record<string, unknown>) =>
    gql<Record<string, unknown>, Record<string, unknown>>(platform.gatewayUrl, query, variables);
  const count = async (table: string) => (await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { customers: 60, orders: 200 });
    db = await sqlClient(platform.databaseUrl);
    [{ id: customerId }] = await db.rows<{ id: string }>(
      'SELECT customer_id AS id FROM orders.sales_order GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1',
    );
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
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
      const result = await ask(
        'query($id: ID!, $c: String!, $x: String!) { order(id: $id) { id } orderByExternalId(channel: $c, externalId: $x) { id } }',
        { id: order.id, c: order.channel_code, x: order.external_id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ order: { id: order.id }, orderByExternalId: { id: order.id } });
    });
  });

  describe('an operation that cannot be picked is a 400, not a server error', () => {
    const post = async (body: Record<string, unknown>) => {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: withAuthorization(platform.gatewayUrl, { 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<unknown> };
    };
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
      const { status, body: result } = await post(body);
      expect(status).toBe(400);
      expectOneError(result, 'OPERATION_RESOLUTION_FAILURE', message);
    });
    it('the named operation of several runs', async () => {
      const { status, body: result } = await post({
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
      expectOneError(result, 'BAD_USER_INPUT', /cursor/i);
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
      expectOneError(result, 'BAD_USER_INPUT', /\bfirst\b/);
    });

    it('first: 100 works on every list', async () => {
      const result = await ask(
        `query($id: ID!) {
           customers(first: 100) { edges { node { id } } }
           orders(first: 100) { edges { node { id } } }
           customer(id: $id) { orders(first: 100) { totalCount edges { node { id } } } shipments(first: 100) { id } }
         }`,
        { id: customerId },
      );
      expect(result.errors).toBeUndefined();
      const data = result.data as {
        customers: { edges: unknown[] };
        orders: { edges: unknown[] };
        customer: { orders: { totalCount: number; edges: unknown[] }; shipments: unknown[] };
      };
      expect(data.customers.edges).toHaveLength(60);
      expect(data.orders.edges).toHaveLength(100);
      expect(data.customer.orders.edges).toHaveLength(data.customer.orders.totalCount);
      const [{ n }] = await db.rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM logistics.shipment WHERE customer_id = $1',
        [customerId],
      );
      expect(data.customer.shipments).toHaveLength(Math.min(n, 100));
    });
  });

  it('an unknown field fails validation as GRAPHQL_VALIDATION_FAILED', async () => {
    const result = await ask('{ customers(first: 1) { totalCount favouriteColour } }');
    expect(result.data ?? undefined).toBeUndefined();
    expectOneError(result, 'GRAPHQL_VALIDATION_FAILED', /favouriteColour/);
  });

  describe('order intake and cancellation reject bad input and store nothing', () => {
    it('placeOrder with an unknown SKU, a zero quantity and three decimals lists every problem', async () => {
      const before = await count('orders.sales_order');
      const customers = await count('customers.customer');
      const result = await ask(
        'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id } } }',
        {
          input: {
            channel: 'webstore',
            externalId: `e2e-${randomUUID()}`,
            buyer: { name: 'Test Buyer', email: `buyer-${randomUUID()}@example.com` },
            currency: 'CNY',
            lines: [
              { sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: '9.90' },
              { sku: 'SKU-0001', quantity: 0, unitPrice: '9.999' },
            ],
            shippingAddress: { country: 'CN', city: 'Shanghai' },
          },
        },
      );
      const error = expectOneError(result, 'BAD_USER_INPUT', /lines/);
      const fields = (error.extensions!.problems as { field: string }[]).map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['lines[1].quantity', 'lines[1].unitPrice']));
      expect(await count('orders.sales_order')).toBe(before);
      expect(await count('customers.customer')).toBe(customers);
    });

    it('placeOrder with an unknown SKU only is rejected by the catalogue check', async () => {
      const before = await count('orders.sales_order');
      const result = await ask('mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created } }', {
        input: {
          channel: 'webstore',
          externalId: `e2e-${randomUUID()}`,
          buyer: { name: 'Test Buyer', email: 'buyer@example.com' },
          currency: 'CNY',
          lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: '9.90' }],
          shippingAddress: { country: 'CN', city: 'Shanghai' },
        },
      });
      const error = expectOneError(result, 'BAD_USER_INPUT', /NO-SUCH-SKU/);
      expect(error.extensions?.problems).toEqual([{ field: 'lines[0].sku', message: 'unknown SKU "NO-SUCH-SKU"' }]);
      expect(await count('orders.sales_order')).toBe(before);
    });

    it('importChannelOrder with a malformed payload or an unknown channel is BAD_USER_INPUT', async () => {
      const before = await count('orders.sales_order');
      const malformed = expectOneError(
        await ask('mutation { importChannelOrder(channel: "tmall", payload: { tid: "123" }) { created } }'),
        'BAD_USER_INPUT',
        /rejected/,
      );
      expect((malformed.extensions!.problems as unknown[]).length).toBeGreaterThan(0);
      expectOneError(
        await ask('mutation { importChannelOrder(channel: "ebay", payload: {}) { created } }'),
        'BAD_USER_INPUT',
        /ebay/,
      );
      expect(await count('orders.sales_order')).toBe(before);
    });

    it('cancelOrder of a delivered order is CONFLICT naming both statuses, and changes nothing', async () => {
      const [order] = await db.rows<{ id: string; status: string; version: number }>(
        "SELECT id, status, version FROM orders.sales_order WHERE status = 'DELIVERED' ORDER BY id LIMIT 1",
      );
      expectOneError(
        await ask('mutation($id: ID!) { cancelOrder(id: $id, reason: "test") { id status } }', { id: order.id }),
        'CONFLICT',
        /DELIVERED[\s\S]*CANCELLED/,
      );
      expectOneError(
        await ask('mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id: randomUUID() }),
        'NOT_FOUND',
        /does not exist/,
      );
      const [after] = await db.rows<{ status: string; version: number }>(
        'SELECT status, version FROM orders.sales_order WHERE id = $1',
        [order.id],
      );
      expect(after).toEqual({ status: order.status, version: order.version });
    });
  });

  describe('rejected writes leave the database unchanged', () => {
    const ADJUST =
      'mutation($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) { adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand } }';
    let stock: { sku: string; warehouse_id: string; on_hand: number };

    beforeAll(async () => {
      [stock] = await db.rows(
        'SELECT sku, warehouse_id, on_hand FROM inventory.stock_level ORDER BY sku, warehouse_id LIMIT 1',
      );
    });

    const snapshot = async () => ({
      movements: await count('inventory.stock_movement'),
      levels: await count('inventory.stock_level'),
      onHand: (
        await db.rows<{ on_hand: number }>(
          'SELECT on_hand FROM inventory.stock_level WHERE sku = $1 AND warehouse_id = $2',
          [stock.sku, stock.warehouse_id],
        )
      )[0].on_hand,
    });

    it('adjustStock with delta 0 and a blank reason lists both problems', async () => {
      const before = await snapshot();
      const result = await ask(ADJUST, { sku: stock.sku, w: stock.warehouse_id, delta: 0, reason: '   ' });
      const error = expectOneError(result, 'BAD_USER_INPUT', /delta[\s\S]*reason/);
      const problems = error.extensions?.problems as { field: string; message: string }[];
      expect(problems.map((p) => p.field).sort()).toEqual(['delta', 'reason']);
      for (const problem of problems) expect(problem.message).not.toBe('');
      expect(await snapshot()).toEqual(before);
    });

    it('adjustStock of an unknown SKU is NOT_FOUND', async () => {
      const before = await snapshot();
      const result = await ask(ADJUST, { sku: 'NO-SUCH-SKU', w: stock.warehouse_id, delta: 5, reason: 'cycle count' });
      expectOneError(result, 'NOT_FOUND', /NO-SUCH-SKU/);
      expect(await snapshot()).toEqual(before);
    });

    it('adjustStock in an unknown warehouse is NOT_FOUND', async () => {
      const before = await snapshot();
      for (const w of [randomUUID(), 'SHA']) {
        const result = await ask(ADJUST, { sku: stock.sku, w, delta: 5, reason: 'cycle count' });
        expectOneError(result, 'NOT_FOUND', new RegExp(w));
      }
      expect(await snapshot()).toEqual(before);
    });

    it('recordTrackingEvent for an unknown tracking number or carrier is NOT_FOUND', async () => {
      const events = await count('logistics.tracking_event');
      const statuses = await db.rows('SELECT id, status FROM logistics.shipment ORDER BY id');
      const RECORD = 'mutation($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }';
      const scan = { status: 'IN_TRANSIT', at: new Date().toISOString(), location: 'Shanghai' };
      expectOneError(
        await ask(RECORD, { input: { ...scan, carrier: 'sf', trackingNumber: 'SF-NO-SUCH-PARCEL' } }),
        'NOT_FOUND',
        /SF-NO-SUCH-PARCEL/,
      );
      expectOneError(
        await ask(RECORD, { input: { ...scan, carrier: 'pigeon-post', trackingNumber: '1' } }),
        'NOT_FOUND',
        /pigeon-post/,
      );
      expect(await count('logistics.tracking_event')).toBe(events);
      expect(await db.rows('SELECT id, status FROM logistics.shipment ORDER BY id')).toEqual(statuses);
    });

    it('a valid adjustment does write (the counts above would notice a write)', async () => {
      const before = await snapshot();
      const result = await ask(ADJUST, { sku: stock.sku, w: stock.warehouse_id, delta: 3, reason: 'found in aisle 7' });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ adjustStock: { onHand: before.onHand + 3 } });
      expect(await snapshot()).toEqual({ ...before, movements: before.movements + 1, onHand: before.onHand + 3 });
    });
  });
});
