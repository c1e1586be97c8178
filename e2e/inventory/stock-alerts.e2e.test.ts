import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { inventoryDriver } from './inventory-support';

const ALERTS = graphql(`
  query StockAlerts($open: Boolean) {
    stockAlerts(open: $open) { id kind sku warehouse { code } message openedAt closedAt }
  }
`);
const CANCEL = graphql(`
  mutation AlertsCancel($id: ID!) { cancelOrder(id: $id, reason: "out of patience") { status } }
`);
const ADJUST = graphql(`
  mutation AlertsAdjust($sku: ID!, $w: ID!, $d: Int!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: "supplier delivery") { available }
  }
`);

describePlatformSuite('stock alerts through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });
  const alerts = async (open: boolean | null, sku: string) => {
    const result = await ask(ALERTS, { open });
    expect(result.errors).toBeUndefined();
    return result.data!.stockAlerts.filter((a) => a.sku === sku);
  };

  it('an order eating into the safety stock raises one LOW_STOCK alert; cancelling it closes the alert', async () => {
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

    expect((await ask(CANCEL, { id: big })).data!.cancelOrder.status).toBe('CANCELLED');
    await eventually(async () => ((await alerts(true, sku)).length === 0 ? true : undefined), 'the alert closed');
    const [closed] = await alerts(false, sku);
    expect(closed).toMatchObject({ id: raised.id, kind: 'LOW_STOCK' });
    expect(new Date(closed.closedAt!).getTime()).toBeGreaterThanOrEqual(new Date(raised.openedAt).getTime());
    expect((await alerts(null, sku)).map((a) => a.id)).toEqual([raised.id]);
  });

  it('backorders wanting more than all warehouses hold raise DEMAND_EXCEEDS_SUPPLY; a delivery closes it', async () => {
    const { sku, warehouseId } = await drive.freshSku(1);
    const total = await drive.sellable(sku);
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

    const delivered = await ask(ADJUST, { sku, w: warehouseId, d: total + 10 });
    expect(delivered.errors).toBeUndefined();
    await drive.status(waiting, 'ALLOCATED');
    expect((await alerts(true, sku)).filter((a) => a.kind === 'DEMAND_EXCEEDS_SUPPLY')).toEqual([]);
    expect((await alerts(false, sku)).map((a) => a.id)).toContain(raised.id);
  });
});
