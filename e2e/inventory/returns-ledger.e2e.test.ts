import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { ShipmentStatus } from '../generated/suites/graphql';
import { RECORD_SCAN } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { inventoryDriver } from './inventory-support';

const LEDGER = graphql(`
  query LedgerCheck($sku: ID) {
    stockLedgerCheck(sku: $sku) { sku warehouse { code } presale onHand ledgerOnHand reserved ledgerReserved }
  }
`);
const SHIPMENTS = graphql(`
  query LedgerShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }
`);
const CANCEL = graphql(`
  mutation LedgerCancel($id: ID!) { cancelOrder(id: $id, reason: "buyer changed their mind") { status } }
`);
const ADJUST = graphql(`
  mutation LedgerAdjust($sku: ID!, $w: ID!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: 4, reason: "found in a returns cage") { onHand }
  }
`);
const ADJUST_PRESALE = graphql(`
  mutation LedgerAdjustPresale($sku: ID!, $w: ID!) {
    adjustPresaleStock(sku: $sku, warehouseId: $w, delta: 6, reason: "presale allotment") { onHand }
  }
`);

describePlatformSuite('returns and the stock ledger', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });
  const ledger = async (sku?: string) => {
    const result = await ask(LEDGER, sku ? { sku } : {});
    expect(result.errors).toBeUndefined();
    return result.data!.stockLedgerCheck;
  };
  const level = async (sku: string, warehouseId: string) =>
    (
      await db.rows<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM inventory.stock_level WHERE sku = $1 AND warehouse_id = $2',
        [sku, warehouseId],
      )
    )[0];

  it('the seeded stock is explained by its movements: opening receipts, reservations of allocated orders', async () => {
    const [reserved] = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM inventory.stock_level WHERE reserved > 0',
    );
    expect(reserved.n).toBeGreaterThan(0); // the seed has live reservations, so the check is not trivially empty
    expect(await ledger()).toEqual([]);
  });

  it('a returned order puts its shipped units back on hand with a RETURN movement', async () => {
    const { sku, warehouseId } = await drive.freshSku(5);
    const start = await level(sku, warehouseId);
    const id = await drive.place('webstore', [{ sku, quantity: 3 }]);
    const shipment = await eventually(async () => {
      const o = (await ask(SHIPMENTS, { id })).data!.order!;
      return o.status === 'ALLOCATED' && o.shipments!.length ? o.shipments![0] : undefined;
    }, 'ALLOCATED with a shipment');
    const scan = (status: ShipmentStatus, minutes: number) =>
      ask(RECORD_SCAN, {
        input: {
          carrier: shipment.carrier.code,
          trackingNumber: shipment.trackingNumber,
          status,
          at: new Date(Date.now() + minutes * 60_000).toISOString(),
        },
      });
    expect((await scan('IN_TRANSIT', 1)).errors).toBeUndefined();
    await drive.status(id, 'SHIPPED');
    await eventually(
      async () => ((await level(sku, warehouseId)).on_hand === start.on_hand - 3 ? true : undefined),
      'shipped units off the shelf',
    );

    expect((await scan('RETURNED', 2)).errors).toBeUndefined();
    await drive.status(id, 'RETURNED');
    await eventually(
      async () => ((await level(sku, warehouseId)).on_hand === start.on_hand ? true : undefined),
      'returned units back on hand',
    );
    expect(await level(sku, warehouseId)).toEqual(start);
    const moves = await db.rows<{ kind: string; quantity: number; reason: string }>(
      'SELECT kind, quantity, reason FROM inventory.stock_movement WHERE order_id = $1 ORDER BY id',
      [id],
    );
    expect(moves.map((m) => [m.kind, m.quantity])).toEqual([
      ['RESERVE', 3],
      ['SHIP', 3],
      ['RETURN', 3],
    ]);
    expect(moves[2].reason).toBe(`order ${id} returned: every shipment returned`);
  });

  it('after allocations, cancels, backorders, adjustments the ledger explains each level; names a change', async () => {
    const { sku, warehouseId } = await drive.freshSku(4);
    const kept = await drive.place('webstore', [{ sku, quantity: 1 }]);
    const cancelled = await drive.place('webstore', [{ sku, quantity: 2 }]);
    const total = await drive.sellable(sku);
    const waiting = await drive.place('tmall', [{ sku, quantity: total + 1 }]);
    await drive.settled([kept, cancelled, waiting]);
    expect((await ask(CANCEL, { id: cancelled })).data!.cancelOrder.status).toBe('CANCELLED');
    const adjusted = await ask(ADJUST, { sku, w: warehouseId });
    expect(adjusted.errors).toBeUndefined();
    const presale = await ask(ADJUST_PRESALE, { sku, w: warehouseId });
    expect(presale.errors).toBeUndefined();
    await eventually(
      async () =>
        (await db.rows("SELECT 1 FROM inventory.stock_movement WHERE kind = 'RELEASE' AND order_id = $1", [cancelled]))
          .length
          ? true
          : undefined,
      'the release',
    );
    expect(await ledger()).toEqual([]);

    const before = await level(sku, warehouseId);
    await db.query(
      `UPDATE inventory.stock_level SET on_hand = on_hand + 7, presale_reserved = 1
       WHERE sku = $1 AND warehouse_id = $2`,
      [sku, warehouseId],
    );
    expect(await ledger(sku)).toEqual([
      {
        sku,
        warehouse: { code: 'SHA' },
        presale: false,
        onHand: before.on_hand + 7,
        ledgerOnHand: before.on_hand,
        reserved: before.reserved,
        ledgerReserved: before.reserved,
      },
      { sku, warehouse: { code: 'SHA' }, presale: true, onHand: 6, ledgerOnHand: 6, reserved: 1, ledgerReserved: 0 },
    ]);
    expect(await ledger()).toHaveLength(2);
  });
});
