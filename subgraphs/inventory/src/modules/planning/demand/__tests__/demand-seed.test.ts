import { generateDemoDataset, type DemoDataset } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { seedInventory } from '../../../../db/seed';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { rebuildDemandHistory } from '../demand-backfill';

const NOW = new Date('2026-11-24T08:00:00Z');

describeEachBackend('the seeded demand history', (backend) => {
  let fx: InventoryFixture;
  let data: DemoDataset;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    data = generateDemoDataset({ customers: 300, orders: 2000, now: NOW });
    await fx.db.transaction((manager) => seedInventory(manager, data));
  });
  afterAll(async () => {
    await fx?.close();
  });

  const all = () =>
    fx.db.query('SELECT * FROM demand_daily ORDER BY sku, warehouse_id, channel, day') as Promise<unknown[]>;

  it('holds, per placement day and channel, the units of every order inventory decided on; waiting ones unmet', async () => {
    const allocated = new Set(data.allocations.map((a) => a.orderId));
    const expected = new Map<string, { demanded: number; short: number }>();
    for (const o of data.orders) {
      if (!allocated.has(o.id) && o.status !== 'BACKORDERED') continue;
      const key = `${o.placedAt.toISOString().slice(0, 10)} ${o.channel}`;
      const units = o.lines.reduce((n, l) => n + l.quantity, 0);
      const short = o.history.some((h) => h.to === 'BACKORDERED') ? units : 0;
      const seen = expected.get(key) ?? { demanded: 0, short: 0 };
      expected.set(key, { demanded: seen.demanded + units, short: seen.short + short });
    }
    const rows = (await fx.db.query(
      `SELECT day::text || ' ' || channel AS key, sum(units_demanded)::int AS demanded, sum(units_short)::int AS short
       FROM demand_daily GROUP BY 1 ORDER BY 1`,
    )) as { key: string; demanded: number; short: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.key, { demanded: r.demanded, short: r.short }]))).toEqual(
      Object.fromEntries([...expected.entries()].sort()),
    );
    expect(rows.some((r) => r.short > 0)).toBe(true);
  });

  it('a rebuild of the seeded history changes nothing', async () => {
    const seeded = await all();
    expect(seeded.length).toBeGreaterThan(100);
    await fx.db.transaction((manager) => rebuildDemandHistory(manager));
    expect(await all()).toEqual(seeded);
  });
});
