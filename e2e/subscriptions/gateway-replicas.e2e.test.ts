import { describeEachBackend, testBuses } from '@supply-graph/shared/testing';
import { startGatewayProcess, stopGatewayProcesses, type GatewayProcess } from '../support/gateway-process';
import { gql } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { subscribeSse, subscribeWs } from '../support/live';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const SUBSCRIPTION = `subscription($channel: String) {
  orderStatusChanged(channel: $channel) { eventId from to order { id status customer { name } allocations { warehouse { code } } } }
}`;
const PLACE = 'mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';
type Event = {
  orderStatusChanged: {
    eventId: string;
    from: string | null;
    to: string;
    order: { id: string; customer: { name: string } };
  };
};

const nats = testBuses().find((b) => b.bus === 'nats')!;

describeEachBackend(`two gateway processes on NATS [${nats.note}]`, (backend) => {
  const it = nats.skip ? globalThis.it.skip : globalThis.it;
  let platform: TestPlatform;
  let db: Awaited<ReturnType<typeof sqlClient>>;
  const gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    if (nats.skip) return;
    platform = await startTestPlatform(backend, { customers: 30, orders: 60, bus: 'nats' });
    db = await sqlClient(platform.databaseUrl);
    await db.query("UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku = 'SKU-0011'");
    gateways.push(await startGatewayProcess(platform), await startGatewayProcess(platform));
  });
  afterAll(async () => {
    await stopGatewayProcesses(gateways);
    await db?.end();
    await platform?.close();
  });

  it('a subscriber on each replica receives every event exactly once, in order', async () => {
    const channel = 'webstore';
    const onA = subscribeWs<Event>(gateways[0].url, SUBSCRIPTION, { channel });
    const onB = subscribeSse<Event>(gateways[1].url, SUBSCRIPTION, { channel });
    for (const g of gateways) {
      await eventually(
        async () => (await metricValue(g.url, 'supply_graph_subscribers')) === 1 || undefined,
        'subscribed',
      );
    }
    const placed: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const result = await gql<{ placeOrder: { order: { id: string } } }, Record<string, unknown>>(
        gateways[i % 2].url,
        PLACE,
        {
          input: {
            channel,
            externalId: `REPLICA-${Date.now()}-${i}`,
            buyer: { name: `Replica Buyer ${i}`, email: `replica${i}-${Date.now()}@example.com` },
            currency: 'CNY',
            lines: [{ sku: 'SKU-0011', quantity: 1, unitPrice: '5.00' }],
            shippingAddress: { country: 'CN', city: 'Beijing', line1: `Replica Street ${i}` },
          },
        },
      );
      expect(result.errors).toBeUndefined();
      placed.push(result.data!.placeOrder.order.id);
    }
    const [a, b] = await Promise.all([onA.waitFor(16, 30_000), onB.waitFor(16, 30_000)]);
    await new Promise((r) => setTimeout(r, 500));
    for (const [live, got] of [
      [onA, a],
      [onB, b],
    ] as const) {
      expect(live.results).toHaveLength(16);
      const events = got.map((r) => r.data!.orderStatusChanged);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(16);
      expect(events.map((e) => e.eventId)).toEqual([...events.map((e) => e.eventId)].sort());
      for (const id of placed)
        expect(events.filter((e) => e.order.id === id).map((e) => e.to)).toEqual(['PENDING', 'ALLOCATED']);
      expect(events.every((e) => e.order.customer.name.startsWith('Replica Buyer'))).toBe(true);
    }
    // Both replicas saw the same events in the same order.
    expect(a.map((r) => r.data!.orderStatusChanged.eventId)).toEqual(b.map((r) => r.data!.orderStatusChanged.eventId));
    await Promise.all([onA.stop(), onB.stop()]);
  });
});
