import { describePlatformSuite } from '../support/backends';
import { mintToken } from '../support/auth';
import { graphql } from '../generated/suites';
import { dataOf } from '../support/graphql';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const REFIT = graphql(`
  mutation ForecastRefit($skus: [ID!]) {
    refitForecasts(skus: $skus) { status fitted byModel { model series } holdoutWape fittedAt durationMs }
  }
`);

const FORECAST = graphql(`
  query ProductForecast($sku: ID!, $days: Int) {
    product(sku: $sku) {
      forecast(days: $days) {
        warehouseId model level fittedAt holdoutWape errorSd days { date baseline point lower upper uplift }
      }
      stockLevels {
        warehouse { id }
        available
        forecastDemand(days: $days)
        daysOfCover
      }
    }
  }
`);

const AT_WAREHOUSE = graphql(`
  query ProductForecastAt($sku: ID!, $warehouseId: ID!, $days: Int) {
    product(sku: $sku) {
      forecast(warehouseId: $warehouseId, days: $days) { model fittedAt errorSd days { date point lower upper } }
    }
  }
`);

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

describePlatformSuite('demand forecasts through the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const busiest = async () => {
    const [row] = await db.rows<{ sku: string }>(
      'SELECT sku FROM inventory.demand_daily GROUP BY sku ORDER BY sum(units_demanded) DESC, sku LIMIT 1',
    );
    return row.sku;
  };

  it('no forecast before a refit; refitForecasts fits every stock level, then Product.forecast reads it', async () => {
    const sku = await busiest();
    expect(dataOf(await ask(FORECAST, { sku, days: 14 })).product!.forecast).toBeNull();

    const [{ levels }] = await db.rows<{ levels: number }>('SELECT count(*)::int AS levels FROM inventory.stock_level');
    // The whole catalogue may take longer than a request: then the answer says RUNNING and the fits land later.
    const refit = dataOf(await ask(REFIT, {})).refitForecasts;
    expect(Date.now() - Date.parse(refit.fittedAt)).toBeLessThan(5 * 60_000);
    if (refit.status === 'DONE') {
      expect(refit.fitted).toBe(levels);
      expect(refit.byModel.reduce((n, m) => n + m.series, 0)).toBe(levels);
    } else expect(refit).toMatchObject({ status: 'RUNNING', fitted: null, byModel: [] });
    const product = await eventually(
      async () => {
        const answer = dataOf(await ask(FORECAST, { sku, days: 14 })).product!;
        return answer.forecast?.fittedAt === refit.fittedAt ? answer : undefined;
      },
      'the refit stored',
      60_000,
    );
    const [{ fitted }] = await db.rows<{ fitted: number }>(
      'SELECT count(*)::int AS fitted FROM inventory.forecast_fit WHERE fitted_at = $1',
      [refit.fittedAt],
    );
    expect(fitted).toBe(levels);
    const total = product.forecast!;
    expect(total).toMatchObject({ warehouseId: null, level: 0.8, fittedAt: refit.fittedAt });
    expect(total.days.map((d) => d.date)).toEqual(Array.from({ length: 14 }, (_, i) => dayOf(Date.now() + i * DAY)));
    expect(total.days.every((d) => d.lower >= 0 && d.lower <= d.point && d.point <= d.upper)).toBe(true);
    // The plan is the baseline times the planned promotions' uplift.
    for (const d of total.days) expect(d.point).toBeCloseTo(d.baseline * d.uplift, 9);

    // The total is the warehouses' sum; a stock level's planned demand is its warehouse's forecast.
    const levelsOfSku = product.stockLevels;
    expect(levelsOfSku.length).toBeGreaterThan(0);
    const perWarehouse = await Promise.all(
      levelsOfSku.map(async (level) => {
        const one = dataOf(await ask(AT_WAREHOUSE, { sku, warehouseId: level.warehouse.id, days: 14 })).product!
          .forecast!;
        const planned = one.days.reduce((n, d) => n + d.point, 0);
        expect(level.forecastDemand).toBeCloseTo(planned, 9);
        if (planned > 0) expect(level.daysOfCover).toBeGreaterThanOrEqual(0);
        else expect(level.daysOfCover).toBeNull();
        return one;
      }),
    );
    total.days.forEach((d, i) => {
      expect(d.point).toBeCloseTo(
        perWarehouse.reduce((n, w) => n + w.days[i].point, 0),
        9,
      );
    });
    expect(total.errorSd).toBeCloseTo(Math.sqrt(perWarehouse.reduce((n, w) => n + w.errorSd ** 2, 0)), 9);
  }, 120_000);

  it('refits only the SKUs asked for; the others keep their fit', async () => {
    const sku = await busiest();
    const [other] = await db.rows<{ sku: string }>(
      'SELECT sku FROM inventory.stock_level WHERE sku <> $1 ORDER BY sku LIMIT 1',
      [sku],
    );
    const before = dataOf(await ask(FORECAST, { sku: other.sku, days: 1 })).product!.forecast!;
    const refit = dataOf(await ask(REFIT, { skus: [sku] })).refitForecasts;
    expect(refit.status).toBe('DONE');
    const [{ levels }] = await db.rows<{ levels: number }>(
      'SELECT count(*)::int AS levels FROM inventory.stock_level WHERE sku = $1',
      [sku],
    );
    expect(refit.fitted).toBe(levels);
    expect(dataOf(await ask(FORECAST, { sku, days: 1 })).product!.forecast!.fittedAt).toBe(refit.fittedAt);
    expect(dataOf(await ask(FORECAST, { sku: other.sku, days: 1 })).product!.forecast!.fittedAt).toBe(before.fittedAt);
  }, 60_000);

  it('reading takes inventory:read and refitting inventory:write; no token gets nothing; days are 1-90', async () => {
    const sku = await busiest();
    const planner = `Bearer ${await mintToken(platform.gateway, { sub: 'planner', scopes: ['inventory:read'] })}`;
    expect(dataOf(await ask(FORECAST, { sku, days: 3 }, { authorization: planner })).product!.forecast).not.toBeNull();
    const refused = await ask(REFIT, { skus: [sku] }, { authorization: planner });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(refused.data?.refitForecasts ?? null).toBeNull();

    const anonymous = await ask(FORECAST, { sku, days: 3 }, { authorization: '' });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data ?? null).toBeNull();

    for (const days of [0, 91]) {
      const bad = await ask(FORECAST, { sku, days });
      expect(bad.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
    }
  }, 60_000);
});
