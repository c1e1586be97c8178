import { countingContext } from '../../../../__tests__/request-context';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { SCOPES, type Principal } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { plannedUplift } from '../../promotion/promotion-uplift';
import { replaceForecasts, type StoredFit, type StoredForecastDay } from '../forecast-store';
import { closeSharedForecastPool } from '../shared-forecast-pool';

// Promotions are another part's: here one is planned for F-1 at SHA tomorrow, doubling its demand.
jest.mock('../../promotion/promotion-uplift', () => ({ plannedUplift: jest.fn() }));
const uplift = plannedUplift as jest.MockedFunction<typeof plannedUplift>;

const caller = (sub: string, channels: string[] | null, scopes: readonly string[] = SCOPES): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels,
  kind: 'client',
});
const staff = caller('staff-1', null);
const reader = caller('planner', null, ['inventory:read']);
const partner = caller('tmall-connector', ['tmall'], ['inventory:read']);
const outsider = caller('orders-only', null, ['orders:read']);
const stranger = caller('nobody', null, []);

const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const T0 = new Date('2026-11-20T03:00:00Z');
const T1 = new Date('2026-11-21T03:00:00Z');

const FORECAST = `query($skus: [_Any!]!, $warehouseId: ID, $days: Int) {
  _entities(representations: $skus) { ... on Product { sku
    forecast(warehouseId: $warehouseId, days: $days) {
      warehouseId model level fittedAt holdoutWape errorSd days { date baseline point lower upper uplift } } } } }`;
const LEVELS = `query($skus: [_Any!]!, $days: Int) {
  _entities(representations: $skus) { ... on Product { sku
    stockLevels { warehouse { code } available forecastDemand(days: $days) daysOfCover } } } }`;
const REFIT = `mutation($only: [ID!]) { refitForecasts(skus: $only) {
  status fitted byModel { model series } holdoutWape fittedAt durationMs } }`;

describeEachBackend('forecast fields', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  let statements: string[];

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    await fx.addProduct('F-1', { SHA: { onHand: 100 }, PEK: { onHand: 0 } });
    await fx.addProduct('F-2', { SHA: { onHand: 60 } });
    await fx.addProduct('F-3', { PEK: { onHand: 5 } });
    const { SHA, PEK } = fx.warehouses;
    const fit = (sku: string, warehouseId: string, f: Partial<StoredFit>): StoredFit => ({
      sku,
      warehouseId,
      model: 'mstl-ets',
      level: 0.8,
      historyDays: 180,
      meanDaily: 10,
      errorSd: 3,
      holdoutWape: 0.2,
      firstDay: dayOf(today),
      fittedAt: T1,
      ...f,
    });
    const days = (sku: string, warehouseId: string, count: number, point: number, half: number) =>
      Array.from(
        { length: count },
        (_, i): StoredForecastDay => ({
          sku,
          warehouseId,
          day: dayOf(today + i * DAY),
          point,
          lower: point - half,
          upper: point + half,
        }),
      );
    await fx.db.transaction((m) =>
      replaceForecasts(
        m,
        [
          fit('F-1', SHA, {}),
          fit('F-1', PEK, { model: 'recent-mean', errorSd: 4, holdoutWape: 0.4, meanDaily: 5, fittedAt: T0 }),
          // An old fit: 10 days left of it.
          fit('F-2', SHA, { meanDaily: 4, holdoutWape: null }),
        ],
        [...days('F-1', SHA, 90, 10, 4), ...days('F-1', PEK, 90, 5, 3), ...days('F-2', SHA, 10, 4, 2)],
      ),
    );
  });
  beforeEach(() => {
    uplift.mockReset();
    uplift.mockResolvedValue(new Map([[`F-1@${fx.warehouses.SHA}`, new Map([[dayOf(today + DAY), 2]])]]));
  });
  afterAll(async () => {
    await closeSharedForecastPool();
    await fx?.close();
  });

  const run = async (who: Principal, source: string, variables: Record<string, unknown>, deadline?: number) => {
    statements = [];
    const scope = deadline === undefined ? undefined : { signal: new AbortController().signal, deadline };
    const contextValue = countingContext(fx.db, who, statements, scope);
    const skus = ((variables.skus as string[]) ?? ['F-1', 'F-2', 'F-3']).map((sku) => ({ __typename: 'Product', sku }));
    const result = await graphql({ schema, source, contextValue, variableValues: { ...variables, skus } });
    return { data: result.data, codes: (result.errors ?? []).map((e) => e.extensions.code ?? e.message) };
  };
  type Forecast = { days: Record<string, number | string>[] } & Record<string, unknown>;
  const forecasts = async (who: Principal, variables: Record<string, unknown>) => {
    const { data, codes } = await run(who, FORECAST, variables);
    expect(codes).toEqual([]);
    return (data!._entities as { forecast: Forecast | null }[]).map((p) => p.forecast);
  };

  it('gives a warehouse forecast from today, planned promotions applied, in one statement for all products', async () => {
    const [f1, f2, f3] = await forecasts(reader, { warehouseId: fx.warehouses.SHA, days: 5 });
    expect(statements.filter((s) => s.includes('forecast_fit'))).toHaveLength(1);
    expect(f1).toMatchObject({
      warehouseId: fx.warehouses.SHA,
      model: 'mstl-ets',
      level: 0.8,
      fittedAt: T1.toISOString(),
      holdoutWape: 0.2,
      errorSd: 3,
    });
    expect(f1!.days).toEqual([
      { date: dayOf(today), baseline: 10, point: 10, lower: 6, upper: 14, uplift: 1 },
      { date: dayOf(today + DAY), baseline: 10, point: 20, lower: 12, upper: 28, uplift: 2 },
      ...[2, 3, 4].map((i) => ({
        date: dayOf(today + i * DAY),
        baseline: 10,
        point: 10,
        lower: 6,
        upper: 14,
        uplift: 1,
      })),
    ]);
    expect(f2!.days).toHaveLength(5);
    expect(f3).toBeNull();
    // 30 days unless asked; an old fit has what is left of its days.
    const [month, old] = await forecasts(reader, { warehouseId: fx.warehouses.SHA });
    expect(month!.days).toHaveLength(30);
    expect(old!.days).toHaveLength(10);
  });

  it('sums over the warehouses: points add, half-widths and error sigmas in quadrature', async () => {
    const [f1] = await forecasts(reader, { skus: ['F-1'], days: 3 });
    expect(f1).toMatchObject({ warehouseId: null, model: 'mixed', fittedAt: T0.toISOString(), errorSd: 5 });
    expect(f1!.holdoutWape).toBeCloseTo((0.2 * 10 + 0.4 * 5) / 15, 12);
    expect(f1!.days[0]).toEqual({ date: dayOf(today), baseline: 15, point: 15, lower: 9.5, upper: 20, uplift: 1 });
    // Tomorrow SHA's half-width doubles with its demand: sqrt(8^2 + 3^2).
    expect(f1!.days[1]).toMatchObject({ baseline: 15, point: 25, uplift: 25 / 15 });
    expect(f1!.days[1].upper).toBeCloseTo(25 + Math.sqrt(73), 12);
    expect(f1!.days[1].lower).toBeCloseTo(25 - Math.sqrt(73) - 0.5, 12);
  });

  it('a stock level: planned units over the next days, and how many days its available units cover', async () => {
    const { data, codes } = await run(reader, LEVELS, { skus: ['F-1', 'F-2', 'F-3'], days: 5 });
    expect(codes).toEqual([]);
    expect(statements.filter((s) => s.includes('forecast_fit'))).toHaveLength(1);
    const levels = (data!._entities as { stockLevels: Record<string, unknown>[] }[]).flatMap((p) => p.stockLevels);
    expect(levels).toEqual(
      expect.arrayContaining([
        // 10 a day, 20 tomorrow: 100 units last through the ninth day.
        { warehouse: { code: 'SHA' }, available: 100, forecastDemand: 60, daysOfCover: 9 },
        { warehouse: { code: 'PEK' }, available: 0, forecastDemand: 25, daysOfCover: 0 },
        // 4 a day for the 10 days left of the fit (40), then at their mean: 20 more units, 5 more days.
        { warehouse: { code: 'SHA' }, available: 60, forecastDemand: 20, daysOfCover: 15 },
        { warehouse: { code: 'PEK' }, available: 5, forecastDemand: null, daysOfCover: null },
      ]),
    );
    expect(levels).toHaveLength(4);
  });

  it('a caller scoped to channels sees no forecast; one without inventory:read is refused', async () => {
    expect(await forecasts(partner, { skus: ['F-1'] })).toEqual([null]);
    for (const who of [outsider, stranger]) {
      const { data, codes } = await run(who, FORECAST, { skus: ['F-1'] });
      expect(codes).toEqual(['FORBIDDEN']);
      expect(data?._entities).toEqual([{ sku: 'F-1', forecast: null }]);
    }
    expect((await run(outsider, LEVELS, { skus: ['F-1'] })).codes).toContain('FORBIDDEN');
    expect((await run(reader, REFIT, { only: ['F-1'] })).codes).toEqual(['FORBIDDEN']);
  });

  it('refuses days outside 1-90; a warehouse id that names no warehouse has no forecast', async () => {
    for (const days of [0, 91, -3])
      expect((await run(reader, FORECAST, { skus: ['F-1'], days })).codes).toEqual(['BAD_USER_INPUT']);
    expect((await run(reader, LEVELS, { skus: ['F-1'], days: 91 })).codes).toContain('BAD_USER_INPUT');
    expect(await forecasts(reader, { skus: ['F-1'], warehouseId: 'not-a-warehouse' })).toEqual([null]);
    expect(await forecasts(reader, { skus: ['F-1'], warehouseId: randomUUID() })).toEqual([null]);
  });

  it('refitForecasts refits the SKUs asked for, and the forecast reads the new fit', async () => {
    await fx.db.query(
      `INSERT INTO demand_daily (sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short, orders)
       SELECT 'F-3', $1, 'webstore', $2::date - n, 3 + n % 7, 3 + n % 7, 0, 1 FROM generate_series(1, 60) n`,
      [fx.warehouses.PEK, dayOf(today)],
    );
    const { data, codes } = await run(staff, REFIT, { only: ['F-3'] });
    expect(codes).toEqual([]);
    const refit = data!.refitForecasts as Record<string, unknown>;
    expect(refit).toMatchObject({ status: 'DONE', fitted: 1, byModel: [{ model: expect.any(String), series: 1 }] });
    expect(refit.holdoutWape).toBeGreaterThan(0);
    const [f3] = await forecasts(reader, { skus: ['F-3'], warehouseId: fx.warehouses.PEK, days: 90 });
    expect(f3).toMatchObject({ fittedAt: refit.fittedAt, holdoutWape: refit.holdoutWape });
    expect(f3!.days).toHaveLength(90);
    // F-1's stored fits were not touched.
    expect((await forecasts(reader, { skus: ['F-1'] }))[0]).toMatchObject({ fittedAt: T0.toISOString() });
  }, 60_000);

  it('answers RUNNING before the deadline of a refit that has to wait; asking again joins it; it lands later', async () => {
    // Another replica's refit holds the lock.
    const other = fx.db.createQueryRunner();
    await other.query("SELECT pg_advisory_lock(hashtext(current_schema() || '.forecast-refit'))");
    try {
      const ask = async () => {
        const started = Date.now();
        const { data, codes } = await run(staff, REFIT, { only: ['F-2'] }, Date.now() + 1500);
        expect(codes).toEqual([]);
        expect(Date.now() - started).toBeLessThan(1400);
        return data!.refitForecasts as Record<string, unknown>;
      };
      const first = await ask();
      expect(first).toMatchObject({ status: 'RUNNING', fitted: null, byModel: [], holdoutWape: null });
      expect((await ask()).fittedAt).toBe(first.fittedAt);
      expect((await forecasts(reader, { skus: ['F-2'], warehouseId: fx.warehouses.SHA }))[0]!.fittedAt).not.toBe(
        first.fittedAt,
      );
      await other.query("SELECT pg_advisory_unlock(hashtext(current_schema() || '.forecast-refit'))");
      for (let i = 0; i < 100; i += 1) {
        const [f2] = await forecasts(reader, { skus: ['F-2'], warehouseId: fx.warehouses.SHA });
        if (f2!.fittedAt === first.fittedAt) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the refit never landed');
    } finally {
      await other.release();
    }
  }, 60_000);
});
