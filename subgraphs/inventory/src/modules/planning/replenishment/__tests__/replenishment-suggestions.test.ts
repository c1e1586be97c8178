import { countingContext } from '../../../../__tests__/request-context';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@supply-graph/shared';
import { ask, describeEachBackend, principal } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { pairKey, replaceForecasts, type StockPair } from '../../forecast/forecast-store';
import { plannedUplift } from '../../promotion/promotion-uplift';
import { inboundInTransit } from '../../transfer/in-transit';

// The two seams other parts fill: their real answers unless a test says otherwise.
jest.mock('../../promotion/promotion-uplift', () => {
  const actual = jest.requireActual('../../promotion/promotion-uplift');
  return { plannedUplift: jest.fn(actual.plannedUplift) };
});
jest.mock('../../transfer/in-transit', () => {
  const actual = jest.requireActual('../../transfer/in-transit');
  return { inboundInTransit: jest.fn(actual.inboundInTransit) };
});

const staff = principal('planner-1', null);
const outsider = principal('orders-only', null, ['orders:read']);
const partner = principal('tmall-connector', ['tmall'], ['inventory:read']);

const DAY = 86_400_000;
const today = () => new Date(Math.floor(Date.now() / DAY) * DAY).toISOString().slice(0, 10);
const dayAfter = (n: number) => new Date(Math.floor(Date.now() / DAY) * DAY + n * DAY).toISOString().slice(0, 10);

const FIELDS = `sku warehouseId quantity orderBy neededBy arrivesBy reorderPointOn stockoutOn late daysLate urgency
  inputs { onHand reserved inbound position safetyStock reorderPoint leadTimeDays reviewDays horizonDemand
    promotionDemand forecastDays positionAtOrder coverDemand orderUpTo }`;
const LIST = `query($warehouseId: ID, $sku: ID, $horizonDays: Int, $first: Int) {
  replenishmentSuggestions(warehouseId: $warehouseId, sku: $sku, horizonDays: $horizonDays, first: $first) {
    ${FIELDS} warehouse { code } product { name } } }`;
const CSV = `query($warehouseId: ID, $sku: ID, $horizonDays: Int, $first: Int) {
  replenishmentSuggestionsCsv(warehouseId: $warehouseId, sku: $sku, horizonDays: $horizonDays, first: $first) }`;

type Suggestion = Record<string, unknown> & { sku: string; inputs: Record<string, unknown> };

describeEachBackend('replenishmentSuggestions', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  let statements: string[];

  /** Ten units a day forecast for each pair, from today for `days` days; the fit's mean is ten too. */
  const forecast = async (pairs: StockPair[], days = 60) => {
    const first = today();
    await replaceForecasts(
      fx.db,
      pairs.map((p) => ({
        ...p,
        model: 'recent-mean',
        level: 0.8,
        historyDays: 90,
        meanDaily: 10,
        errorSd: 2,
        holdoutWape: 0.2,
        firstDay: first,
        fittedAt: new Date(),
      })),
      pairs.flatMap((p) =>
        Array.from({ length: days }, (_, t) => ({ ...p, day: dayAfter(t), point: 10, lower: 6, upper: 14 })),
      ),
    );
  };

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    const { SHA, PEK } = fx.warehouses;
    // Safety stock 30, ten a day: reorder point 30 + 7 x 10 = 100 (the targets' default lead time and review).
    await fx.addProduct('RP-LATE', {
      SHA: { onHand: 40, safetyStock: 30 },
      PEK: { onHand: 200, reserved: 20, safetyStock: 30 },
    });
    await fx.addProduct('RP-SOON', { SHA: { onHand: 150, safetyStock: 30 } });
    await fx.addProduct('RP-COVERED', { SHA: { onHand: 1000, safetyStock: 30 } });
    // No forecast at all, under its safety stock: refilled to it.
    await fx.addProduct('RP-BARE', { PEK: { onHand: 0, safetyStock: 5 } });
    await fx.db.query(`INSERT INTO product (sku, name, price, weight_grams) VALUES ('RP-QUOTE', $1, 10, 100)`, [
      'Tea "Longjing", 250 g 龙井',
    ]);
    await fx.db.query(
      `INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES ('RP-QUOTE', $1, 90, 0, 30)`,
      [SHA],
    );
    // Forty more SKUs in both warehouses with plenty: many pairs to read, none to suggest.
    await fx.db.query(
      `INSERT INTO product (sku, name, price, weight_grams)
       SELECT 'RP-BULK-' || i, 'bulk ' || i, 10, 100 FROM generate_series(10, 49) AS i`,
    );
    await fx.db.query(
      `INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock)
       SELECT 'RP-BULK-' || i, w, 5000, 0, 30 FROM generate_series(10, 49) AS i, unnest($1::uuid[]) AS w`,
      [[SHA, PEK]],
    );
    const bulk = Array.from({ length: 40 }, (_, i) => `RP-BULK-${i + 10}`);
    await forecast([
      { sku: 'RP-LATE', warehouseId: SHA },
      { sku: 'RP-LATE', warehouseId: PEK },
      { sku: 'RP-SOON', warehouseId: SHA },
      { sku: 'RP-COVERED', warehouseId: SHA },
      { sku: 'RP-QUOTE', warehouseId: SHA },
      ...bulk.flatMap((sku) => [SHA, PEK].map((warehouseId) => ({ sku, warehouseId }))),
    ]);
  });
  afterAll(() => fx?.close());

  const contextFor = (who: Principal) => {
    statements = [];
    return countingContext(fx.db, who, statements);
  };
  const list = async (variables: Record<string, unknown> = {}, who: Principal = staff) => {
    const answer = await ask(schema, contextFor(who), LIST, variables);
    expect(answer.errors.map((e) => e.message)).toEqual([]);
    return answer.data!.replenishmentSuggestions as Suggestion[];
  };
  const codes = async (source: string, variables: Record<string, unknown>, who: Principal = staff) =>
    (await ask(schema, contextFor(who), source, variables)).errors.map((e) => e.extensions.code);
  const line = (s: Suggestion) => `${s.sku}@${(s.warehouse as { code: string }).code} ${s.urgency} ${s.quantity}`;

  it('suggests what each level needs, most urgent first, from the stored forecast', async () => {
    const suggestions = await list();
    expect(suggestions.map(line)).toEqual([
      'RP-BARE@PEK LATE 5', // nothing on hand, no forecast: 7 days late to refill safety stock
      'RP-LATE@SHA LATE 130', // 40 on hand, 30 safety, 10 a day: 30 + 14 x 10 - 40
      'RP-QUOTE@SHA LATE 80', // 90 on hand: 30 + 140 - 90, a day late
      'RP-SOON@SHA SOON 60', // 150 on hand: reaches 100 at the end of day 4
      'RP-LATE@PEK PLANNED 60', // 180 available: reaches 100 at the end of day 7
    ]);
    expect(suggestions[1]).toMatchObject({
      sku: 'RP-LATE',
      warehouseId: fx.warehouses.SHA,
      orderBy: today(),
      reorderPointOn: today(),
      neededBy: dayAfter(1),
      arrivesBy: dayAfter(7),
      stockoutOn: dayAfter(4),
      late: true,
      daysLate: 6,
      product: { name: 'RP-LATE' },
      inputs: {
        onHand: 40,
        reserved: 0,
        inbound: 0,
        position: 40,
        safetyStock: 30,
        reorderPoint: 100,
        leadTimeDays: 7,
        reviewDays: 7,
        horizonDemand: 300,
        promotionDemand: 0,
        forecastDays: 30,
        positionAtOrder: 40,
        coverDemand: 140,
        orderUpTo: 170,
      },
    });
    expect(suggestions[4]).toMatchObject({ orderBy: dayAfter(7), neededBy: dayAfter(15), late: false });
  });

  it('filters by warehouse, SKU, horizon and count', async () => {
    const { PEK } = fx.warehouses;
    expect((await list({ warehouseId: PEK })).map(line)).toEqual(['RP-BARE@PEK LATE 5', 'RP-LATE@PEK PLANNED 60']);
    expect((await list({ sku: 'RP-LATE' })).map(line)).toEqual(['RP-LATE@SHA LATE 130', 'RP-LATE@PEK PLANNED 60']);
    // The PEK level reaches its reorder point on day 7, RP-SOON on day 4: outside a 4-day horizon.
    expect((await list({ horizonDays: 4 })).map((s) => s.sku)).toEqual(['RP-BARE', 'RP-LATE', 'RP-QUOTE']);
    expect((await list({ horizonDays: 5 })).map((s) => s.sku)).toContain('RP-SOON');
    expect((await list({ first: 2 })).map((s) => s.sku)).toEqual(['RP-BARE', 'RP-LATE']);
    expect(await list({ sku: 'RP-COVERED' })).toEqual([]);
    expect(await list({ warehouseId: randomUUID() })).toEqual([]);
  });

  it('reads in a few statements whatever the number of stock levels', async () => {
    await list({ sku: 'RP-SOON' });
    const forOne = statements.length;
    await list();
    // 85 levels, 5 suggestions with their warehouse and product: the same statements as for one level.
    expect(statements.length).toBe(forOne);
    // Suggestions 3, in transit 1, promotions 2, the dynamic targets 3.
    expect(forOne).toBeLessThanOrEqual(9);
  });

  it("counts units in transit and moves a suggestion earlier for a planned promotion's uplift", async () => {
    const { SHA } = fx.warehouses;
    const soon = { sku: 'RP-SOON', warehouseId: SHA };
    const before = (await list({ sku: 'RP-SOON' }))[0];
    expect(before).toMatchObject({ orderBy: dayAfter(4), reorderPointOn: dayAfter(4), quantity: 60 });

    // Three times the forecast tomorrow and the day after, both inside the lead time: the reorder point plans them
    // too (30 + 70 + 40 = 140), and 150 less today's 10 is at it already, so the order is due today. The targets
    // and the projection read the same promotions.
    const uplift = async (_db: unknown, pairs: readonly StockPair[]) =>
      new Map(
        pairs.some((p) => pairKey(p) === pairKey(soon))
          ? [
              [
                pairKey(soon),
                new Map([
                  [dayAfter(1), 3],
                  [dayAfter(2), 3],
                ]),
              ],
            ]
          : [],
      );
    jest.mocked(plannedUplift).mockClear().mockImplementation(uplift);
    const promoted = (await list({ sku: 'RP-SOON' }))[0];
    jest.mocked(plannedUplift).mockImplementation(jest.requireActual('../../promotion/promotion-uplift').plannedUplift);
    expect(promoted).toMatchObject({ orderBy: today(), reorderPointOn: today(), urgency: 'NOW' });
    expect(promoted.inputs).toMatchObject({ horizonDemand: 340, promotionDemand: 40, reorderPoint: 140 });
    // The uplift is asked for the horizon plus the longest lead time and review period: an order on day 29 covers
    // 14 days more.
    expect(jest.mocked(plannedUplift).mock.calls.map((c) => c.slice(2))).toContainEqual([today(), dayAfter(29 + 14)]);

    jest.mocked(inboundInTransit).mockImplementationOnce(async () => new Map([[pairKey(soon), 100]]));
    const inbound = (await list({ sku: 'RP-SOON' }))[0];
    expect(inbound).toMatchObject({ orderBy: dayAfter(14), quantity: 60, inputs: { inbound: 100, position: 250 } });
    jest.mocked(inboundInTransit).mockImplementationOnce(async () => new Map([[pairKey(soon), 400]]));
    expect(await list({ sku: 'RP-SOON' })).toEqual([]);
  });

  it('gives the same rows as CSV, quoted so they parse back', async () => {
    const answer = await ask(schema, contextFor(staff), CSV, {});
    expect(answer.errors).toEqual([]);
    const text = answer.data!.replenishmentSuggestionsCsv as string;
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const suggestions = await list();
    expect(rows).toEqual(
      suggestions.map(({ inputs, warehouse, product, ...s }) =>
        Object.fromEntries(
          Object.entries({
            ...s,
            ...inputs,
            productName: (product as { name: string }).name,
            warehouseCode: (warehouse as { code: string }).code,
          }).map(([k, v]) => [k, v === null ? '' : String(v)]),
        ),
      ),
    );
    expect(rows.find((r) => r.sku === 'RP-QUOTE')!.productName).toBe('Tea "Longjing", 250 g 龙井');
    expect(text.split('\r\n')[0]).toBe(
      'sku,productName,warehouseId,warehouseCode,quantity,orderBy,neededBy,arrivesBy,reorderPointOn,stockoutOn,late,' +
        'daysLate,urgency,onHand,reserved,inbound,position,safetyStock,reorderPoint,leadTimeDays,reviewDays,' +
        'horizonDemand,promotionDemand,forecastDays,positionAtOrder,coverDemand,orderUpTo',
    );
    // Nothing to suggest: the header alone.
    const empty = await ask(schema, contextFor(staff), CSV, { sku: 'RP-COVERED' });
    expect(parse(empty.data!.replenishmentSuggestionsCsv as string, { columns: true })).toEqual([]);
  });

  it('refuses bad arguments, a caller without inventory:read, and a caller limited to channels', async () => {
    for (const variables of [
      { horizonDays: 0 },
      { horizonDays: 91 },
      { first: 0 },
      { first: 1001 },
      { warehouseId: 'not-a-warehouse' },
      { sku: 'x'.repeat(65) },
    ]) {
      expect(await codes(LIST, variables)).toEqual(['BAD_USER_INPUT']);
      expect(await codes(CSV, variables)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await codes(LIST, {}, outsider)).toEqual(['FORBIDDEN']);
    expect(await codes(CSV, {}, outsider)).toEqual(['FORBIDDEN']);
    // Planned demand is every channel's: a channel's connector does not see it.
    expect(await codes(LIST, {}, partner)).toEqual(['FORBIDDEN']);
    expect(await codes(CSV, {}, partner)).toEqual(['FORBIDDEN']);
  });
});
