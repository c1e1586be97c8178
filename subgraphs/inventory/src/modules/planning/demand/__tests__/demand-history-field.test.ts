import { countingContext } from '../../../../__tests__/request-context';
import { graphql, type GraphQLSchema } from 'graphql';
import { SCOPES, type Principal } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';

const caller = (sub: string, channels: string[] | null, scopes: readonly string[] = SCOPES): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels,
  kind: 'client',
});
const staff = caller('staff-1', null);
const partner = caller('tmall-connector', ['tmall'], ['inventory:read']);
const outsider = caller('orders-only', null, ['orders:read']);

const HISTORY = `query($skus: [_Any!]!, $warehouseId: ID, $channel: String, $from: String, $to: String) {
  _entities(representations: $skus) { ... on Product { sku
    demandHistory(warehouseId: $warehouseId, channel: $channel, from: $from, to: $to) {
      day warehouseId channel unitsDemanded unitsFulfilled unitsShort orders } } } }`;

describeEachBackend('Product.demandHistory', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  let statements: string[];

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    await fx.addProduct('H-1', { SHA: { onHand: 1 } });
    await fx.addProduct('H-2', { PEK: { onHand: 1 } });
    await fx.db.query(
      `INSERT INTO demand_daily (sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short, orders)
       VALUES ('H-1', $1, 'tmall', '2026-11-11', 9, 6, 3, 4), ('H-1', $1, 'jd', '2026-11-11', 2, 2, 0, 1),
              ('H-1', $2, 'tmall', '2026-11-12', 1, 1, 0, 1), ('H-2', $2, 'tmall', '2026-11-10', 5, 0, 5, 2)`,
      [fx.warehouses.SHA, fx.warehouses.PEK],
    );
  });
  afterAll(() => fx?.close());

  const ask = async (who: Principal, variables: Record<string, unknown>) => {
    statements = [];
    const contextValue = countingContext(fx.db, who, statements);
    const skus = ((variables.skus as string[]) ?? ['H-1', 'H-2']).map((sku) => ({ __typename: 'Product', sku }));
    const result = await graphql({ schema, source: HISTORY, contextValue, variableValues: { ...variables, skus } });
    return {
      data: result.data?._entities as { sku: string; demandHistory: Record<string, unknown>[] }[] | undefined,
      codes: (result.errors ?? []).map((e) => e.extensions.code ?? e.message),
    };
  };
  const range = { from: '2026-11-01', to: '2026-11-30' };

  it('gives each product its days, oldest first, in one statement for all products', async () => {
    const { data, codes } = await ask(staff, range);
    expect(codes).toEqual([]);
    expect(data!.map((p) => p.demandHistory.map((d) => `${d.day} ${d.channel} ${d.unitsDemanded}`))).toEqual([
      ['2026-11-11 jd 2', '2026-11-11 tmall 9', '2026-11-12 tmall 1'],
      ['2026-11-10 tmall 5'],
    ]);
    expect(data![0].demandHistory.find((d) => d.channel === 'tmall' && d.day === '2026-11-11')).toEqual({
      day: '2026-11-11',
      warehouseId: fx.warehouses.SHA,
      channel: 'tmall',
      unitsDemanded: 9,
      unitsFulfilled: 6,
      unitsShort: 3,
      orders: 4,
    });
    expect(statements.filter((s) => s.includes('demand_daily'))).toHaveLength(1);
  });

  it('filters by warehouse, channel and days; a channel-scoped caller sees only its channels', async () => {
    const days = async (who: Principal, vars: Record<string, unknown>) =>
      (await ask(who, { skus: ['H-1'], ...range, ...vars })).data![0].demandHistory.map((d) => `${d.day} ${d.channel}`);
    expect(await days(staff, { warehouseId: fx.warehouses.PEK })).toEqual(['2026-11-12 tmall']);
    expect(await days(staff, { channel: 'jd' })).toEqual(['2026-11-11 jd']);
    expect(await days(staff, { from: '2026-11-12', to: '2026-11-12' })).toEqual(['2026-11-12 tmall']);
    expect(await days(partner, {})).toEqual(['2026-11-11 tmall', '2026-11-12 tmall']);
    expect(await days(partner, { channel: 'jd' })).toEqual([]);
    expect(await days(staff, { warehouseId: 'not-a-warehouse' })).toEqual([]);
  });

  it('refuses a bad range and a caller without inventory:read', async () => {
    expect((await ask(staff, { from: '2026-11-31', to: '2026-12-01' })).codes).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    expect((await ask(staff, { from: '2026-12-02', to: '2026-12-01' })).codes).toContain('BAD_USER_INPUT');
    expect((await ask(staff, { from: '2024-01-01', to: '2026-12-01' })).codes).toContain('BAD_USER_INPUT');
    expect((await ask(outsider, range)).codes).toContain('FORBIDDEN');
  });
});
