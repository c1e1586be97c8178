import { countingContext } from '../../../../__tests__/request-context';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { SCOPES, type Principal } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { storeFit } from './planning-fixture';

const caller = (sub: string, scopes: readonly string[] = SCOPES): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels: null,
  kind: 'client',
});
const staff = caller('planner-1');
const reader = caller('viewer-1', ['inventory:read']);
const outsider = caller('orders-only', ['orders:read']);

const LEVELS = `query($skus: [_Any!]!) { _entities(representations: $skus) { ... on Product { sku
  stockLevels { warehouse { code } safetyStock safetyStockSource fixedSafetyStock reorderPoint leadTimeDays reviewDays
    serviceLevel safetyStockChanges(first: 2) { reason oldSafetyStock newSafetyStock source errorSd historyDays
      leadTimeDays serviceLevel z uplift leadTimeDemand reorderPoint } } } } }`;

const SET_POLICY = `mutation($w: ID!, $sku: ID, $lead: Int, $review: Int, $level: Float) {
  setPlanningPolicy(warehouseId: $w, sku: $sku, leadTimeDays: $lead, reviewDays: $review, serviceLevel: $level) {
    policy { warehouseId sku leadTimeDays reviewDays serviceLevel } changes { sku oldSafetyStock newSafetyStock } } }`;

const RECOMPUTE = `mutation($skus: [ID!]!) { recomputeSafetyStock(skus: $skus) { sku newSafetyStock source reason } }`;

interface Level {
  warehouse: { code: string };
  safetyStock: number;
  safetyStockSource: string;
  fixedSafetyStock: number;
  reorderPoint: number;
  leadTimeDays: number;
  reviewDays: number;
  serviceLevel: number;
  safetyStockChanges: Record<string, unknown>[];
}

describeEachBackend('stock level planning in the graph', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  let statements: string[];

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    await fx.addProduct('G-1', { SHA: { onHand: 100, safetyStock: 5 }, PEK: { onHand: 100, safetyStock: 6 } });
    await fx.addProduct('G-2', { SHA: { onHand: 100, safetyStock: 2 } });
    for (const [sku, code] of [
      ['G-1', 'SHA'],
      ['G-2', 'SHA'],
    ] as const)
      await storeFit(fx, sku, code, { errorSd: 4, daily: 3, horizon: 90 });
  });
  afterAll(() => fx?.close());

  const ask = async (who: Principal, source: string, variables: Record<string, unknown>) => {
    statements = [];
    const contextValue = countingContext(fx.db, who, statements);
    const result = await graphql({ schema, source, contextValue, variableValues: variables });
    return {
      data: result.data as Record<string, unknown> | undefined,
      codes: (result.errors ?? []).map((e) => e.extensions.code ?? e.message),
      problems: (result.errors ?? []).flatMap((e) => (e.extensions.problems as { field: string }[]) ?? []),
    };
  };
  const levels = async (who: Principal = staff) => {
    const result = await ask(who, LEVELS, { skus: ['G-1', 'G-2'].map((sku) => ({ __typename: 'Product', sku })) });
    expect(result.codes).toEqual([]);
    return (result.data!._entities as { sku: string; stockLevels: Level[] }[]).flatMap((p) =>
      p.stockLevels.map((l) => ({ sku: p.sku, ...l })),
    );
  };
  const level = async (sku: string, code: string) =>
    (await levels()).find((l) => l.sku === sku && l.warehouse.code === code)!;

  it('a recompute turns fitted levels dynamic; each level shows its source, policy, reorder point and why', async () => {
    const before = await level('G-1', 'SHA');
    expect(before).toMatchObject({ safetyStock: 5, safetyStockSource: 'FIXED', fixedSafetyStock: 5, reorderPoint: 26 });
    expect(before).toMatchObject({ leadTimeDays: 7, reviewDays: 7, serviceLevel: 0.95, safetyStockChanges: [] });

    const recomputed = await ask(staff, RECOMPUTE, { skus: ['G-1', 'G-2', 'NO-SUCH-SKU'] });
    expect(recomputed.codes).toEqual([]);
    expect(recomputed.data!.recomputeSafetyStock).toEqual([
      { sku: 'G-1', newSafetyStock: 18, source: 'DYNAMIC', reason: 'recompute asked by planner-1' },
      { sku: 'G-2', newSafetyStock: 18, source: 'DYNAMIC', reason: 'recompute asked by planner-1' },
    ]);

    const all = await levels(reader);
    expect(all.map((l) => [l.sku, l.warehouse.code, l.safetyStock, l.safetyStockSource, l.fixedSafetyStock])).toEqual([
      ['G-1', 'PEK', 6, 'FIXED', 6],
      ['G-1', 'SHA', 18, 'DYNAMIC', 5],
      ['G-2', 'SHA', 18, 'DYNAMIC', 2],
    ]);
    const sha = all[1];
    expect(sha.reorderPoint).toBe(39); // 7 days x 3 units + 18
    expect(sha.safetyStockChanges).toEqual([
      {
        reason: 'recompute asked by planner-1',
        oldSafetyStock: 5,
        newSafetyStock: 18,
        source: 'DYNAMIC',
        errorSd: 4,
        historyDays: 120,
        leadTimeDays: 7,
        serviceLevel: 0.95,
        z: expect.closeTo(1.6449, 4),
        uplift: 1,
        leadTimeDemand: 21,
        reorderPoint: 39,
      },
    ]);
    // Every level of both products in one batch: one statement each for changes, plans, fits and forecast days.
    for (const table of ['safety_stock_change', 'safety_stock_plan', 'forecast_fit', 'forecast_day'])
      expect(statements.filter((s) => s.includes(`FROM ${table}`) || s.includes(`JOIN ${table}`))).toHaveLength(1);
  });

  it('a warehouse policy, then a SKU policy, recompute the levels they reach; clearing one inherits again', async () => {
    const warehouseWide = await ask(staff, SET_POLICY, { w: fx.warehouses.SHA, lead: 14, review: 3 });
    expect(warehouseWide.codes).toEqual([]);
    expect(warehouseWide.data!.setPlanningPolicy).toEqual({
      policy: { warehouseId: fx.warehouses.SHA, sku: null, leadTimeDays: 14, reviewDays: 3, serviceLevel: null },
      // 1.6449 x 4 x sqrt(14) = 24.6
      changes: [
        { sku: 'G-1', oldSafetyStock: 18, newSafetyStock: 25 },
        { sku: 'G-2', oldSafetyStock: 18, newSafetyStock: 25 },
      ],
    });
    expect(await level('G-1', 'SHA')).toMatchObject({ leadTimeDays: 14, reviewDays: 3, reorderPoint: 42 + 25 });
    expect(await level('G-1', 'PEK')).toMatchObject({ leadTimeDays: 7, safetyStock: 6 });

    const one = await ask(staff, SET_POLICY, { w: fx.warehouses.SHA, sku: 'G-2', level: 0.99 });
    // 2.3263 x 4 x sqrt(14) = 34.8; the SKU's override names only the service level, the lead time stays the warehouse's.
    expect((one.data!.setPlanningPolicy as { changes: unknown[] }).changes).toEqual([
      { sku: 'G-2', oldSafetyStock: 25, newSafetyStock: 35 },
    ]);
    expect(await level('G-2', 'SHA')).toMatchObject({ leadTimeDays: 14, serviceLevel: 0.99, safetyStock: 35 });

    const cleared = await ask(staff, SET_POLICY, { w: fx.warehouses.SHA });
    expect(cleared.data!.setPlanningPolicy).toEqual({
      policy: null,
      changes: [
        { sku: 'G-1', oldSafetyStock: 25, newSafetyStock: 18 },
        { sku: 'G-2', oldSafetyStock: 35, newSafetyStock: 25 }, // the SKU's 0.99 stays: 2.3263 x 4 x sqrt(7) = 24.6
      ],
    });
    const policies = await ask(reader, '{ planningPolicies { sku serviceLevel } }', {});
    expect(policies.data!.planningPolicies).toEqual([{ sku: 'G-2', serviceLevel: 0.99 }]);
  });

  it('refuses figures out of bounds (every problem named), unknown places, and callers without the scope', async () => {
    const bad = await ask(staff, SET_POLICY, { w: fx.warehouses.SHA, lead: 0, review: 400, level: 1 });
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
    expect(bad.problems.map((p) => p.field)).toEqual(['leadTimeDays', 'reviewDays', 'serviceLevel']);
    expect((await ask(staff, SET_POLICY, { w: randomUUID(), lead: 3 })).codes).toEqual(['NOT_FOUND']);
    expect((await ask(staff, SET_POLICY, { w: fx.warehouses.SHA, sku: 'NOPE', lead: 3 })).codes).toEqual(['NOT_FOUND']);
    expect((await ask(reader, SET_POLICY, { w: fx.warehouses.SHA, lead: 3 })).codes).toEqual(['FORBIDDEN']);
    expect((await ask(reader, RECOMPUTE, { skus: ['G-1'] })).codes).toEqual(['FORBIDDEN']);
    const tooMany = await ask(staff, RECOMPUTE, { skus: Array.from({ length: 101 }, (_, i) => `S-${i}`) });
    expect(tooMany.codes).toEqual(['BAD_USER_INPUT']);
    const hidden = await ask(outsider, LEVELS, { skus: [{ __typename: 'Product', sku: 'G-1' }] });
    expect(hidden.codes).toContain('FORBIDDEN');
    expect(await fx.db.query('SELECT 1 FROM planning_policy WHERE lead_time_days = 3')).toEqual([]);
  });
});
