import { describeEachBackend } from '@supply-graph/shared/testing';
import { stockLedgerMismatches } from '../../ledger/stock-ledger.service';
import { returnForOrder } from '../../ledger/return.service';
import { releaseForOrder, shipAllocations } from '../../reservation/release.service';
import { reserveForOrder } from '../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';
import { placed, startInventoryDb, type InventoryFixture } from '../../quota/__tests__/inventory-fixture';

const routing = defaultInventoryStrategies();

describeEachBackend('presale stock in the reservation service', (backend) => {
  let fx: InventoryFixture;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const allocations = (orderId: string) =>
    fx.db.query(
      'SELECT sku, quantity, presale FROM allocation WHERE order_id = $1 AND released_at IS NULL ORDER BY presale',
      [orderId],
    );

  it('a presale line takes presale units only, even where regular units are plentiful', async () => {
    await fx.addProduct('P-1', { SHA: { onHand: 50, presaleOnHand: 5 } });
    const order = placed([{ sku: 'P-1', quantity: 3, presale: true }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, order, routing))).toBe('reserved');
    expect(await fx.level('P-1', 'SHA')).toMatchObject({
      on_hand: 50,
      reserved: 0,
      presale_on_hand: 5,
      presale_reserved: 3,
    });
    expect(await allocations(order.orderId)).toEqual([{ sku: 'P-1', quantity: 3, presale: true }]);

    // Past the presale units it waits, though 50 regular units sit on the shelf.
    const more = placed([{ sku: 'P-1', quantity: 3, presale: true }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, more, routing))).toBe('backordered');
    const [queued] = (await fx.db.query('SELECT reason FROM backorder WHERE order_id = $1', [more.orderId])) as {
      reason: string;
    }[];
    expect(queued.reason).toBe('not enough stock: P-1 (presale) short by 1');
  });

  it('a regular line never takes presale units', async () => {
    await fx.addProduct('P-2', { SHA: { onHand: 0, presaleOnHand: 100 } });
    const order = placed([{ sku: 'P-2', quantity: 1 }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, order, routing))).toBe('backordered');
    expect(await fx.level('P-2', 'SHA')).toMatchObject({ presale_on_hand: 100, presale_reserved: 0 });
  });

  it('an order with both kinds of line takes, ships, cancels and returns each line in its own pool', async () => {
    await fx.addProduct('P-3', { SHA: { onHand: 10, presaleOnHand: 10 } });
    await fx.db.query(
      `INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason, presale) VALUES
       ('P-3', $1, 'RECEIVE', 10, 'opening', false), ('P-3', $1, 'ADJUST', 10, 'presale allotment', true)`,
      [fx.warehouses.SHA],
    );
    const order = placed([
      { sku: 'P-3', quantity: 2 },
      { sku: 'P-3', quantity: 4, presale: true },
    ]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, order, routing))).toBe('reserved');
    expect(await fx.level('P-3', 'SHA')).toMatchObject({
      on_hand: 10,
      reserved: 2,
      presale_on_hand: 10,
      presale_reserved: 4,
    });
    await fx.inTx((tx) => shipAllocations(tx, order.orderId, fx.warehouses.SHA, routing));
    expect(await fx.level('P-3', 'SHA')).toMatchObject({
      on_hand: 8,
      reserved: 0,
      presale_on_hand: 6,
      presale_reserved: 0,
    });
    expect(await fx.inTx((tx) => returnForOrder(tx, order.orderId, 'returned', routing))).toBe(2);
    // A second return of the same order changes nothing.
    expect(await fx.inTx((tx) => returnForOrder(tx, order.orderId, 'returned', routing))).toBe(0);
    expect(await fx.level('P-3', 'SHA')).toMatchObject({
      on_hand: 10,
      reserved: 0,
      presale_on_hand: 10,
      presale_reserved: 0,
    });

    const cancelled = placed([{ sku: 'P-3', quantity: 5, presale: true }]);
    await fx.inTx((tx) => reserveForOrder(tx, cancelled, routing));
    await fx.inTx((tx) => releaseForOrder(tx, cancelled.orderId, 'cancelled', routing));
    expect(await fx.level('P-3', 'SHA')).toMatchObject({
      on_hand: 10,
      reserved: 0,
      presale_on_hand: 10,
      presale_reserved: 0,
    });
    // Every step of both pools is on the ledger.
    expect(await stockLedgerMismatches(fx.db, 'P-3')).toEqual([]);
  });
});
