import { describeEachBackend } from '@supply-graph/shared/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';
import { inventoryDriver, type Sql } from './inventory-support';

const ALERTS = `query($open: Boolean) { stockAlerts(open: $open) { id kind sku warehouse { code } message openedAt closedAt } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id, reason: "out of patience") { status } }`;
const ADJUST = `mutation($sku: ID!, $w: ID!, $d: Int!) { adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: "supplier delivery") { available } }`;

interface Alert {
  id: string;
  kind: string;
  sku: string;
  warehouse: { code: string } | null;
  message: string;
  openedAt: string;
  closedAt: string | null;
}

describeEachBackend('stock alerts through the gateway', (backend) => {
  let platform: TestPlatform;
  let db: Sql;
  const drive = inventoryDriver(
    () => platform,
    () => db,
  );
  const alerts = async (open: boolean | null, sku: string) => {
    const result = await drive.ask<{ stockAlerts: Alert[] }>(ALERTS, { open });
    expect(result.errors).toBeUndefined();
    return result.data!.stockAlerts.filter((a) => a.sku === sku);
  };

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { customers: 30, orders: 60 });
    db = await sqlClient(platform.databaseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  it('an order that eats into the safety stock raises one LOW_STOCK alert; cancelling it closes the alert', async () => {
    const { sku, available, safetyStock } = await drive.freshSku(
      5,
      's.safety_stock >= 2 AND s.on_hand - s.reserved - s.safety_stock > s.safety_stock',
    );
    expect(await alerts(true, sku)).toEqual([]);
    // Leaves one unit less available than the safety stock.
    const big = await drive.place('webstore', [{ sku, quantity: available - safetyStock + 1 }]);
    await drive.status(big, 'ALLOCATED');
    const [raised] = await eventually(async () => {
      const open = await alerts(true, sku);
      return open.length ? open : undefined;
    }, 'a LOW_STOCK alert');
    expect(raised).toMatchObject({ kind: 'LOW_STOCK', warehouse: { code: 'SHA' }, closedAt: null });
    expect(raised.message).toBe(
      `${sku}: ${safetyStock - 1} unit(s) available at SHA, below the safety stock of ${safetyStock}`,
    );

    // Still low after another order: the same alert stays the only one.
    const small = await drive.place('webstore', [{ sku, quantity: 1 }]);
    await drive.status(small, 'ALLOCATED');
    expect((await alerts(true, sku)).map((a) => a.id)).toEqual([raised.id]);

    expect((await drive.ask<{ cancelOrder: { status: string } }>(CANCEL, { id: big })).data!.cancelOrder.status).toBe(
      'CANCELLED',
    );
    await eventually(async () => ((await alerts(true, sku)).length === 0 ? true : undefined), 'the alert closed');
    const [closed] = await alerts(false, sku);
    expect(closed).toMatchObject({ id: raised.id, kind: 'LOW_STOCK' });
    expect(new Date(closed.closedAt!).getTime()).toBeGreaterThanOrEqual(new Date(raised.openedAt).getTime());
    expect((await alerts(null, sku)).map((a) => a.id)).toEqual([raised.id]);
  });

  it('backorders wanting more than every warehouse has raise DEMAND_EXCEEDS_SUPPLY; a delivery that fills them closes it', async () => {
    const { sku, warehouseId } = await drive.freshSku(1);
    const [{ total }] = await db.rows<{ total: number }>(
      'SELECT sum(greatest(on_hand - reserved - safety_stock, 0))::int AS total FROM inventory.stock_level WHERE sku = $1',
      [sku],
    );
    const waiting = await drive.place('webstore', [{ sku, quantity: total + 5 }]);
    await drive.status(waiting, 'BACKORDERED');
    const [raised] = await eventually(async () => {
      const open = (await alerts(true, sku)).filter((a) => a.kind === 'DEMAND_EXCEEDS_SUPPLY');
      return open.length ? open : undefined;
    }, 'a DEMAND_EXCEEDS_SUPPLY alert');
    expect(raised).toMatchObject({
      warehouse: null,
      message: `${sku}: ${total + 5} unit(s) on backordered orders, ${total} available in all warehouses`,
    });

    const delivered = await drive.ask(ADJUST, { sku, w: warehouseId, d: total + 10 });
    expect(delivered.errors).toBeUndefined();
    await drive.status(waiting, 'ALLOCATED');
    expect((await alerts(true, sku)).filter((a) => a.kind === 'DEMAND_EXCEEDS_SUPPLY')).toEqual([]);
    expect((await alerts(false, sku)).map((a) => a.id)).toContain(raised.id);
  });
});
