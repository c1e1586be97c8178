import { expectOneError } from '../support/expect-error';
import { describeEachBus } from '../support/buses';
import { graphql } from '../generated/suites';
import { metricValue } from '../support/metrics';
import { poisonInserts } from '../support/sql';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { MAX_ATTEMPTS, POISON_PLATFORM, poisonDriver, RETRY } from './poison-support';

const RELEASE = graphql(`
  mutation PoisonRelease($id: ID!) { releaseOrder(id: $id, reason: "trigger fixed") { id status } }
`);

/**
 * Orders placed after the poison one: more than two of the relay's batches, which the in-process bus once stalled
 * on. The batch is made 20 here (OUTBOX_RELAY_BATCH; 200 by default), so 50 orders do what 250 did, in a fifth of
 * the time.
 */
const RELAY_BATCH = 20;
const AFTER = 50;

/** Inventory's allocation fails on one SKU every time: its event is parked, the rest flows. */
describeEachBus('a poison event is parked, its order held, the rest flows', (bus, backend) => {
  const { platform, db, ask } = usePlatform(backend, {
    ...POISON_PLATFORM,
    env: { ...POISON_PLATFORM.env, OUTBOX_RELAY_BATCH: String(RELAY_BATCH) },
    bus,
  });
  const { place, view, statuses, reservations, parked } = poisonDriver({ ask, db });

  it('parks the failing allocation, holds its order, lets two relay batches and more by, retries it once fixed', async () => {
    // Stock for every order: SKUs with units to spare, each used no more often than it has units.
    const stock = await db.rows<{ sku: string; available: number }>(
      `SELECT sku, sum(greatest(on_hand - reserved - safety_stock, 0))::int AS available FROM inventory.stock_level
       GROUP BY sku HAVING sum(greatest(on_hand - reserved - safety_stock, 0)) >= 3 ORDER BY sku`,
    );
    const [poisonSku, ...others] = stock;
    const skus = others
      .flatMap((s) => Array.from({ length: Math.min(s.available - 1, 5) }, () => s.sku))
      .slice(0, AFTER);
    expect(skus).toHaveLength(AFTER);
    // A real poison: PostgreSQL refuses every reservation of one SKU, as a bug or bad data would, every time.
    await poisonInserts(db, {
      table: 'inventory.allocation',
      fn: 'inventory.poison_allocation',
      when: `NEW.sku = '${poisonSku.sku}'`,
      raise: "'integer out of range (test trigger on %)', NEW.sku",
    });

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
        `^inventory\\.allocate could not handle order\\.placed after ${MAX_ATTEMPTS} attempt\\(s\\): ` +
          `integer out of range \\(test trigger on ${poisonSku.sku}\\)`,
      ),
    );
    await eventually(
      async () => (await view(second)).status === 'ON_HOLD',
      'the second poisoned order ON_HOLD',
      30_000,
    );

    const listed = await parked({ service: 'inventory' });
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
            `SELECT ((SELECT count(*) FROM inventory.outbox WHERE published_at IS NULL)
                     + (SELECT count(*) FROM orders.outbox WHERE published_at IS NULL))::int AS n`,
          )
        )[0].n === 0,
      'empty outboxes',
    );
    expect(await reservations(poisoned)).toBe(0);

    // The operator fixes the cause and retries the parked event: the order is allocated, once.
    await db.query('DROP TRIGGER poison ON inventory.allocation');
    const retried = await ask(RETRY, { id: entry.id });
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
      const now = await parked({ status: 'RETRIED' });
      return now.some((p) => p.id === entry.id);
    }, 'the parked event RETRIED');
    expectOneError(await ask(RETRY, { id: entry.id }), 'CONFLICT', /RETRIED/);

    // The other one is released by hand: inventory allocates it on the release, once.
    const released = await ask(RELEASE, { id: second });
    expect(released.errors).toBeUndefined();
    await eventually(async () => (await view(second)).status === 'ALLOCATED', 'the released order ALLOCATED', 30_000);

    // Settled: each allocated exactly once, however many deliveries, retries and re-announcements there were.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await reservations(poisoned)).toBe(1);
    expect(await reservations(second)).toBe(1);
    expect((await view(poisoned)).status).toBe('ALLOCATED');
  }, 300_000);
});
