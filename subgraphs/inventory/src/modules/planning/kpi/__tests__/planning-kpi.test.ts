import type { GraphQLSchema } from 'graphql';
import { ask, describeEachBackend, principal, type Answer } from '@supply-graph/shared/testing';
import type { Principal } from '@supply-graph/shared';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { inventoryContext } from '../../../quota/__tests__/priority-support';

const staff = principal('staff-1', null);
const partner = principal('tmall-connector', ['tmall'], ['inventory:read']);
const outsider = principal('orders-only', null, ['orders:read']);

const FIGURES = `from to days warehouseId sku unitsShipped averageOnHand inventoryTurnover unitsDemanded unitsShort
  stockoutRate stockoutByChannel { channel unitsDemanded unitsShort stockoutRate } forecastWape forecastAccuracy
  forecastPairs`;
const WAREHOUSES = `query($from: String!, $to: String!, $channel: String) {
  warehouseKpis(from: $from, to: $to, channel: $channel) { ${FIGURES} warehouse { code } } }`;
const PRODUCTS = `query($skus: [_Any!]!, $from: String!, $to: String!, $warehouseId: ID, $channel: String) {
  _entities(representations: $skus) { ... on Product { sku
    planningKpi(from: $from, to: $to, warehouseId: $warehouseId, channel: $channel) { ${FIGURES} } } } }`;

const range = { from: '2025-03-01', to: '2025-03-04' };

describeEachBackend('planning KPIs', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  let statements: string[];

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    const { SHA, PEK } = fx.warehouses;
    await fx.addProduct('K-1', { SHA: { onHand: 16 }, PEK: { onHand: 5 } });
    await fx.addProduct('K-2', { SHA: { onHand: 4 } });
    await fx.addProduct('K-3', { PEK: { onHand: 0 } });
    // K-1 at SHA, end of day: 24 (1 Mar), 20 (2 Mar), 18 (3 Mar), 18 (4 Mar): a mean of 20; 8 shipped in the range.
    // K-2 at SHA: 0, 0, 4, 4: a mean of 2. K-1 at PEK: 5 throughout, no movement.
    await fx.db.query(
      `INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason, at, presale) VALUES
       ('K-1', $1, 'RECEIVE', 24, 'opening', '2025-02-27T08:00:00Z', false),
       ('K-1', $1, 'SHIP', 4, 'shipped', '2025-03-02T10:00:00Z', false),
       ('K-1', $1, 'SHIP', 4, 'shipped', '2025-03-03T23:59:00Z', false),
       ('K-1', $1, 'ADJUST', 2, 'count', '2025-03-03T09:00:00Z', false),
       ('K-1', $1, 'RESERVE', 5, 'reserved', '2025-03-02T09:00:00Z', false),
       ('K-1', $1, 'SHIP', 2, 'shipped', '2025-03-05T00:00:00Z', false),
       ('K-1', $1, 'ADJUST', 100, 'presale units', '2025-03-03T09:00:00Z', true),
       ('K-2', $1, 'RECEIVE', 4, 'received', '2025-03-03T00:00:00Z', false)`,
      [SHA],
    );
    // The shipments behind those SHIP movements (and two that do not count: presale units, and one before the range).
    await fx.db.query(
      `INSERT INTO allocation (id, order_id, sku, warehouse_id, quantity, created_at, shipped_at, presale) VALUES
       (gen_random_uuid(), gen_random_uuid(), 'K-1', $1, 4, '2025-03-01T00:00:00Z', '2025-03-02T10:00:00Z', false),
       (gen_random_uuid(), gen_random_uuid(), 'K-1', $1, 4, '2025-03-01T00:00:00Z', '2025-03-03T23:59:00Z', false),
       (gen_random_uuid(), gen_random_uuid(), 'K-1', $1, 2, '2025-03-01T00:00:00Z', '2025-03-05T00:00:00Z', false),
       (gen_random_uuid(), gen_random_uuid(), 'K-1', $1, 7, '2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z', true),
       (gen_random_uuid(), gen_random_uuid(), 'K-1', $1, 9, '2025-02-20T00:00:00Z', '2025-02-28T23:59:59Z', false)`,
      [SHA],
    );
    await fx.db.query(
      `INSERT INTO demand_daily (sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short, orders)
       VALUES ('K-1', $1, 'tmall', '2025-03-01', 10, 8, 2, 3), ('K-1', $1, 'jd', '2025-03-02', 6, 6, 0, 2),
              ('K-1', $1, 'tmall', '2025-03-05', 100, 0, 100, 9), ('K-1', $2, 'tmall', '2025-03-04', 4, 0, 4, 1),
              ('K-2', $1, 'jd', '2025-03-03', 4, 3, 1, 1), ('K-3', $2, 'jd', '2025-03-02', 2, 2, 0, 1)`,
      [SHA, PEK],
    );
    await fx.db.query(
      `INSERT INTO forecast_fit (sku, warehouse_id, model, level, history_days, mean_daily, error_sd, holdout_wape,
         first_day) VALUES
       ('K-1', $1, 'mstl', 0.8, 180, 4, 1, 0.2, '2025-03-05'), ('K-1', $2, 'mstl', 0.8, 180, 1, 1, 0.5, '2025-03-05'),
       ('K-2', $1, 'recent-mean', 0.8, 3, 1, 1, NULL, '2025-03-05'),
       ('K-3', $2, 'seasonal-naive', 0.8, 60, 1, 2, 1.5, '2025-03-05')`,
      [SHA, PEK],
    );
  });
  afterAll(() => fx?.close());

  const run = async (who: Principal, source: string, variables: Record<string, unknown>): Promise<Answer> => {
    statements = [];
    const counting = new Proxy(fx.db, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (sql: string, params?: unknown[]) => {
          statements.push(sql);
          return target.query(sql, params);
        };
      },
    });
    return ask(schema, inventoryContext(fx, who, counting), source, variables);
  };
  const codes = (a: Answer) => a.errors.map((e) => e.extensions.code);
  const products = async (who: Principal, vars: Record<string, unknown>, skus = ['K-1', 'K-2']) => {
    const answer = await run(who, PRODUCTS, {
      ...range,
      ...vars,
      skus: skus.map((sku) => ({ __typename: 'Product', sku })),
    });
    expect(answer.errors).toEqual([]);
    return answer.data!._entities.map((p: { planningKpi: unknown }) => p.planningKpi);
  };

  it('per warehouse, then the network: turnover from the ledger, stock-outs from demand, accuracy from the fits', async () => {
    const answer = await run(staff, WAREHOUSES, range);
    expect(answer.errors).toEqual([]);
    const [pek, sha, network] = answer.data!.warehouseKpis;
    expect(sha).toEqual({
      ...range,
      days: 4,
      warehouseId: fx.warehouses.SHA,
      warehouse: { code: 'SHA' },
      sku: null,
      unitsShipped: 8,
      averageOnHand: 22,
      inventoryTurnover: 8 / 22,
      unitsDemanded: 20,
      unitsShort: 3,
      stockoutRate: 0.15,
      stockoutByChannel: [
        { channel: 'jd', unitsDemanded: 10, unitsShort: 1, stockoutRate: 0.1 },
        { channel: 'tmall', unitsDemanded: 10, unitsShort: 2, stockoutRate: 0.2 },
      ],
      forecastWape: 0.2,
      forecastAccuracy: 0.8,
      forecastPairs: 1,
    });
    expect(pek).toMatchObject({
      warehouse: { code: 'PEK' },
      unitsShipped: 0,
      averageOnHand: 5,
      inventoryTurnover: 0,
      unitsDemanded: 6,
      unitsShort: 4,
      // (0.5 x 4 + 1.5 x 2) / 6
      forecastPairs: 2,
    });
    expect(pek.forecastWape).toBeCloseTo(5 / 6, 12);
    expect(pek.forecastAccuracy).toBeCloseTo(1 / 6, 12);
    expect(network).toMatchObject({
      warehouseId: null,
      warehouse: null,
      unitsShipped: 8,
      averageOnHand: 27,
      unitsDemanded: 26,
      unitsShort: 7,
      stockoutByChannel: [
        { channel: 'jd', unitsDemanded: 12, unitsShort: 1, stockoutRate: 1 / 12 },
        { channel: 'tmall', unitsDemanded: 14, unitsShort: 6, stockoutRate: 6 / 14 },
      ],
      forecastPairs: 3,
    });
    // (0.2 x 16 + 0.5 x 4 + 1.5 x 2) / 22
    expect(network.forecastWape).toBeCloseTo(8.2 / 22, 12);
    expect(network.inventoryTurnover).toBeCloseTo(8 / 27, 12);
  });

  it('per product, at every warehouse or one, all products in one read', async () => {
    const [k1, k2] = await products(staff, {});
    expect(statements.filter((s) => s.includes('stock_movement'))).toHaveLength(1);
    expect(k1).toMatchObject({
      sku: 'K-1',
      warehouseId: null,
      unitsShipped: 8,
      averageOnHand: 25,
      inventoryTurnover: 8 / 25,
      unitsDemanded: 20,
      unitsShort: 6,
      stockoutRate: 0.3,
      forecastPairs: 2,
    });
    expect(k1.forecastWape).toBeCloseTo(5.2 / 20, 12);
    expect(k1.forecastAccuracy).toBeCloseTo(0.74, 12);
    // K-2's only fit held no days out: no accuracy to tell.
    expect(k2).toMatchObject({ sku: 'K-2', averageOnHand: 2, unitsShipped: 0, inventoryTurnover: 0 });
    expect(k2).toMatchObject({ forecastWape: null, forecastAccuracy: null, forecastPairs: 0, stockoutRate: 0.25 });

    const [atSha] = await products(staff, { warehouseId: fx.warehouses.SHA }, ['K-1']);
    expect(atSha).toMatchObject({
      warehouseId: fx.warehouses.SHA,
      averageOnHand: 20,
      unitsDemanded: 16,
      unitsShort: 2,
    });
    expect(atSha.inventoryTurnover).toBeCloseTo(0.4, 12);
    const [k3] = await products(staff, {}, ['K-3']);
    // A forecast worse than none scores 0, not below.
    expect(k3).toMatchObject({ forecastWape: 1.5, forecastAccuracy: 0, averageOnHand: 0, inventoryTurnover: null });
    const [none] = await products(staff, { warehouseId: 'not-a-warehouse' }, ['K-1']);
    expect(none).toMatchObject({ unitsShipped: 0, averageOnHand: 0, unitsDemanded: 0, stockoutRate: null });
  });

  it("a channel filter or a channel-scoped caller narrows the demand figures, never the stock's", async () => {
    const [pekJd, shaJd] = (await run(staff, WAREHOUSES, { ...range, channel: 'JD' })).data!.warehouseKpis;
    expect(shaJd).toMatchObject({ unitsDemanded: 10, unitsShort: 1, unitsShipped: 8, forecastWape: 0.2 });
    expect(pekJd.stockoutByChannel).toEqual([{ channel: 'jd', unitsDemanded: 2, unitsShort: 0, stockoutRate: 0 }]);
    const [, shaTmall, all] = (await run(partner, WAREHOUSES, range)).data!.warehouseKpis;
    expect(shaTmall).toMatchObject({ unitsDemanded: 10, unitsShort: 2, stockoutRate: 0.2, averageOnHand: 22 });
    expect(all.stockoutByChannel.map((c: { channel: string }) => c.channel)).toEqual(['tmall']);
    const [k1] = await products(partner, { channel: 'jd' }, ['K-1']);
    expect(k1).toMatchObject({ unitsDemanded: 0, stockoutRate: null, stockoutByChannel: [], unitsShipped: 8 });
  });

  it('refuses bad ranges with BAD_USER_INPUT and a caller without inventory:read', async () => {
    const bad = async (vars: Record<string, string>) => codes(await run(staff, WAREHOUSES, vars));
    expect(await bad({ from: '2025-02-30', to: '2025-03-01' })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ from: '2025-03-05', to: '2025-03-04' })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ from: '2024-01-01', to: '2025-03-04' })).toEqual(['BAD_USER_INPUT']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await run(staff, WAREHOUSES, { from: tomorrow, to: tomorrow });
    expect(future.errors[0].extensions.problems).toEqual([{ field: 'to', message: 'must not be after today (UTC)' }]);
    const product = await run(staff, PRODUCTS, {
      from: 'March',
      to: '2025-03-04',
      skus: [{ __typename: 'Product', sku: 'K-1' }],
    });
    expect(codes(product)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(outsider, WAREHOUSES, range))).toEqual(['FORBIDDEN']);
  });
});
