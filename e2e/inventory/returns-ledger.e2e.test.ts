import { describeEachBackend } from '@supply-graph/shared/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';
import { inventoryDriver, type Sql } from './inventory-support';

const LEDGER = `query($sku: ID) {
  stockLedgerCheck(sku: $sku) { sku warehouse { code } presale onHand ledgerOnHand reserved ledgerReserved }
}`;
const SHIPMENTS = `query($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }`;
const TRACK = `mutation($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id, reason: "buyer changed their mind") { status } }`;

describeEachBackend('returns and the stock ledger', (backend) => {
  let platform: TestPlatform;
  let db: Sql;
  const drive = inventoryDriver(
    () => platform,
    () => db,
  );
  const ledger = async (sku?: string) => {
    const result = await drive.ask<{ stockLedgerCheck: unknown[] }>(LEDGER, sku ? { sku } : {});
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

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { customers: 30, orders: 120 });
    db = await sqlClient(platform.databaseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  it('the seeded stock is explained by its movements: opening receipts and the reservations of allocated orders', async () => {
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
      const o = (
        await drive.ask<{
          order: { status: string; shipments: { trackingNumber: string; carrier: { code: string } }[] };
        }>(SHIPMENTS, { id })
      ).data!.order;
      return o.status === 'ALLOCATED' && o.shipments.length ? o.shipments[0] : undefined;
    }, 'ALLOCATED with a shipment');
    const scan = (status: string, minutes: number) =>
      drive.ask(TRACK, {
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

  it('after orders allocated, cancelled, backordered and adjusted the ledger still explains every level; a change behind its back is named', async () => {
    const { sku, warehouseId } = await drive.freshSku(4);
    const kept = await drive.place('webstore', [{ sku, quantity: 1 }]);
    const cancelled = await drive.place('webstore', [{ sku, quantity: 2 }]);
    const [{ total }] = await db.rows<{ total: number }>(
      'SELECT sum(greatest(on_hand - reserved - safety_stock, 0))::int AS total FROM inventory.stock_level WHERE sku = $1',
      [sku],
    );
    const waiting = await drive.place('tmall', [{ sku, quantity: total + 1 }]);
    await drive.settled([kept, cancelled, waiting]);
    expect(
      (await drive.ask<{ cancelOrder: { status: string } }>(CANCEL, { id: cancelled })).data!.cancelOrder.status,
    ).toBe('CANCELLED');
    const adjusted = await drive.ask(
      'mutation($sku: ID!, $w: ID!) { adjustStock(sku: $sku, warehouseId: $w, delta: 4, reason: "found in a returns cage") { onHand } }',
      { sku, w: warehouseId },
    );
    expect(adjusted.errors).toBeUndefined();
    const presale = await drive.ask(
      'mutation($sku: ID!, $w: ID!) { adjustPresaleStock(sku: $sku, warehouseId: $w, delta: 6, reason: "presale allotment") { onHand } }',
      { sku, w: warehouseId },
    );
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
      'UPDATE inventory.stock_level SET on_hand = on_hand + 7, presale_reserved = 1 WHERE sku = $1 AND warehouse_id = $2',
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
