import { describeEachBackend, testBuses } from '@supply-graph/shared/testing';
import { expectOneError } from '../support/expect-error';
import { gql } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const PLACE = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }`;
const ORDER = `query Order($id: ID!) { order(id: $id) { id status statusHistory { from to reason } allocations { sku quantity } } }`;
const PARKED_FIELDS =
  'id service consumer eventId eventType aggregateType aggregateId orderId error attempts parkedAt status order { id status }';
const PARKED = `query Parked($service: String, $status: ParkedEventStatus) { parkedEvents(service: $service, status: $status) { ${PARKED_FIELDS} } }`;
const RETRY = `mutation Retry($id: ID!) { retryParkedEvent(id: $id) { id status } }`;
const ADJUST = `mutation Adjust($sku: ID!, $w: ID!) { adjustStock(sku: $sku, warehouseId: $w, delta: 1000, reason: "supplier delivery") { sku } }`;
const RELEASE = `mutation Release($id: ID!) { releaseOrder(id: $id, reason: "trigger fixed") { id status } }`;

/** Orders placed after the poison one: more than the relay's batch of 200, which the in-process bus used to stall on. */
const AFTER = 250;
const MAX_ATTEMPTS = 3;

interface OrderView {
  id: string;
  status: string;
  statusHistory: { from: string | null; to: string; reason: string | null }[];
  allocations: { sku: string; quantity: number }[];
}
interface Parked {
  id: string;
  service: string;
  consumer: string;
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  orderId: string | null;
  error: string;
  attempts: number;
  parkedAt: string;
  status: string;
  order: { id: string; status: string } | null;
}

for (const { bus, skip, note } of testBuses()) {
  describeEachBackend(`a poison event is parked, its order held, the rest flows [${note}]`, (backend) => {
    let platform: TestPlatform;
    let db: Awaited<ReturnType<typeof sqlClient>>;
    let n = 0;
    const it = skip ? globalThis.it.skip : globalThis.it;

    beforeAll(async () => {
      if (skip) return;
      platform = await startTestPlatform(backend, {
        customers: 30,
        orders: 60,
        bus,
        env: {
          EVENT_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
          EVENT_RETRY_BASE_MS: '100',
          EVENT_RETRY_MAX_MS: '300',
          EVENT_RETRY_POLL_MS: '100',
          // Hundreds of orders from one test buyer are not what the risk rules are about here.
          ORDERS_RISK_VELOCITY_WEIGHT: '0',
          ORDERS_RISK_SHARED_ADDRESS_WEIGHT: '0',
        },
      });
      db = await sqlClient(platform.databaseUrl);
    }, 120_000);
    afterAll(async () => {
      await db?.end();
      await platform?.close();
    });

    const ask = <T>(query: string, variables: Record<string, unknown>) =>
      gql<T, Record<string, unknown>>(platform.gatewayUrl, query, variables);
    const place = async (sku: string, quantity = 1, unitPrice = '9.90'): Promise<string> => {
      const result = await ask<{ placeOrder: { order: { id: string } } }>(PLACE, {
        input: {
          channel: 'webstore',
          externalId: `WS-POISON-${Date.now()}-${(n += 1)}`,
          buyer: { name: 'Zhou Min', email: `zhou.min+${n}@example.com`, phone: '+8613800000001' },
          currency: 'CNY',
          lines: [{ sku, quantity, unitPrice }],
          shippingAddress: {
            name: 'Zhou Min',
            phone: '+8613800000001',
            country: 'CN',
            province: 'Shanghai',
            city: 'Shanghai',
            line1: `No. ${n} Nanjing Road`,
          },
        },
      });
      expect(result.errors).toBeUndefined();
      return result.data!.placeOrder.order.id;
    };
    const view = async (id: string) => (await ask<{ order: OrderView }>(ORDER, { id })).data!.order;
    const statuses = async (ids: string[]) =>
      Object.fromEntries(
        (
          await db.rows<{ status: string; n: number }>(
            'SELECT status, count(*)::int AS n FROM orders.sales_order WHERE id = ANY($1::uuid[]) GROUP BY status',
            [ids],
          )
        ).map((r) => [r.status, r.n]),
      );
    const reservations = async (orderId: string) =>
      (
        await db.rows<{ n: number }>(
          "SELECT count(*)::int AS n FROM inventory.stock_movement WHERE order_id = $1 AND kind = 'RESERVE'",
          [orderId],
        )
      )[0].n;

    it('parks the failing allocation, holds its order with the reason, lets hundreds of later orders through, and retries it once fixed', async () => {
      // Stock for every order: SKUs with units to spare, each used no more often than it has units.
      const stock = await db.rows<{ sku: string; available: number }>(
        `SELECT sku, sum(on_hand - reserved - safety_stock)::int AS available FROM inventory.stock_level
       GROUP BY sku HAVING sum(on_hand - reserved - safety_stock) >= 3 ORDER BY sku`,
      );
      const [poisonSku, ...others] = stock;
      const skus = others
        .flatMap((s) => Array.from({ length: Math.min(s.available - 1, 5) }, () => s.sku))
        .slice(0, AFTER);
      expect(skus).toHaveLength(AFTER);
      // A real poison: PostgreSQL refuses every reservation of one SKU, as a bug or bad data would, every time.
      await db.query(`
      CREATE FUNCTION inventory.poison_allocation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.sku = '${poisonSku.sku}' THEN
          RAISE EXCEPTION 'integer out of range (test trigger on %)', NEW.sku USING ERRCODE = '22003';
        END IF;
        RETURN NEW;
      END $$`);
      await db.query(
        'CREATE TRIGGER poison BEFORE INSERT ON inventory.allocation FOR EACH ROW EXECUTE FUNCTION inventory.poison_allocation()',
      );

      const parkedMetric = 'supply_graph_events_parked_total{service="inventory",consumer="inventory.allocate"}';
      const parkedBefore = await metricValue(platform.subgraphs.inventory!.url, parkedMetric);
      const poisoned = await place(poisonSku.sku);
      const later: string[] = [];
      for (let i = 0; i < skus.length; i += 10)
        later.push(...(await Promise.all(skus.slice(i, i + 10).map((sku) => place(sku)))));
      // A second poisoned order, which an operator will release instead of retrying its event.
      const second = await place(poisonSku.sku);

      await eventually(
        async () => (await statuses(later)).ALLOCATED === AFTER || undefined,
        `all ${AFTER} later orders ALLOCATED`,
        120_000,
      );

      const held = await eventually(
        async () => {
          const o = await view(poisoned);
          return o.status === 'ON_HOLD' ? o : undefined;
        },
        'the poisoned order ON_HOLD',
        30_000,
      );
      expect(held.allocations).toEqual([]);
      expect(held.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'ON_HOLD']);
      expect(held.statusHistory[1].reason).toMatch(
        new RegExp(
          `^inventory\\.allocate could not handle order\\.placed after ${MAX_ATTEMPTS} attempt\\(s\\): integer out of range \\(test trigger on ${poisonSku.sku}\\)`,
        ),
      );
      await eventually(
        async () => (await view(second)).status === 'ON_HOLD',
        'the second poisoned order ON_HOLD',
        30_000,
      );

      const listed = (await ask<{ parkedEvents: Parked[] }>(PARKED, { service: 'inventory' })).data!.parkedEvents;
      const entry = listed.find((p) => p.orderId === poisoned)!;
      expect(entry).toMatchObject({
        service: 'inventory',
        consumer: 'inventory.allocate',
        eventType: 'order.placed',
        aggregateType: 'order',
        aggregateId: poisoned,
        attempts: MAX_ATTEMPTS,
        status: 'PARKED',
        order: { id: poisoned, status: 'ON_HOLD' },
      });
      expect(entry.error).toMatch(/integer out of range/);
      expect(listed.map((p) => p.orderId).sort()).toEqual([poisoned, second].sort());
      // The alert: a counter operators watch, one per parked event.
      expect(await metricValue(platform.subgraphs.inventory!.url, parkedMetric)).toBe(parkedBefore + 2);
      // Nothing is stuck in any outbox: the relay marked everything published.
      await eventually(
        async () =>
          (
            await db.rows<{ n: number }>(
              `SELECT ((SELECT count(*) FROM inventory.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM orders.outbox WHERE published_at IS NULL))::int AS n`,
            )
          )[0].n === 0,
        'empty outboxes',
      );
      expect(await reservations(poisoned)).toBe(0);

      // The operator fixes the cause and retries the parked event: the order is allocated, once.
      await db.query('DROP TRIGGER poison ON inventory.allocation');
      const retried = await ask<{ retryParkedEvent: { id: string; status: string } }>(RETRY, { id: entry.id });
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.retryParkedEvent).toEqual({ id: entry.id, status: 'RETRY_REQUESTED' });
      const allocated = await eventually(
        async () => {
          const o = await view(poisoned);
          return o.status === 'ALLOCATED' ? o : undefined;
        },
        'the retried order ALLOCATED',
        30_000,
      );
      expect(allocated.allocations).toEqual([{ sku: poisonSku.sku, quantity: 1 }]);
      expect(allocated.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'ON_HOLD', 'PENDING', 'ALLOCATED']);
      await eventually(async () => {
        const now = (await ask<{ parkedEvents: Parked[] }>(PARKED, { status: 'RETRIED' })).data!.parkedEvents;
        return now.some((p) => p.id === entry.id);
      }, 'the parked event RETRIED');
      expectOneError(await ask(RETRY, { id: entry.id }), 'CONFLICT', /RETRIED/);

      // The other one is released by hand: inventory allocates it on the release, once.
      const released = await ask<{ releaseOrder: { status: string } }>(RELEASE, { id: second });
      expect(released.errors).toBeUndefined();
      await eventually(async () => (await view(second)).status === 'ALLOCATED', 'the released order ALLOCATED', 30_000);

      // Settled: each allocated exactly once, however many deliveries, retries and re-announcements there were.
      await new Promise((r) => setTimeout(r, 1000));
      expect(await reservations(poisoned)).toBe(1);
      expect(await reservations(second)).toBe(1);
      expect((await view(poisoned)).status).toBe('ALLOCATED');
    }, 300_000);

    it("parks a failing step of orders' own consumer too: the BACKORDERED order is held, and a retry once fixed allocates it", async () => {
      // More than there is of a SKU: the order waits for stock.
      const [short] = await db.rows<{ sku: string; available: number; warehouse_id: string }>(
        `SELECT sku, sum(on_hand - reserved - safety_stock)::int AS available, min(warehouse_id::text) AS warehouse_id
       FROM inventory.stock_level GROUP BY sku HAVING sum(on_hand - reserved - safety_stock) >= 1 ORDER BY 2, sku LIMIT 1`,
      );
      const quantity = short.available + 1;
      // A cent a unit: a large first order is what the high-value risk rule holds, and that is not this test.
      const id = await place(short.sku, quantity, '0.01');
      await eventually(async () => (await view(id)).status === 'BACKORDERED', 'the order BACKORDERED');
      // Orders itself refuses to record this order's allocation, every time.
      await db.query(`
      CREATE FUNCTION orders.poison_allocated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.order_id = '${id}' AND NEW.to_status = 'ALLOCATED' THEN
          RAISE EXCEPTION 'integer out of range (test trigger on the order history)' USING ERRCODE = '22003';
        END IF;
        RETURN NEW;
      END $$`);
      await db.query(
        'CREATE TRIGGER poison BEFORE INSERT ON orders.order_status_change FOR EACH ROW EXECUTE FUNCTION orders.poison_allocated()',
      );

      // Stock arrives: inventory allocates the backorder, and orders fails on the news.
      const adjusted = await ask(ADJUST, { sku: short.sku, w: short.warehouse_id });
      expect(adjusted.errors).toBeUndefined();
      const held = await eventually(
        async () => {
          const o = await view(id);
          return o.status === 'ON_HOLD' ? o : undefined;
        },
        'the backordered order ON_HOLD',
        30_000,
      );
      expect(held.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'BACKORDERED', 'ON_HOLD']);
      expect(held.statusHistory[2].reason).toMatch(
        /^orders\.stock could not handle stock\.reserved after 3 attempt\(s\): integer out of range/,
      );
      const parked = (await ask<{ parkedEvents: Parked[] }>(PARKED, { service: 'orders' })).data!.parkedEvents.find(
        (p) => p.orderId === id,
      )!;
      expect(parked).toMatchObject({
        consumer: 'orders.stock',
        eventType: 'stock.reserved',
        aggregateType: 'order-stock',
        aggregateId: id,
        status: 'PARKED',
      });

      // Retried before the cause is fixed: the parked event itself goes through (the order is held, so
      // there is nothing to record) and the order is released; the reservation announced again then
      // fails the same way, is parked in turn, and the order is back ON_HOLD. Nothing is lost or stuck.
      expect((await ask(RETRY, { id: parked.id })).errors).toBeUndefined();
      const again = await eventually(
        async () => {
          const all = (await ask<{ parkedEvents: Parked[] }>(PARKED, { service: 'orders' })).data!.parkedEvents;
          const fresh = all.find((p) => p.orderId === id && p.status === 'PARKED' && p.id !== parked.id);
          return fresh && all.some((p) => p.id === parked.id && p.status === 'RETRIED') ? fresh : undefined;
        },
        'the first parked event RETRIED and the re-announcement parked',
        30_000,
      );
      await eventually(async () => (await view(id)).statusHistory.length === 5, 'the order held again');
      expect((await view(id)).statusHistory.map((h) => h.to)).toEqual([
        'PENDING',
        'BACKORDERED',
        'ON_HOLD',
        'PENDING',
        'ON_HOLD',
      ]);

      await db.query('DROP TRIGGER poison ON orders.order_status_change');
      expect((await ask(RETRY, { id: again.id })).errors).toBeUndefined();
      const allocated = await eventually(
        async () => {
          const o = await view(id);
          return o.status === 'ALLOCATED' ? o : undefined;
        },
        'the order ALLOCATED after the retry',
        30_000,
      );
      expect(allocated.statusHistory.map((h) => h.to)).toEqual([
        'PENDING',
        'BACKORDERED',
        'ON_HOLD',
        'PENDING',
        'ON_HOLD',
        'PENDING',
        'ALLOCATED',
      ]);
      await new Promise((r) => setTimeout(r, 1000));
      // Reserved once: the release made inventory announce the reservation again, not make another.
      const [reserved] = await db.rows<{ units: number }>(
        "SELECT coalesce(sum(quantity), 0)::int AS units FROM inventory.stock_movement WHERE order_id = $1 AND kind = 'RESERVE'",
        [id],
      );
      expect(reserved.units).toBe(quantity);
      expect((await view(id)).allocations.reduce((n, a) => n + a.quantity, 0)).toBe(quantity);
    }, 120_000);
  });
}
