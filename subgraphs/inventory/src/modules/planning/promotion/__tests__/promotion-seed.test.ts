import type { GraphQLSchema } from 'graphql';
import { generateDemoDataset } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { seedInventory } from '../../../../db/seed';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { asker, staff } from './promotion-support';

describeEachBackend("the demo's promotions", (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  const { run } = asker(
    () => schema,
    () => fx.db,
  );

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    const data = generateDemoDataset({ customers: 1000, orders: 6000, now: new Date() });
    await fx.db.transaction((manager) => seedInventory(manager, data));
  });
  afterAll(() => fx?.close());

  it('are planned promotions, the past ones with the uplift their orders show, and one to come', async () => {
    const answer = await run(
      staff,
      '{ promotions { name channels skus uplift status plannedBy measuredUplift measuredDays } }',
    );
    expect(answer.errors).toEqual([]);
    const byName = Object.fromEntries(
      (answer.data!.promotions as { name: string; measuredUplift: number }[]).map((p) => [p.name, p]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'Douyin live-stream week',
      "Singles' Day",
      "Singles' Day warm-up",
      'Spring sale',
      'Year-end sale',
    ]);
    expect(byName['Year-end sale']).toMatchObject({ status: 'UPCOMING', measuredUplift: null });
    expect(byName["Singles' Day"]).toMatchObject({ status: 'PAST', uplift: 6, skus: null, plannedBy: 'demo' });
    expect(byName["Singles' Day"]).toMatchObject({ measuredDays: 1, measuredUplift: expect.any(Number) });
    expect(byName['Douyin live-stream week']).toMatchObject({ channels: ['douyin', 'tmall'], measuredDays: 3 });
    // The demo's orders follow the plan, up to the noise of a few thousand orders.
    const measured = (name: string) => byName[name].measuredUplift;
    expect(measured("Singles' Day")).toBeGreaterThan(3.5);
    expect(measured("Singles' Day")).toBeLessThan(9);
    expect(measured('Douyin live-stream week')).toBeGreaterThan(1.7);
    expect(measured('Douyin live-stream week')).toBeLessThan(3.5);
  });
});
