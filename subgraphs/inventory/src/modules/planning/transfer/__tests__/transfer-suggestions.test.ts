import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '@supply-graph/shared/testing';
import {
  pairKey,
  replaceForecasts,
  type StockPair,
  type StoredFit,
  type StoredForecastDay,
} from '../../forecast/forecast-store';
import { plannedUplift } from '../../promotion/promotion-uplift';
import { planningTargets, type PlanningTargets } from '../../safety-stock/planning-targets';
import { transferService } from '../transfer.service';
import { caller, startTransferDb, type TransferFixture } from './transfer-fixture';

// The two seams other planning parts fill are set by each test: what promotions add, and each level's safety stock.
jest.mock('../../promotion/promotion-uplift', () => ({ plannedUplift: jest.fn() }));
jest.mock('../../safety-stock/planning-targets', () => ({ planningTargets: jest.fn() }));
const uplift = plannedUplift as jest.MockedFunction<typeof plannedUplift>;
// Only the fields transfer suggestions read: the detail a real planningTargets adds is not part of this seam.
const targets = planningTargets as unknown as jest.MockedFunction<
  (db: unknown, pairs: readonly StockPair[]) => Promise<Map<string, PlanningTargets>>
>;

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const today = Math.floor(Date.now() / DAY) * DAY;

const SUGGEST = `query($sku: ID, $days: Int) { transferSuggestions(sku: $sku, days: $days) {
  sku quantity distanceKm unitKm destinationDemand destinationSupply sourceSurplus reason
  fromWarehouse { code } toWarehouse { code } } }`;

interface Suggestion {
  sku: string;
  quantity: number;
  fromWarehouse: { code: string };
  toWarehouse: { code: string };
  destinationDemand: number;
  destinationSupply: number;
  sourceSurplus: number;
}

describeEachBackend('transfer suggestions from stored forecasts', (backend) => {
  let fx: TransferFixture;
  let site: Record<'SHA' | 'PEK' | 'NKG', string>;
  const safety = new Map<string, number>();

  beforeAll(async () => {
    fx = await startTransferDb(backend);
    const NKG = randomUUID();
    await fx.db.query(
      `INSERT INTO warehouse (id, code, name, region, city, latitude, longitude)
       VALUES ($1, 'NKG', 'Nanjing DC', 'East China', 'Nanjing', 32.06, 118.8)`,
      [NKG],
    );
    site = { ...fx.warehouses, NKG };
  });
  beforeEach(() => {
    uplift.mockResolvedValue(new Map());
    targets.mockImplementation(async (_db, pairs: readonly StockPair[]) => {
      const found = new Map<string, PlanningTargets>();
      for (const p of pairs) {
        const safetyStock = safety.get(pairKey(p)) ?? 0;
        found.set(pairKey(p), { safetyStock, reorderPoint: safetyStock, leadTimeDays: 7, reviewDays: 7 });
      }
      return found;
    });
  });
  afterAll(() => fx?.close());

  /** A SKU with on-hand units, a safety stock and a flat daily forecast per warehouse (30 days from today). */
  async function scenario(sku: string, levels: Partial<Record<'SHA' | 'PEK' | 'NKG', [number, number, number]>>) {
    await fx.db.query(`INSERT INTO product (sku, name, price, weight_grams) VALUES ($1, $1, 10, 100)`, [sku]);
    const fits: StoredFit[] = [];
    const days: StoredForecastDay[] = [];
    for (const [code, [onHand, safetyStock, perDay]] of Object.entries(levels) as [
      'SHA' | 'PEK' | 'NKG',
      [number, number, number],
    ][]) {
      const warehouseId = site[code];
      await fx.db.query(
        'INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES ($1, $2, $3, 0, $4)',
        [sku, warehouseId, onHand, safetyStock],
      );
      await fx.db.query(
        `INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason) VALUES ($1, $2, 'RECEIVE', $3, 'opening')`,
        [sku, warehouseId, onHand],
      );
      safety.set(pairKey({ sku, warehouseId }), safetyStock);
      if (perDay === 0) continue;
      fits.push({
        sku,
        warehouseId,
        model: 'recent-mean',
        level: 0.8,
        historyDays: 120,
        meanDaily: perDay,
        errorSd: 1,
        holdoutWape: 0.2,
        firstDay: dayOf(today),
        fittedAt: new Date(),
      });
      for (let i = 0; i < 30; i += 1)
        days.push({ sku, warehouseId, day: dayOf(today + i * DAY), point: perDay, lower: 0, upper: perDay * 2 });
    }
    await fx.db.transaction((em) => replaceForecasts(em, fits, days));
  }

  const suggest = async (variables: Record<string, unknown>) => {
    const { data, codes } = await fx.ask(SUGGEST, variables);
    expect(codes).toEqual([]);
    return (data!.transferSuggestions as Suggestion[]).map((s) => ({
      ...s,
      move: `${s.fromWarehouse.code}->${s.toWarehouse.code} ${s.quantity}`,
    }));
  };

  it('a short warehouse gets its units from the nearest surplus first, each source keeping its own needs', async () => {
    // SHA: 5 on hand, needs 10 a day. NKG (near): 60, keeps 5 + 14. PEK (far): 200, keeps 10 + 28.
    await scenario('SG-1', { SHA: [5, 0, 10], NKG: [60, 5, 1], PEK: [200, 10, 2] });
    const found = await suggest({ sku: 'SG-1', days: 14 });
    expect(found.map((s) => s.move)).toEqual(['NKG->SHA 41', 'PEK->SHA 94']);
    expect(found[0]).toMatchObject({ destinationDemand: 140, destinationSupply: 5, sourceSurplus: 41 });
    expect(found[1].sourceSurplus).toBe(162);
    // Fewer days, less demand: the near warehouse covers it alone.
    expect((await suggest({ sku: 'SG-1', days: 3 })).map((s) => s.move)).toEqual(['NKG->SHA 25']);
  });

  it('units already on their way count for the destination, and leave the source', async () => {
    await scenario('SG-2', { SHA: [5, 0, 10], NKG: [60, 5, 1], PEK: [200, 10, 2] });
    const sent = await transferService.send(fx.ctx(), {
      sku: 'SG-2',
      fromWarehouseId: site.PEK,
      toWarehouseId: site.SHA,
      quantity: 50,
      reason: 'following the suggestion',
    });
    const found = await suggest({ sku: 'SG-2', days: 14 });
    expect(found.map((s) => s.move)).toEqual(['NKG->SHA 41', 'PEK->SHA 44']);
    expect(found[0]).toMatchObject({ destinationSupply: 55, sourceSurplus: 41 });
    expect(found[1].sourceSurplus).toBe(112);
    await transferService.receive(fx.ctx(), sent.id, null);
    expect((await suggest({ sku: 'SG-2', days: 14 })).map((s) => s.move)).toEqual(['NKG->SHA 41', 'PEK->SHA 44']);
  });

  it("planned promotions raise a warehouse's demand through the uplift seam", async () => {
    await scenario('SG-3', { SHA: [100, 0, 10], PEK: [200, 0, 2] });
    expect(await suggest({ sku: 'SG-3', days: 7 })).toEqual([]);
    // A promotion tripling SHA's demand on the first five days: 5 x 30 + 2 x 10 = 170 against 100.
    uplift.mockResolvedValue(
      new Map([
        [
          pairKey({ sku: 'SG-3', warehouseId: site.SHA }),
          new Map([0, 1, 2, 3, 4].map((i) => [dayOf(today + i * DAY), 3])),
        ],
      ]),
    );
    const found = await suggest({ sku: 'SG-3', days: 7 });
    expect(found.map((s) => s.move)).toEqual(['PEK->SHA 70']);
    expect(found[0].destinationDemand).toBe(170);
    expect(uplift).toHaveBeenCalledWith(expect.anything(), expect.any(Array), dayOf(today), dayOf(today + 6 * DAY));
  });

  it('every SKU at once, none without a shortfall; a level below its safety stock is short even without demand', async () => {
    await scenario('SG-4', { SHA: [2, 8, 0], PEK: [50, 0, 0] });
    const all = await suggest({ days: 7 });
    expect(new Set(all.map((s) => s.sku))).toEqual(new Set(['SG-1', 'SG-2', 'SG-4']));
    expect(all.filter((s) => s.sku === 'SG-4').map((s) => s.move)).toEqual(['PEK->SHA 6']);
    expect(all.map((s) => s.sku)).toEqual([...all.map((s) => s.sku)].sort());
  });

  it('refuses days outside 1..90 and a caller without inventory:read', async () => {
    for (const days of [0, 91]) expect((await fx.ask(SUGGEST, { days })).codes).toEqual(['BAD_USER_INPUT']);
    expect((await fx.ask(SUGGEST, {}, caller('orders-only', ['orders:read']))).codes).toEqual(['FORBIDDEN']);
  });
});
