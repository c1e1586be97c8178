import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { inventoryDriver } from './inventory-support';

const HISTORY = graphql(`
  query DemandHistory($sku: ID!, $from: String, $to: String) {
    product(sku: $sku) {
      demandHistory(from: $from, to: $to) { day warehouseId channel unitsDemanded unitsFulfilled unitsShort orders }
    }
  }
`);

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

describePlatformSuite('demand history through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });
  const history = async (sku: string, from: string, to: string) => {
    const result = await ask(HISTORY, { sku, from, to });
    expect(result.errors).toBeUndefined();
    return result.data!.product!.demandHistory;
  };

  it('the seeded orders have their history, as the table holds it', async () => {
    const [busiest] = await db.rows<{ sku: string; units: number }>(
      `SELECT sku, sum(units_demanded)::int AS units FROM inventory.demand_daily GROUP BY sku ORDER BY 2 DESC, 1
       LIMIT 1`,
    );
    expect(busiest.units).toBeGreaterThan(0);
    const days = await history(busiest.sku, dayOf(Date.now() - 200 * DAY), dayOf(Date.now()));
    expect(days.reduce((n, d) => n + d.unitsDemanded, 0)).toBe(busiest.units);
    expect(days.every((d) => d.unitsDemanded === d.unitsFulfilled + d.unitsShort)).toBe(true);
  });

  it("an allocated order and a backordered one land on today's row: met and unmet", async () => {
    const { sku, warehouseId } = await drive.freshSku(2);
    const today = dayOf(Date.now());
    // The seed may have sold the SKU today already: the row grows by exactly these two orders.
    const mine = async () =>
      (await history(sku, today, today)).find((d) => d.channel === 'webstore' && d.warehouseId === warehouseId);
    const before = (await mine()) ?? { unitsDemanded: 0, unitsFulfilled: 0, unitsShort: 0, orders: 0 };
    const met = await drive.place('webstore', [{ sku, quantity: 2 }]);
    await drive.status(met, 'ALLOCATED');
    const total = await drive.sellable(sku);
    const waiting = await drive.place('webstore', [{ sku, quantity: total + 3 }]);
    await drive.status(waiting, 'BACKORDERED');
    const row = await eventually(async () => {
      const now = await mine();
      return now && now.orders === before.orders + 2 ? now : undefined;
    }, "today's demand row");
    expect(row).toEqual({
      day: today,
      warehouseId,
      channel: 'webstore',
      unitsDemanded: before.unitsDemanded + total + 5,
      unitsFulfilled: before.unitsFulfilled + 2,
      unitsShort: before.unitsShort + total + 3,
      orders: before.orders + 2,
    });
  });
});
