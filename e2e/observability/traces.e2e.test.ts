import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SERVICE_ATTRIBUTE, tracingOn } from '@supply-graph/shared';
import { type ReadableSpan, type RecordedSpans, recordSpans } from '@supply-graph/shared/testing';
import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { PLACE_ORDER, shanghaiOrder } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const ORDER = graphql(`
  query TracedOrder($id: ID!) { order(id: $id) { id status shipments { id } } }
`);

const SCHEMAS = ['orders', 'customers', 'inventory', 'logistics'];

/** SpanKind of @opentelemetry/api, by number: the test reads spans, it does not make them. */
const KIND = { INTERNAL: 0, SERVER: 1, CLIENT: 2, PRODUCER: 3, CONSUMER: 4 } as const;

const serviceOf = (span: ReadableSpan) => span.attributes[SERVICE_ATTRIBUTE];

describeEachBus('traces: one trace from the HTTP request to the consumers', (bus, backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60, bus });
  const traceparents: string[] = [];
  let recorded: RecordedSpans | undefined;
  let n = 0;

  beforeAll(() => {
    for (const sub of Object.values(platform.subgraphs).filter((s) => s !== undefined))
      sub.http.server.on('request', (req: IncomingMessage) => {
        if (req.headers.traceparent) traceparents.push(String(req.headers.traceparent));
      });
  });
  afterAll(() => recorded?.stop());

  const buyer = { name: 'Lin Traced', email: 'lin.traced@example.com', phone: '+8613800000042' };
  /** Places an order of one unit of a SKU the SHA warehouse holds, and waits until it is ALLOCATED with a shipment. */
  const placeAndAllocate = async (headers: Record<string, string> = {}) => {
    const [level] = await db.rows<{ sku: string }>(
      `SELECT s.sku FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE w.code = 'SHA' AND s.on_hand - s.reserved - s.safety_stock >= 5 ORDER BY s.sku LIMIT 1`,
    );
    const input = shanghaiOrder(
      `WS-TRACE-${Date.now()}-${(n += 1)}`,
      buyer,
      [{ sku: level.sku, quantity: 1, unitPrice: '9.90' }],
      'No. 7 Traced Road',
    );
    const placed = await ask(PLACE_ORDER, { input }, headers);
    expect(placed.errors).toBeUndefined();
    const id = placed.data!.placeOrder.order!.id;
    await eventually(async () => {
      const o = (await ask(ORDER, { id })).data?.order;
      return o?.status === 'ALLOCATED' && o.shipments!.length > 0;
    }, 'ALLOCATED with a shipment');
    return id;
  };

  it('records nothing and sends no trace context when no collector is configured', async () => {
    expect(tracingOn()).toBe(false);
    await placeAndAllocate({
      traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
    });
    expect(traceparents).toEqual([]);
    for (const schema of SCHEMAS) {
      const [row] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schema}.outbox WHERE traceparent IS NOT NULL`,
      );
      expect({ schema, traced: row.n }).toEqual({ schema, traced: 0 });
    }
  });

  it('follows a placed order from the gateway through the subgraphs, its SQL and the event consumers', async () => {
    recorded = recordSpans();
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    await placeAndAllocate({ traceparent: `00-${traceId}-${callerSpan}-01` });

    const inTrace = () => recorded!.spans().filter((s) => s.spanContext().traceId === traceId);
    const find = (what: string, match: (s: ReadableSpan) => boolean) =>
      eventually(async () => inTrace().find(match), what, 15_000);
    const consumer = (name: string) => (s: ReadableSpan) =>
      s.kind === KIND.CONSUMER && s.attributes['supply_graph.consumer'] === name;

    const request = await find('the gateway request span', (s) => s.kind === KIND.SERVER && serviceOf(s) === 'gateway');
    expect(request.parentSpanContext?.spanId).toBe(callerSpan);
    const fetch = await find(
      'the gateway fetch to orders',
      (s) => s.kind === KIND.CLIENT && serviceOf(s) === 'gateway' && s.attributes['supply_graph.subgraph'] === 'orders',
    );
    // The orders subgraph continued the gateway's fetch (traceparent), not merely the same trace id.
    const ordersRequest = await find(
      'the orders request span',
      (s) =>
        s.kind === KIND.SERVER &&
        serviceOf(s) === 'orders' &&
        s.parentSpanContext?.spanId === fetch.spanContext().spanId,
    );
    const operation = await find(
      'the orders operation span',
      (s) =>
        serviceOf(s) === 'orders' &&
        s.name.startsWith('graphql ') &&
        s.parentSpanContext?.spanId === ordersRequest.spanContext().spanId,
    );
    // The gateway names the fetches of its query plan after the client's operation.
    expect(operation.attributes['graphql.operation.name']).toMatch(/^PlaceOrder__orders__/);
    await find(
      "the gateway's operation span",
      (s) => serviceOf(s) === 'gateway' && s.attributes['graphql.operation.name'] === 'PlaceOrder',
    );
    const sql = await find(
      'an SQL span of orders',
      (s) => serviceOf(s) === 'orders' && s.attributes['db.system.name'] === 'postgresql',
    );
    expect(sql.attributes['db.query.text']).toEqual(expect.any(String));

    const allocate = await find('the inventory consumer that allocated the order', consumer('inventory.allocate'));
    expect(serviceOf(allocate)).toBe('inventory');
    // A child of the span that wrote order.placed in the orders subgraph, across the outbox and the bus.
    const writer = inTrace().find((s) => s.spanContext().spanId === allocate.parentSpanContext?.spanId);
    expect(writer && serviceOf(writer)).toBe('orders');
    await find(
      'inventory SQL under the consumer',
      (s) => serviceOf(s) === 'inventory' && s.attributes['db.system.name'] === 'postgresql',
    );
    await find('the shipment planning consumer', consumer('logistics.plan-shipments'));
    await find('the status change back in orders', consumer('orders.stock'));
    await find(
      'the subscription delivery in the gateway',
      (s) => s.kind === KIND.CONSUMER && serviceOf(s) === 'gateway',
    );

    // The relays' polls that the request's commit woke are not part of its trace.
    expect(inTrace().filter((s) => String(s.attributes['db.query.text']).includes('published_at IS NULL'))).toEqual([]);

    // Nothing secret or personal in any span: no token, no SQL parameter, no buyer's details.
    const everything = JSON.stringify(
      inTrace().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })),
    );
    for (const secret of ['Bearer', 'authorization', buyer.name, buyer.email, buyer.phone, 'Traced Road'])
      expect(everything).not.toContain(secret);
    // The outbox rows of the trace kept its context.
    const [row] = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM orders.outbox WHERE traceparent LIKE $1',
      [`00-${traceId}-%`],
    );
    expect(row.n).toBeGreaterThan(0);
  });
});
