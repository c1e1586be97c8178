import { parse } from 'csv-parse/sync';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { mintToken, staffToken } from '../support/auth';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { inventoryDriver } from './inventory-support';

const SUGGESTIONS = graphql(`
  query Replenishment($sku: ID, $warehouseId: ID) {
    replenishmentSuggestions(sku: $sku, warehouseId: $warehouseId) {
      sku warehouse { code } quantity orderBy neededBy arrivesBy reorderPointOn stockoutOn late urgency
      inputs { onHand reserved inbound position safetyStock reorderPoint leadTimeDays reviewDays horizonDemand
        forecastDays positionAtOrder coverDemand orderUpTo }
    }
  }
`);
const SUGGESTIONS_CSV = graphql(`
  query ReplenishmentCsv($sku: ID, $horizonDays: Int) { replenishmentSuggestionsCsv(sku: $sku, horizonDays: $horizonDays) }
`);

const DAY = 86_400_000;
const dayAfter = (n: number) => new Date(Math.floor(Date.now() / DAY) * DAY + n * DAY).toISOString().slice(0, 10);

describePlatformSuite('replenishment suggestions through the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });

  // The demo's year-end sale (the whole catalogue, 12 days on) would add to the planned demand this suite computes.
  beforeAll(() => db.query("UPDATE inventory.promotion SET cancelled_at = now(), cancelled_by = 'e2e'"));
  const suggestionsFor = async (sku: string, warehouseId: string) => {
    const result = await ask(SUGGESTIONS, { sku, warehouseId });
    expect(result.errors).toBeUndefined();
    return result.data!.replenishmentSuggestions;
  };

  /** A refit's result for one level, written as the forecast store keeps it: `daily` units a day for 60 days. */
  const writeForecast = async (sku: string, warehouseId: string, daily: number) => {
    await db.query(
      `INSERT INTO inventory.forecast_fit (sku, warehouse_id, model, level, history_days, mean_daily, error_sd,
         holdout_wape, first_day, fitted_at)
       VALUES ($1, $2, 'mstl', 0.8, 180, $3, 1, 0.2, $4, now())`,
      [sku, warehouseId, daily, dayAfter(0)],
    );
    await db.query(
      `INSERT INTO inventory.forecast_day (sku, warehouse_id, day, point, lower, upper)
       SELECT $1, $2, $3::date + t, $4::float8, $4::float8 * 0.5, $4::float8 * 1.5 FROM generate_series(0, 59) AS t`,
      [sku, warehouseId, dayAfter(0), daily],
    );
  };

  it('a SKU whose forecast runs past its stock gets a suggestion, with the reasons, also as CSV', async () => {
    const { sku, warehouseId, onHand, safetyStock } = await drive.freshSku(3);
    // Stock above safety stock and no forecast yet: nothing to order.
    expect(await suggestionsFor(sku, warehouseId)).toEqual([]);

    // Demand that empties the shelf in about ten days.
    const daily = Math.ceil(onHand / 10);
    await writeForecast(sku, warehouseId, daily);
    const [suggestion] = await suggestionsFor(sku, warehouseId);
    expect(suggestion).toMatchObject({
      sku,
      warehouse: { code: 'SHA' },
      stockoutOn: dayAfter(Math.floor(onHand / daily)),
      inputs: {
        onHand,
        reserved: 0,
        inbound: 0,
        position: onHand,
        safetyStock,
        reorderPoint: safetyStock + 7 * daily,
        leadTimeDays: 7,
        reviewDays: 7,
        horizonDemand: 30 * daily,
        forecastDays: 30,
        coverDemand: 14 * daily,
      },
    });
    // The order brings the position up to safety stock + two weeks of demand, and is due no later than needed.
    expect(suggestion.quantity).toBe(Math.ceil(safetyStock + 14 * daily - suggestion.inputs.positionAtOrder));
    expect(suggestion.orderBy <= suggestion.reorderPointOn && suggestion.orderBy <= suggestion.neededBy).toBe(true);
    expect(suggestion.late).toBe(suggestion.arrivesBy > suggestion.neededBy);

    // Reserved units count: an order placed for the SKU lowers the position.
    const order = await drive.place('webstore', [{ sku, quantity: 2 }]);
    await drive.status(order, 'ALLOCATED');
    const after = await eventually(async () => {
      const [now] = await suggestionsFor(sku, warehouseId);
      return now.inputs.reserved === 2 ? now : undefined;
    }, 'the suggestion seeing the reservation');
    expect(after.inputs.position).toBe(onHand - 2);

    const csv = await ask(SUGGESTIONS_CSV, { sku });
    expect(csv.errors).toBeUndefined();
    const rows = parse(csv.data!.replenishmentSuggestionsCsv, { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.warehouseId === warehouseId)).toEqual([
      expect.objectContaining({
        sku,
        warehouseCode: 'SHA',
        quantity: String(after.quantity),
        orderBy: after.orderBy,
        neededBy: after.neededBy,
        late: String(after.late),
        urgency: after.urgency,
        position: String(onHand - 2),
        reserved: '2',
      }),
    ]);
  });

  it('downloads the CSV from the gateway as a file, with the same access as the field', async () => {
    const { sku, warehouseId } = await drive.freshSku(3);
    await writeForecast(sku, warehouseId, 50);
    const download = (query: string, token?: string) =>
      fetch(new URL(`/exports/replenishment-suggestions.csv?${query}`, platform.gatewayUrl), {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const staff = await staffToken(platform.gateway);
    const file = await download(`sku=${sku}&horizonDays=20`, staff);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="replenishment-suggestions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await file.text();
    const field = await ask(SUGGESTIONS_CSV, { sku, horizonDays: 20 });
    expect(text).toBe(field.data!.replenishmentSuggestionsCsv);
    expect((parse(text, { columns: true }) as Record<string, string>[]).map((r) => r.warehouseId)).toContain(
      warehouseId,
    );

    const refused = async (response: Response) => ({
      status: response.status,
      codes: ((await response.json()) as { errors: { extensions?: { code?: string } }[] }).errors.map(
        (e) => e.extensions?.code,
      ),
    });
    expect(await refused(await download(`sku=${sku}`))).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    const ordersOnly = await mintToken(platform.gateway, { scopes: ['orders:read'] });
    expect(await refused(await download(`sku=${sku}`, ordersOnly))).toEqual({ status: 403, codes: ['FORBIDDEN'] });
    for (const query of ['horizonDays=0', 'horizonDays=soon', 'colour=red'])
      expect(await refused(await download(query, staff))).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
  });
});
