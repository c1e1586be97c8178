import { describeEachBackend } from '@supply-graph/shared/testing';
import { stockLedgerMismatches } from '../../../ledger/stock-ledger.service';
import { reserveForOrder } from '../../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../../strategies';
import { placed } from '../../../quota/__tests__/inventory-fixture';
import { inboundInTransit } from '../in-transit';
import { transferService } from '../transfer.service';
import { startTransferDb, type TransferFixture } from './transfer-fixture';

const routing = defaultInventoryStrategies();

interface Movement {
  warehouse_id: string;
  kind: string;
  quantity: number;
  reason: string;
  transfer_id: string | null;
}

describeEachBackend('transfers between warehouses', (backend) => {
  let fx: TransferFixture;

  beforeAll(async () => {
    fx = await startTransferDb(backend);
  });
  afterAll(() => fx?.close());

  const send = (sku: string, quantity: number, extra: Record<string, unknown> = {}) =>
    transferService.send(fx.ctx(), {
      sku,
      fromWarehouseId: fx.warehouses.SHA,
      toWarehouseId: fx.warehouses.PEK,
      quantity,
      reason: 'rebalance for the north',
      ...extra,
    });
  const movements = (sku: string) =>
    fx.db.query(
      `SELECT warehouse_id, kind, quantity, reason, transfer_id FROM stock_movement
       WHERE sku = $1 AND kind LIKE 'TRANSFER%' ORDER BY id`,
      [sku],
    ) as Promise<Movement[]>;
  const onHand = async (sku: string) => ({
    SHA: (await fx.level(sku, 'SHA'))?.on_hand,
    PEK: (await fx.level(sku, 'PEK'))?.on_hand,
  });

  it('sent units leave the source at once and are on hand at neither end until received', async () => {
    await fx.stock('T-1', { SHA: { onHand: 30 } });
    const sent = await send('T-1', 12);
    expect(sent).toMatchObject({ sku: 'T-1', quantity: 12, received: 0, inTransit: 12, status: 'IN_TRANSIT' });
    // The destination's level exists from the send on, empty until the units arrive.
    expect(await onHand('T-1')).toEqual({ SHA: 18, PEK: 0 });
    expect(await inboundInTransit(fx.db, [{ sku: 'T-1', warehouseId: fx.warehouses.PEK }])).toEqual(
      new Map([[`T-1@${fx.warehouses.PEK}`, 12]]),
    );
    expect(await movements('T-1')).toEqual([
      {
        warehouse_id: fx.warehouses.SHA,
        kind: 'TRANSFER_OUT',
        quantity: -12,
        reason: 'rebalance for the north',
        transfer_id: sent.id,
      },
    ]);

    const received = await transferService.receive(fx.ctx(), sent.id, null);
    expect(received).toMatchObject({ received: 12, inTransit: 0, status: 'RECEIVED' });
    expect(received.closedAt).toBeInstanceOf(Date);
    expect(await onHand('T-1')).toEqual({ SHA: 18, PEK: 12 });
    expect(await inboundInTransit(fx.db, [{ sku: 'T-1', warehouseId: fx.warehouses.PEK }])).toEqual(new Map());
    expect((await movements('T-1')).map((m) => [m.warehouse_id, m.kind, m.quantity, m.transfer_id])).toEqual([
      [fx.warehouses.SHA, 'TRANSFER_OUT', -12, sent.id],
      [fx.warehouses.PEK, 'TRANSFER_IN', 12, sent.id],
    ]);
    expect(await stockLedgerMismatches(fx.db, 'T-1')).toEqual([]);
  });

  it('a second receipt changes nothing and says why; nor can a received transfer be cancelled', async () => {
    await fx.stock('T-2', { SHA: { onHand: 10 } });
    const sent = await send('T-2', 4);
    await transferService.receive(fx.ctx(), sent.id, null);
    const closed = { code: 'CONFLICT', extensions: { transferId: sent.id, status: 'RECEIVED' } };
    await expect(transferService.receive(fx.ctx(), sent.id, null)).rejects.toMatchObject(closed);
    await expect(transferService.receive(fx.ctx(), sent.id, 1)).rejects.toMatchObject(closed);
    await expect(transferService.cancel(fx.ctx(), sent.id, 'oops')).rejects.toMatchObject(closed);
    expect(await onHand('T-2')).toEqual({ SHA: 6, PEK: 4 });
    expect(await movements('T-2')).toHaveLength(2);
  });

  it('receives in parts, then cancels the rest back to the source; the ledger explains every unit', async () => {
    await fx.stock('T-3', { SHA: { onHand: 20 } });
    const sent = await send('T-3', 10);
    const part = await transferService.receive(fx.ctx(), sent.id, 4);
    expect(part).toMatchObject({ received: 4, inTransit: 6, status: 'IN_TRANSIT', closedAt: null });
    await expect(transferService.receive(fx.ctx(), sent.id, 7)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { problems: [{ field: 'quantity', message: 'must be at most 6, the units still on the way' }] },
    });
    const cancelled = await transferService.cancel(fx.ctx(), sent.id, '  truck turned back ');
    expect(cancelled).toMatchObject({
      received: 4,
      returned: 6,
      inTransit: 0,
      status: 'CANCELLED',
      cancelReason: 'truck turned back',
    });
    expect(await onHand('T-3')).toEqual({ SHA: 16, PEK: 4 });
    expect((await movements('T-3')).map((m) => [m.warehouse_id, m.kind, m.quantity])).toEqual([
      [fx.warehouses.SHA, 'TRANSFER_OUT', -10],
      [fx.warehouses.PEK, 'TRANSFER_IN', 4],
      [fx.warehouses.SHA, 'TRANSFER_IN', 6],
    ]);
    expect((await movements('T-3')).at(-1)!.reason).toBe('transfer cancelled, back from transit: truck turned back');
    await expect(transferService.cancel(fx.ctx(), sent.id, 'again')).rejects.toMatchObject({
      code: 'CONFLICT',
      extensions: { status: 'CANCELLED', action: 'cancel' },
    });
    expect(await stockLedgerMismatches(fx.db, 'T-3')).toEqual([]);
  });

  it('never takes reserved units, and the safety stock only when allowed', async () => {
    await fx.stock('T-4', { SHA: { onHand: 10, reserved: 4, safetyStock: 3 } });
    await expect(send('T-4', 4)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'SHA can spare 3 unit(s) of T-4 (on hand 10, reserved 4, safety stock 3), not 4',
      extensions: { available: 3, requested: 4 },
    });
    await expect(send('T-4', 7, { allowBelowSafetyStock: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      extensions: { available: 6, requested: 7 },
    });
    const below = await send('T-4', 6, { allowBelowSafetyStock: true });
    expect(below.belowSafetyStock).toBe(true);
    expect(await fx.level('T-4', 'SHA')).toMatchObject({ on_hand: 4, reserved: 4 });
    // The source is now under its safety stock: its LOW_STOCK alert is open.
    expect(
      await fx.count(
        `SELECT count(*) AS n FROM stock_alert WHERE sku = 'T-4' AND kind = 'LOW_STOCK' AND closed_at IS NULL`,
      ),
    ).toBe(1);
    expect(await stockLedgerMismatches(fx.db, 'T-4')).toEqual([]);
  });

  it('refuses bad input with every problem named, unknown records as NOT_FOUND, and writes nothing', async () => {
    await fx.stock('T-5', { SHA: { onHand: 10 } });
    const before = await fx.count(
      'SELECT (SELECT count(*) FROM stock_transfer) + (SELECT count(*) FROM stock_movement) AS n',
    );
    await expect(
      send(' ', 0, { toWarehouseId: fx.warehouses.SHA.toUpperCase(), reason: ' ', reference: '' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: {
        problems: [
          { field: 'sku', message: 'must not be blank' },
          { field: 'toWarehouseId', message: 'must not be the source warehouse' },
          { field: 'quantity', message: 'must be within 1..1000000' },
          { field: 'reason', message: 'must not be blank' },
          { field: 'reference', message: 'must not be blank' },
        ],
      },
    });
    await expect(send('NO-SUCH-SKU', 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(send('T-5', 1, { toWarehouseId: 'not-a-warehouse' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(send('T-5', 1, { toWarehouseId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(transferService.receive(fx.ctx(), '00000000-0000-4000-8000-000000000000', null)).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await expect(transferService.receive(fx.ctx(), 'nope', 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(send('T-5', 11)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      await fx.count('SELECT (SELECT count(*) FROM stock_transfer) + (SELECT count(*) FROM stock_movement) AS n'),
    ).toBe(before);
    expect(await onHand('T-5')).toEqual({ SHA: 10, PEK: undefined });
  });

  it('a reference makes sending safe to repeat: the same transfer back, stock taken once', async () => {
    await fx.stock('T-6', { SHA: { onHand: 10 } });
    const first = await send('T-6', 3, { reference: 'TO-2025-0042' });
    const again = await send('T-6', 3, { reference: 'TO-2025-0042' });
    expect(again.id).toBe(first.id);
    expect(await onHand('T-6')).toEqual({ SHA: 7, PEK: 0 });
    await expect(send('T-6', 4, { reference: 'TO-2025-0042' })).rejects.toMatchObject({
      code: 'CONFLICT',
      extensions: { transferId: first.id, reference: 'TO-2025-0042' },
    });
    // Sent at once, twice over: still one transfer.
    const racing = await Promise.all([1, 2, 3].map(() => send('T-6', 2, { reference: 'TO-2025-0043' })));
    expect(new Set(racing.map((t) => t.id)).size).toBe(1);
    expect(await onHand('T-6')).toEqual({ SHA: 5, PEK: 0 });
  });

  it('arriving units go to orders waiting for the SKU, oldest first, in the receipt', async () => {
    // Everything at SHA is safety stock: an order for 4 waits.
    await fx.stock('T-7', { SHA: { onHand: 10, safetyStock: 10 } });
    const order = placed([{ sku: 'T-7', quantity: 4 }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, order, routing))).toBe('backordered');
    const sent = await send('T-7', 6, { allowBelowSafetyStock: true });
    expect(await fx.count('SELECT count(*) AS n FROM backorder WHERE order_id = $1', [order.orderId])).toBe(1);
    await transferService.receive(fx.ctx(), sent.id, null);
    expect(await fx.count('SELECT count(*) AS n FROM backorder WHERE order_id = $1', [order.orderId])).toBe(0);
    expect(
      await fx.db.query('SELECT warehouse_id, quantity FROM allocation WHERE order_id = $1', [order.orderId]),
    ).toEqual([{ warehouse_id: fx.warehouses.PEK, quantity: 4 }]);
    expect(await fx.level('T-7', 'PEK')).toMatchObject({ on_hand: 6, reserved: 4 });
    expect(await stockLedgerMismatches(fx.db, 'T-7')).toEqual([]);
  });
});
