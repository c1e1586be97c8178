import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { PLACE_ORDER } from '../support/documents';
import { type GraphQLResponse, postGraphQL } from '../support/graphql';
import { usePlatform } from '../support/use-platform';
import { type BadCase, corpus } from './corpus-cases';

/** One field of each subgraph: orders, inventory, customers, logistics. */
const EVERY_SUBGRAPH = graphql(`
  query CorpusEverySubgraph {
    channels { code }
    warehouses { id }
    customers(first: 1) { totalCount }
    shipment(id: "00000000-0000-4000-8000-000000000000") { id }
  }
`);

/**
 * Rows of every table a client's write can reach (and the stock on hand);
 * REJECTED intake records are left out: a refused order is logged, by design.
 */
const SNAPSHOT = `SELECT
  (SELECT count(*)::int FROM orders.sales_order) AS orders,
  (SELECT count(*)::int FROM orders.order_line) AS lines,
  (SELECT count(*)::int FROM orders.order_status_change) AS status_changes,
  -- A refused call leaves its audit entry and nothing else (entity.changed: the feed of its REJECTED intake record).
  (SELECT count(*)::int FROM orders.outbox WHERE type NOT IN ('audit.recorded', 'entity.changed')
    -- the desk opens work items for the seed's stock alerts in the background, whatever the requests do
    AND type NOT LIKE 'work-item.%') AS order_events,
  (SELECT count(*)::int FROM orders.intake_record WHERE outcome <> 'REJECTED') AS intakes,
  (SELECT count(*)::int FROM orders.webhook) AS webhooks,
  (SELECT count(*)::int FROM customers.customer) AS customers,
  (SELECT count(*)::int FROM customers.channel_identity) AS identities,
  (SELECT count(*)::int FROM inventory.stock_movement) AS movements,
  (SELECT coalesce(sum(on_hand), 0)::bigint::text FROM inventory.stock_level) AS on_hand,
  (SELECT count(*)::int FROM inventory.channel_quota) AS quotas,
  (SELECT count(*)::int FROM inventory.planning_policy) AS planning_policies,
  (SELECT coalesce(sum(safety_stock), 0)::bigint::text FROM inventory.stock_level) AS safety_stock,
  (SELECT count(*)::int FROM inventory.channel_priority) AS priorities,
  (SELECT count(*)::int FROM inventory.allocation) AS allocations,
  (SELECT count(*)::int FROM logistics.shipment) AS shipments,
  (SELECT count(*)::int FROM logistics.tracking_event) AS scans`;

/** The gateway's body limit (MAX_BODY_BYTES' default). */
const BODY_LIMIT = 1024 * 1024;

/**
 * A refusal: no 5xx, at least one error, every one with an allowed code, and the field named when the case says which.
 * A case whose request is larger than the gateway takes is refused before any GraphQL work: HTTP 413.
 */
function expectRefused(testCase: BadCase, status: number, result: GraphQLResponse<unknown>, bodyBytes = 0) {
  if (bodyBytes > BODY_LIMIT) {
    expect({ status, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({
      status: 413,
      codes: ['REQUEST_TOO_LARGE'],
    });
    return;
  }
  // A list size past any page (first: 2147483647) is refused by the gateway's cost limit before a subgraph sees it.
  if (result.errors?.every((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')) {
    expect({ status, limit: result.errors[0].extensions?.limit }).toEqual({ status: 400, limit: 'cost' });
    return;
  }
  expect(status).toBeLessThan(500);
  expect(result.errors?.length).toBeGreaterThan(0);
  const codes = testCase.codes ?? ['BAD_USER_INPUT'];
  for (const error of result.errors!) expect(codes).toContain(error.extensions?.code);
  // Nothing answered for the refused field: null where each error points (the rest of a partial answer may stand).
  for (const error of result.errors!) {
    let at: unknown = result.data;
    for (const key of error.path ?? []) at = at == null ? at : (at as Record<string | number, unknown>)[key];
    expect(at ?? null).toBeNull();
  }
  if (testCase.field) {
    const fields = result.errors!.flatMap((e) =>
      ((e.extensions?.problems ?? []) as { field: string }[]).map((p) => p.field),
    );
    expect(fields).toContain(testCase.field);
    expect(result.errors!.map((e) => e.message).join('\n')).toContain(testCase.field);
  }
}

describePlatformSuite(
  'the bad-input corpus through the gateway: refused as bad input, nothing stored, every process up',
  (backend) => {
    const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
    let cases: BadCase[] = [];
    const post = (body: string) => postGraphQL(platform.gatewayUrl, body);
    const snapshot = async () => (await db.rows<Record<string, unknown>>(SNAPSHOT))[0];
    const stillAnswers = async () => {
      const result = await ask(EVERY_SUBGRAPH);
      expect(result.errors).toBeUndefined();
      expect(result.data!.channels.length).toBeGreaterThan(0);
      expect(result.data!.warehouses.length).toBeGreaterThan(0);
      expect(result.data!.customers.totalCount).toBeGreaterThan(0);
      expect(result.data!.shipment).toBeNull();
    };

    beforeAll(async () => {
      const [row] = await db.rows<{ customer_id: string; order_id: string; warehouse_id: string; sku: string }>(
        `SELECT o.customer_id, o.id AS order_id, s.warehouse_id, s.sku
       FROM orders.sales_order o, inventory.stock_level s ORDER BY o.id, s.sku, s.warehouse_id LIMIT 1`,
      );
      cases = corpus({
        customerId: row.customer_id,
        orderId: row.order_id,
        warehouseId: row.warehouse_id,
        sku: row.sku,
      });
    });

    it('covers every mutation and argument-taking query of the contract', () => {
      const operations = new Set(cases.map((c) => c.label.split(':')[0]));
      for (const name of [
        'order',
        'orderByExternalId',
        'orders',
        'customer',
        'customerByIdentity',
        'customers',
        'product',
        'replenishmentSuggestionsCsv',
        'shipment',
        'shipmentByTracking',
        'Customer.orders',
        'Customer.orders/shipments',
        'placeOrder',
        'importChannelOrder',
        'cancelOrder',
        'adjustStock',
        'recordTrackingEvent',
      ]) {
        expect(operations).toContain(name);
      }
      expect(cases.length).toBeGreaterThan(150);
    });

    it('every case is refused with BAD_USER_INPUT naming the field, none INTERNAL, and stores nothing', async () => {
      const failures: string[] = [];
      for (const testCase of cases) {
        const before = await snapshot();
        const request = JSON.stringify({ query: testCase.query, variables: testCase.variables });
        const { status, body } = await post(request);
        try {
          expectRefused(testCase, status, body, Buffer.byteLength(request));
          expect(await snapshot()).toEqual(before);
        } catch (error) {
          failures.push(
            `${testCase.label}: HTTP ${status} ${JSON.stringify(body).slice(0, 400)}\n` +
              (error as Error).message.slice(0, 400),
          );
        }
        await stillAnswers();
      }
      expect(failures).toEqual([]);
    }, 600_000);

    it('the intake log keeps the refused orders clipped: no oversized value, no control character', async () => {
      const [log] = await db.rows<{ rejected: number; external_id: number; problems: number; oversized: number }>(
        `SELECT count(*)::int AS rejected, max(length(external_id))::int AS external_id,
              max(length(problems::text))::int AS problems,
              count(*) FILTER (WHERE problems::text ~ '[xyzn]{200}' OR repairs::text ~ '[xyzn]{200}'
                OR external_id ~ '[xyzn]{200}')::int AS oversized
       FROM orders.intake_record WHERE outcome = 'REJECTED'`,
      );
      expect(log.rejected).toBeGreaterThan(20);
      expect(log.external_id).toBeLessThanOrEqual(200);
      expect(log.problems).toBeLessThan(4_000);
      expect(log.oversized).toBe(0);
    });

    describe('refused before any GraphQL work', () => {
      const IMPORT = 'mutation($p: JSON!) { importChannelOrder(channel: \\"tmall\\", payload: $p) { created } }';

      it('a payload nested 10,000 deep (as a variable) is BAD_USER_INPUT naming the variable', async () => {
        const before = await snapshot();
        const body = `{"query":"${IMPORT}","variables":{"p":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
        const { status, body: result } = await post(body);
        expect(status).toBe(400);
        expect(result.errors).toEqual([
          expect.objectContaining({
            extensions: expect.objectContaining({
              code: 'BAD_USER_INPUT',
              problems: [expect.objectContaining({ field: 'variables.p' })],
            }),
          }),
        ]);
        expect(await snapshot()).toEqual(before);
        await stillAnswers();
      });

      it('a literal payload nested 10,000 deep hits the token limit (QUERY_TOO_COMPLEX), not INTERNAL', async () => {
        const before = await snapshot();
        const payload = `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`;
        const query = `mutation { importChannelOrder(channel: "tmall", payload: ${payload}) { created } }`;
        const { status, body: result } = await post(JSON.stringify({ query }));
        expect(status).toBe(400);
        expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([
          ['QUERY_TOO_COMPLEX', 'tokens'],
        ]);
        expect(await snapshot()).toEqual(before);
        await stillAnswers();
      });

      it('a request body over 1 MiB is HTTP 413 REQUEST_TOO_LARGE', async () => {
        const before = await snapshot();
        const body = JSON.stringify({
          query: '{ channels { code } }',
          variables: { padding: 'p'.repeat(BODY_LIMIT + 1) },
        });
        const { status, body: result } = await post(body);
        expect(status).toBe(413);
        expect(result.errors).toEqual([
          expect.objectContaining({ extensions: { code: 'REQUEST_TOO_LARGE', limitBytes: BODY_LIMIT } }),
        ]);
        expect(await snapshot()).toEqual(before);
        await stillAnswers();
      });
    });

    it('adjustStock taking on-hand past 1,000,000,000 is BAD_USER_INPUT, not an integer overflow', async () => {
      const [level] = await db.rows<{ sku: string; warehouse_id: string; on_hand: number }>(
        'SELECT sku, warehouse_id, on_hand FROM inventory.stock_level ORDER BY sku DESC, warehouse_id LIMIT 1',
      );
      await db.query('UPDATE inventory.stock_level SET on_hand = 999999999 WHERE sku = $1 AND warehouse_id = $2', [
        level.sku,
        level.warehouse_id,
      ]);
      try {
        const before = await snapshot();
        const query = `mutation($sku: ID!, $w: ID!) {
          adjustStock(sku: $sku, warehouseId: $w, delta: 1000000, reason: "count") { onHand }
        }`;
        const { status, body } = await post(
          JSON.stringify({ query, variables: { sku: level.sku, w: level.warehouse_id } }),
        );
        expectRefused({ label: 'on-hand overflow', query: '', field: 'delta' }, status, body);
        expect(await snapshot()).toEqual(before);
      } finally {
        await db.query('UPDATE inventory.stock_level SET on_hand = $3 WHERE sku = $1 AND warehouse_id = $2', [
          level.sku,
          level.warehouse_id,
          level.on_hand,
        ]);
      }
    });

    it('a valid order at the bounds is still accepted afterwards', async () => {
      const [{ sku }] = await db.rows<{ sku: string }>('SELECT sku FROM inventory.product ORDER BY sku LIMIT 1');
      const result = await ask(PLACE_ORDER, {
        input: {
          channel: 'webstore',
          externalId: 'E'.repeat(128),
          buyer: { name: '周'.repeat(200), email: 'bounds@example.com' },
          currency: 'CNY',
          lines: [
            { sku, quantity: 50_000, unitPrice: '1.00' },
            { sku, quantity: 50_000, unitPrice: '2.00' },
          ],
          shippingAddress: { country: 'CN', city: 'Hangzhou', line1: 'l'.repeat(500) },
          placedAt: '2099-12-31T23:59:59Z',
        },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.placeOrder.created).toBe(true);
    });
  },
);
