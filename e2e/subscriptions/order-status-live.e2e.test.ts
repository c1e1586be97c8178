import { graphql } from '../generated/suites';
import type { ShipmentStatus } from '../generated/suites/graphql';
import { describeEachBus } from '../support/buses';
import { PLACE_ORDER, RECORD_SCAN } from '../support/documents';
import { type LiveSubscription, subscribeSse, subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

/**
 * Fields of all four subgraphs: orders (status, lines), customers (name),
 * inventory (allocations, products), logistics (shipments).
 */
const SUBSCRIPTION = graphql(`
  subscription LiveStatus($customerId: ID, $after: ID) {
    orderStatusChanged(customerId: $customerId, after: $after) {
      eventId from to at
      order {
        id status version
        customer { id name }
        lines { sku product { name } }
        allocations { sku quantity warehouse { code } }
        shipments { trackingNumber status carrier { code } }
      }
    }
  }
`);
const SHIPMENTS = graphql(`
  query LiveShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }
`);

describeEachBus('orderStatusChanged over WebSocket and SSE', (bus, backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60, bus });
  let buyer: { id: string; name: string; email: string };
  let n = 0;
  const open: LiveSubscription<unknown>[] = [];
  const track = <T>(s: LiveSubscription<T>) => (open.push(s as LiveSubscription<unknown>), s);
  /** A WebSocket subscriber, stopped after the test. */
  const wsFor = (variables: { customerId?: string; after?: string }) =>
    track(subscribeWs(platform.gatewayUrl, SUBSCRIPTION, variables));

  beforeAll(async () => {
    [buyer] = await db.rows<{ id: string; name: string; email: string }>(
      'SELECT id, name, email FROM customers.customer WHERE email IS NOT NULL ORDER BY created_at, id LIMIT 1',
    );
    await db.query("UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku IN ('SKU-0007', 'SKU-0008')");
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.stop()));
  });

  const place = async () => {
    n += 1;
    const result = await ask(PLACE_ORDER, {
      input: {
        channel: 'webstore',
        externalId: `LIVE-${Date.now()}-${n}`,
        buyer: { name: buyer.name, email: buyer.email },
        currency: 'CNY',
        lines: [{ sku: 'SKU-0007', quantity: 1, unitPrice: '19.90' }],
        // A new street each time: the velocity risk rule would hold many orders to one address.
        shippingAddress: {
          name: buyer.name,
          country: 'CN',
          province: 'Shanghai',
          city: 'Shanghai',
          line1: `No. ${n} Nanjing Road`,
        },
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.placeOrder.order!.id;
  };

  const metric = (name: string) => metricValue(platform.gatewayUrl, name);
  const resolutions = () => metric('supply_graph_subscription_resolutions_total');
  /** Waits until the gateway has `count` more subscribers than `base` (subscribing is asynchronous). */
  const subscribed = (base: number, count: number) =>
    eventually(
      async () => (await metric('supply_graph_subscribers')) === base + count || undefined,
      `${count} more subscriber(s)`,
    );

  it(
    'delivers PENDING to DELIVERED with the fields of all four subgraphs, ' +
      'resolved once per event for both transports',
    async () => {
      const base = await metric('supply_graph_subscribers');
      const ws = wsFor({ customerId: buyer.id });
      const sse = track(subscribeSse(platform.gatewayUrl, SUBSCRIPTION, { customerId: buyer.id }));
      await subscribed(base, 2);
      const before = await resolutions();
      const orderId = await place();
      const allocated = await eventually(async () => {
        const o = (await ask(SHIPMENTS, { id: orderId })).data!.order!;
        return o.status === 'ALLOCATED' && o.shipments?.length ? o : undefined;
      }, 'allocated with a shipment');
      const [{ trackingNumber, carrier }] = allocated.shipments!;
      const scan = (status: ShipmentStatus, minutes: number) =>
        ask(RECORD_SCAN, {
          input: {
            carrier: carrier.code,
            trackingNumber,
            status,
            at: new Date(Date.now() + minutes * 60_000).toISOString(),
          },
        });
      await ws.waitFor(2);
      expect((await scan('IN_TRANSIT', 1)).errors).toBeUndefined();
      await ws.waitFor(3);
      expect((await scan('DELIVERED', 2)).errors).toBeUndefined();

      for (const live of [ws, sse]) {
        const events = (await live.waitFor(4)).map((r) => {
          expect(r.errors).toBeUndefined();
          return r.data!.orderStatusChanged;
        });
        expect(events.map((e) => [e.from, e.to])).toEqual([
          [null, 'PENDING'],
          ['PENDING', 'ALLOCATED'],
          ['ALLOCATED', 'SHIPPED'],
          ['SHIPPED', 'DELIVERED'],
        ]);
        expect([...events.map((e) => e.eventId)].sort()).toEqual(events.map((e) => e.eventId));
        for (const e of events) {
          expect(e.order.id).toBe(orderId);
          expect(e.order.customer).toEqual({ id: buyer.id, name: buyer.name });
          expect(e.order.lines).toEqual([{ sku: 'SKU-0007', product: { name: expect.any(String) } }]);
        }
        // Each event shows the order at or after its own change.
        const rank = ['PENDING', 'ALLOCATED', 'SHIPPED', 'DELIVERED'];
        events.forEach((e, i) => expect(rank.indexOf(e.order.status)).toBeGreaterThanOrEqual(i));
        expect(events[1].order.allocations).toEqual([
          { sku: 'SKU-0007', quantity: 1, warehouse: { code: expect.any(String) } },
        ]);
        expect(events[2].order.shipments).toEqual([
          { trackingNumber, status: expect.stringMatching(/IN_TRANSIT|DELIVERED/), carrier: { code: carrier.code } },
        ]);
        expect(events[3].order.shipments![0].status).toBe('DELIVERED');
      }
      // Two subscribers, one selection: one resolution per event, not one per subscriber.
      expect((await resolutions()) - before).toBe(4);
      await Promise.all([ws.stop(), sse.stop()]);
      await subscribed(base, 0);
    },
  );

  it('resumes after a disconnect with exactly the missed events in order, then continues live', async () => {
    const base = await metric('supply_graph_subscribers');
    const first = wsFor({ customerId: buyer.id });
    await subscribed(base, 1);
    const seenOrder = await place();
    const [, seen] = (await first.waitFor(2)).map((r) => r.data!.orderStatusChanged);
    expect(seen).toMatchObject({ to: 'ALLOCATED', order: { id: seenOrder } });
    await first.stop();

    // While nobody listens: ten orders, 20 status changes (PENDING and ALLOCATED each).
    const missed: string[] = [];
    for (let i = 0; i < 10; i += 1) missed.push(await place());
    await eventually(async () => {
      const [{ n: open }] = await db.rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM orders.sales_order WHERE id = ANY($1) AND status <> 'ALLOCATED'",
        [missed],
      );
      return open === 0 || undefined;
    }, 'the ten orders allocated');

    const resumed = wsFor({ customerId: buyer.id, after: seen.eventId });
    const replayed = (await resumed.waitFor(20)).map((r) => r.data!.orderStatusChanged);
    expect(replayed.map((e) => e.eventId)).toEqual([...replayed.map((e) => e.eventId)].sort());
    expect(replayed.every((e) => e.eventId > seen.eventId)).toBe(true);
    expect(new Set(replayed.map((e) => e.order.id))).toEqual(new Set(missed));
    for (const id of missed)
      expect(replayed.filter((e) => e.order.id === id).map((e) => e.to)).toEqual(['PENDING', 'ALLOCATED']);

    // Then live, with no gap and nothing twice.
    const liveOrder = await place();
    const all = (await resumed.waitFor(22)).map((r) => r.data!.orderStatusChanged);
    expect(all.slice(20).map((e) => [e.order.id, e.to])).toEqual([
      [liveOrder, 'PENDING'],
      [liveOrder, 'ALLOCATED'],
    ]);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(22);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.results).toHaveLength(22);
  });

  it('resumes in numeric order across a power of ten (999 -> 1000): no event skipped', async () => {
    const base = await metric('supply_graph_subscribers');
    const first = wsFor({ customerId: buyer.id });
    await subscribed(base, 1);
    await place();
    const [, seen] = (await first.waitFor(2)).map((r) => r.data!.orderStatusChanged);
    await first.stop();
    // Draw the next positions just below the next power of ten, so the missed events straddle it.
    const boundary = 10n ** BigInt(String(BigInt(seen.eventId) + 20n).length);
    await db.query('SELECT setval($1, $2)', ['orders.outbox_position_seq', (boundary - 6n).toString()]);

    const missed: string[] = [];
    for (let i = 0; i < 6; i += 1) missed.push(await place());
    await eventually(async () => {
      const [{ n: open }] = await db.rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM orders.sales_order WHERE id = ANY($1) AND status <> 'ALLOCATED'",
        [missed],
      );
      return open === 0 || undefined;
    }, 'the six orders allocated');

    const resumed = wsFor({ customerId: buyer.id, after: seen.eventId });
    const replayed = (await resumed.waitFor(12)).map((r) => r.data!.orderStatusChanged);
    const positions = replayed.map((e) => BigInt(e.eventId));
    expect(positions.some((p) => p < boundary) && positions.some((p) => p >= boundary)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const id of missed)
      expect(replayed.filter((e) => e.order.id === id).map((e) => e.to)).toEqual(['PENDING', 'ALLOCATED']);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.results).toHaveLength(12);
  });

  it(
    'answers an after that is not an eventId with BAD_USER_INPUT ' + 'and one past the retention with REPLAY_EXPIRED',
    async () => {
      const bad = wsFor({ after: 'yesterday' });
      const [badResult] = await bad.waitFor(1);
      expect(badResult.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      const [{ position }] = await db.rows<{ position: string }>(
        `SELECT position::text FROM orders.outbox WHERE type = 'order.status-changed' AND position IS NOT NULL
       ORDER BY outbox.position LIMIT 1`,
      );
      await db.query("UPDATE orders.outbox SET occurred_at = now() - interval '8 days' WHERE position = $1", [
        position,
      ]);
      const old = wsFor({ after: position.padStart(16, '0') });
      const [oldResult] = await old.waitFor(1);
      expect(oldResult.errors?.[0].extensions?.code).toBe('REPLAY_EXPIRED');
      expect(oldResult.errors?.[0].message).toMatch(/older than the 168 h retention/);
    },
  );
});
