import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { PLACE_ORDER } from '../support/documents';
import { type GatewayProcess, startGatewayProcess, stopGatewayProcesses } from '../support/gateway-process';
import { gql } from '../support/graphql';
import { subscribeSse, subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const SUBSCRIPTION = graphql(`
  subscription ReplicaEvents($channel: String) {
    orderStatusChanged(channel: $channel) {
      eventId from to order { id status customer { name } allocations { warehouse { code } } }
    }
  }
`);

// Replicas share events only through NATS: the in-process bus has no second process to reach.
describeEachBus(
  'two gateway processes on NATS',
  (bus, backend) => {
    const gateways: GatewayProcess[] = [];
    // Registered first, so it runs while the platform the replicas join is still up.
    afterAll(() => stopGatewayProcesses(gateways));
    const { platform, db } = usePlatform(backend, { customers: 30, orders: 60, bus });

    beforeAll(async () => {
      await db.query("UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku = 'SKU-0011'");
      gateways.push(await startGatewayProcess(platform), await startGatewayProcess(platform));
    });

    it('a subscriber on each replica receives every event exactly once, in order', async () => {
      const channel = 'webstore';
      const onA = subscribeWs(gateways[0].url, SUBSCRIPTION, { channel });
      const onB = subscribeSse(gateways[1].url, SUBSCRIPTION, { channel });
      for (const g of gateways) {
        await eventually(
          async () => (await metricValue(g.url, 'supply_graph_subscribers')) === 1 || undefined,
          'subscribed',
        );
      }
      const placed: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const result = await gql(gateways[i % 2].url, PLACE_ORDER, {
          input: {
            channel,
            externalId: `REPLICA-${Date.now()}-${i}`,
            buyer: { name: `Replica Buyer ${i}`, email: `replica${i}-${Date.now()}@example.com` },
            currency: 'CNY',
            lines: [{ sku: 'SKU-0011', quantity: 1, unitPrice: '5.00' }],
            shippingAddress: { country: 'CN', city: 'Beijing', line1: `Replica Street ${i}` },
          },
        });
        expect(result.errors).toBeUndefined();
        placed.push(result.data!.placeOrder.order!.id);
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
        expect(events.every((e) => e.order.customer?.name.startsWith('Replica Buyer'))).toBe(true);
      }
      // Both replicas saw the same events in the same order.
      expect(a.map((r) => r.data!.orderStatusChanged.eventId)).toEqual(
        b.map((r) => r.data!.orderStatusChanged.eventId),
      );
      await Promise.all([onA.stop(), onB.stop()]);
    });
  },
  'nats',
);
