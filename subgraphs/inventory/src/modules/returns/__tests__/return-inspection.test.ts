import { EventTypes, type ReturnInspected } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { returnForOrder } from '../../ledger/return.service';
import { stockLedgerMismatches } from '../../ledger/stock-ledger.service';
import { placed } from '../../quota/__tests__/inventory-fixture';
import { shipAllocations } from '../../reservation/release.service';
import { reserveForOrder } from '../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';
import { returnReceiptService } from '../return-receipt.service';
import { SHANGHAI, startReturnsDb, type ReturnsFixture } from './returns-fixture';

const routing = defaultInventoryStrategies();

const INSPECT = `mutation($input: InspectReturnInput!) { inspectReturn(input: $input) {
  status inspectedAt lines { lineNo sku quantity restocked refurbished scrapped } } }`;

describeEachBackend('inventory: an inspected return restocks exactly once and promotes backorders', (backend) => {
  let fx: ReturnsFixture;

  beforeAll(async () => {
    fx = await startReturnsDb(backend);
  });
  afterAll(() => fx?.close());

  const onHand = async (sku: string) => (await fx.level(sku, 'SHA')).on_hand;
  const returnMovements = (returnId: string) =>
    fx.count("SELECT coalesce(sum(quantity), 0) AS n FROM stock_movement WHERE kind = 'RETURN' AND return_id = $1", [
      returnId,
    ]);

  it('lists every problem of an inspection at once, and refuses one before the parcel arrived', async () => {
    await fx.stock('IN-VAL-A', { SHA: { onHand: 1 } });
    await fx.stock('IN-VAL-B', { SHA: { onHand: 1 } });
    const ret = fx.authorised(
      [
        { sku: 'IN-VAL-A', quantity: 3 },
        { sku: 'IN-VAL-B', quantity: 1 },
        { sku: 'IN-VAL-A', quantity: 2 },
      ],
      { shipFrom: SHANGHAI },
    );
    await fx.deliver('inventory.route-return', EventTypes.returnAuthorised, ret.returnId, ret);
    const valid = [
      { lineNo: 1, restock: 3, refurbish: 0, scrap: 0 },
      { sku: 'IN-VAL-B', restock: 0, refurbish: 0, scrap: 1 },
      { lineNo: 3, restock: 1, refurbish: 1, scrap: 0 },
    ];
    // ROUTED: the parcel is not there yet.
    const early = await fx.ask(INSPECT, { input: { returnId: ret.returnId, lines: valid } });
    expect(early.codes).toEqual(['CONFLICT']);
    await fx.ask('mutation($id: ID!) { receiveReturn(returnId: $id) { status } }', { id: ret.returnId });

    const bad = await fx.ask(INSPECT, {
      input: {
        returnId: ret.returnId,
        lines: [
          { lineNo: 1, restock: 2, refurbish: 0, scrap: 0 },
          { lineNo: 1, restock: 3, refurbish: 0, scrap: 0 },
          { sku: 'IN-VAL-A', restock: 1, refurbish: 0, scrap: 0 },
          { lineNo: 9, restock: 1, refurbish: 0, scrap: 0 },
          { lineNo: 2, sku: 'IN-VAL-A', restock: 1, refurbish: 0, scrap: 0 },
          { restock: 1, refurbish: -1, scrap: 0 },
        ],
      },
    });
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
    expect(bad.fields).toEqual([
      'lines[5].refurbish',
      'lines[5]',
      'lines[0]',
      'lines[1]',
      'lines[2].sku',
      'lines[3].lineNo',
      'lines[4].sku',
      'lines',
      'lines',
    ]);
    expect(await onHand('IN-VAL-A')).toBe(1);

    const done = await fx.ask(INSPECT, { input: { returnId: ret.returnId, lines: valid } });
    expect(done.codes).toEqual([]);
    expect(done.data?.inspectReturn).toMatchObject({
      status: 'INSPECTED',
      lines: [
        { lineNo: 1, sku: 'IN-VAL-A', quantity: 3, restocked: 3, refurbished: 0, scrapped: 0 },
        { lineNo: 2, sku: 'IN-VAL-B', quantity: 1, restocked: 0, refurbished: 0, scrapped: 1 },
        { lineNo: 3, sku: 'IN-VAL-A', quantity: 2, restocked: 1, refurbished: 1, scrapped: 0 },
      ],
    });
    expect(await onHand('IN-VAL-A')).toBe(5);
    expect(await onHand('IN-VAL-B')).toBe(1);
    // A repeat is CONFLICT and changes nothing.
    expect((await fx.ask(INSPECT, { input: { returnId: ret.returnId, lines: valid } })).codes).toEqual(['CONFLICT']);
    expect(await onHand('IN-VAL-A')).toBe(5);
    const [inspected, ...more] = await fx.emitted<ReturnInspected>(EventTypes.returnInspected, ret.returnId);
    expect(more).toEqual([]);
    expect(inspected.lines).toEqual([
      { lineNo: 1, sku: 'IN-VAL-A', restocked: 3, refurbished: 0, scrapped: 0 },
      { lineNo: 2, sku: 'IN-VAL-B', restocked: 0, refurbished: 0, scrapped: 1 },
      { lineNo: 3, sku: 'IN-VAL-A', restocked: 1, refurbished: 1, scrapped: 0 },
    ]);
    expect(await stockLedgerMismatches(fx.db)).toEqual([]);
  });

  it('restocked units go on hand with RETURN movements and allocate a backordered order at once', async () => {
    await fx.stock('IN-BACK', { SHA: { onHand: 2 } });
    const first = placed([{ sku: 'IN-BACK', quantity: 2 }]);
    const waiting = placed([{ sku: 'IN-BACK', quantity: 2 }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, first, routing))).toBe('reserved');
    expect(await fx.inTx((tx) => reserveForOrder(tx, waiting, routing))).toBe('backordered');

    const ret = fx.authorised([{ sku: 'IN-BACK', quantity: 3 }], { shipFrom: SHANGHAI });
    await fx.routeAndReceive(ret);
    const receipt = await returnReceiptService.inspect(fx.ctx(), {
      returnId: ret.returnId,
      lines: [{ lineNo: 1, restock: 2, refurbish: 1, scrap: 0 }],
    });
    expect(receipt.status).toBe('INSPECTED');
    expect(await onHand('IN-BACK')).toBe(4);
    expect(await returnMovements(ret.returnId)).toBe(2);
    // The waiting order took the two restocked units and left the queue, announced as reserved.
    expect(await fx.count('SELECT count(*) AS n FROM backorder WHERE order_id = $1', [waiting.orderId])).toBe(0);
    expect(
      await fx.count('SELECT coalesce(sum(quantity), 0) AS n FROM allocation WHERE order_id = $1', [waiting.orderId]),
    ).toBe(2);
    expect(await fx.emitted(EventTypes.stockReserved, waiting.orderId)).toHaveLength(1);
    expect((await fx.level('IN-BACK', 'SHA')).reserved).toBe(4);
    expect(await stockLedgerMismatches(fx.db)).toEqual([]);
  });

  it('two inspections at once: one wins, the other is CONFLICT, the units count once', async () => {
    for (let round = 0; round < 4; round += 1) {
      const sku = `IN-RACE-${round}`;
      await fx.stock(sku, { SHA: { onHand: 1 } });
      const waiting = placed([{ sku, quantity: 3 }]);
      expect(await fx.inTx((tx) => reserveForOrder(tx, waiting, routing))).toBe('backordered');
      const ret = fx.authorised([{ sku, quantity: 4 }], { shipFrom: SHANGHAI });
      await fx.routeAndReceive(ret);
      const input = { returnId: ret.returnId, lines: [{ lineNo: 1, restock: 4, refurbish: 0, scrap: 0 }] };
      const outcomes = await Promise.all(
        [1, 2, 3].map(() =>
          returnReceiptService.inspect(fx.ctx(undefined, { retry: false }), input).then(
            () => 'ok',
            (err: { extensions?: { code?: string } }) => err.extensions?.code ?? String(err),
          ),
        ),
      );
      expect(outcomes.sort()).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
      expect(await onHand(sku)).toBe(5);
      expect(await returnMovements(ret.returnId)).toBe(4);
      expect(await fx.count('SELECT count(*) AS n FROM allocation WHERE order_id = $1', [waiting.orderId])).toBe(1);
      expect(await fx.emitted(EventTypes.returnInspected, ret.returnId)).toHaveLength(1);
    }
    expect(await stockLedgerMismatches(fx.db)).toEqual([]);
  });

  it('an order returned whole through its status and through a return never counts its units twice', async () => {
    // Shipped from SHA: 3 units left on-hand stock.
    const shipped = async (sku: string) => {
      await fx.stock(sku, { SHA: { onHand: 3 } });
      const order = placed([{ sku, quantity: 3 }]);
      expect(await fx.inTx((tx) => reserveForOrder(tx, order, routing))).toBe('reserved');
      await fx.inTx((tx) => shipAllocations(tx, order.orderId, fx.warehouses.SHA, routing));
      expect(await onHand(sku)).toBe(0);
      return order;
    };
    const inspectAll = (returnId: string, restock: number, scrap: number) =>
      returnReceiptService.inspect(fx.ctx(), { returnId, lines: [{ lineNo: 1, restock, refurbish: 0, scrap }] });

    // The return first: the order's RETURNED status afterwards leaves restocking to it.
    const a = await shipped('IN-TWICE-A');
    const retA = fx.authorised([{ sku: 'IN-TWICE-A', quantity: 3 }], { orderId: a.orderId, shipFrom: SHANGHAI });
    await fx.routeAndReceive(retA);
    await inspectAll(retA.returnId, 2, 1);
    expect(await fx.inTx((tx) => returnForOrder(tx, a.orderId, 'order returned', routing))).toBe(0);
    expect(await onHand('IN-TWICE-A')).toBe(2);

    // The status first (all 3 back on hand), then the return of the same units: nothing more goes on hand.
    const b = await shipped('IN-TWICE-B');
    expect(await fx.inTx((tx) => returnForOrder(tx, b.orderId, 'order returned', routing))).toBe(1);
    expect(await onHand('IN-TWICE-B')).toBe(3);
    const retB = fx.authorised([{ sku: 'IN-TWICE-B', quantity: 3 }], { orderId: b.orderId, shipFrom: SHANGHAI });
    await fx.routeAndReceive(retB);
    await inspectAll(retB.returnId, 3, 0);
    expect(await onHand('IN-TWICE-B')).toBe(3);
    expect(await returnMovements(retB.returnId)).toBe(0);
    expect(await stockLedgerMismatches(fx.db)).toEqual([]);
  });
});
