import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';
import { inventoryDriver } from './inventory-support';

const TRANSFER = graphql(`
  mutation TransferStock($input: TransferStockInput!) {
    transferStock(input: $input) { id status quantity inTransit fromWarehouse { code } toWarehouse { code } }
  }
`);
const RECEIVE = graphql(`
  mutation ReceiveTransfer($id: ID!) { receiveTransfer(id: $id) { id status received inTransit closedAt } }
`);
const LEVELS = graphql(`
  query TransferLevels($sku: ID!) {
    product(sku: $sku) {
      available
      stockLevels { warehouse { id code } onHand reserved available inTransitIn inTransitOut }
    }
    transfers(filter: { sku: $sku }) { totalCount edges { node { id status inTransit } } }
    stockLedgerCheck(sku: $sku) { warehouse { code } }
  }
`);

describePlatformSuite('transfers between warehouses through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });

  const levels = async (sku: string) => {
    const result = await ask(LEVELS, { sku });
    expect(result.errors).toBeUndefined();
    const { product, transfers, stockLedgerCheck } = result.data!;
    const byCode = Object.fromEntries(product!.stockLevels.map((l) => [l.warehouse.code, l]));
    return { available: product!.available, byCode, transfers, stockLedgerCheck };
  };

  it('sent units are available at neither end until received, then on hand at the destination', async () => {
    const { sku, warehouseId: sha } = await drive.freshSku(8);
    const [pek] = await db.rows<{ id: string }>("SELECT id FROM inventory.warehouse WHERE code = 'PEK'");
    const before = await levels(sku);
    const pekBefore = before.byCode.PEK?.onHand ?? 0;

    const sent = await ask(TRANSFER, {
      input: { sku, fromWarehouseId: sha, toWarehouseId: pek.id, quantity: 6, reason: 'rebalance for the north' },
    });
    expect(sent.errors).toBeUndefined();
    const transfer = sent.data!.transferStock;
    expect(transfer).toMatchObject({
      status: 'IN_TRANSIT',
      quantity: 6,
      inTransit: 6,
      fromWarehouse: { code: 'SHA' },
      toWarehouse: { code: 'PEK' },
    });

    const moving = await levels(sku);
    expect(moving.byCode.SHA).toMatchObject({
      onHand: before.byCode.SHA.onHand - 6,
      available: before.byCode.SHA.available - 6,
      inTransitOut: 6,
      inTransitIn: 0,
    });
    // Nothing arrived yet: PEK shows the units coming, not on hand.
    expect(moving.byCode.PEK).toMatchObject({ onHand: pekBefore, inTransitIn: 6, inTransitOut: 0 });
    expect(moving.available).toBe(before.available - 6);
    expect(moving.transfers.edges.map((e) => e.node)).toEqual([
      { id: transfer.id, status: 'IN_TRANSIT', inTransit: 6 },
    ]);
    expect(moving.stockLedgerCheck).toEqual([]);

    const received = await ask(RECEIVE, { id: transfer.id });
    expect(received.errors).toBeUndefined();
    expect(received.data!.receiveTransfer).toMatchObject({ status: 'RECEIVED', received: 6, inTransit: 0 });

    const landed = await levels(sku);
    expect(landed.byCode.PEK).toMatchObject({ onHand: pekBefore + 6, inTransitIn: 0 });
    expect(landed.byCode.SHA).toMatchObject({ onHand: before.byCode.SHA.onHand - 6, inTransitOut: 0 });
    const onHand = (l: typeof landed) => Object.values(l.byCode).reduce((n, s) => n + s.onHand, 0);
    expect(onHand(landed)).toBe(onHand(before));
    expect(landed.stockLedgerCheck).toEqual([]);
    const movements = await db.rows<{ code: string; kind: string; quantity: number }>(
      `SELECT w.code, m.kind, m.quantity FROM inventory.stock_movement m JOIN inventory.warehouse w
         ON w.id = m.warehouse_id WHERE m.transfer_id = $1 ORDER BY m.id`,
      [transfer.id],
    );
    expect(movements).toEqual([
      { code: 'SHA', kind: 'TRANSFER_OUT', quantity: -6 },
      { code: 'PEK', kind: 'TRANSFER_IN', quantity: 6 },
    ]);

    // Receiving again changes nothing.
    const error = expectOneError(await ask(RECEIVE, { id: transfer.id }), 'CONFLICT', /is RECEIVED/);
    expect(error.extensions).toMatchObject({ status: 'RECEIVED' });
    expect((await levels(sku)).byCode.PEK.onHand).toBe(pekBefore + 6);
  });
});
