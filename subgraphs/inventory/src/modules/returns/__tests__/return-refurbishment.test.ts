import { EventTypes } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { stockLedgerMismatches } from '../../ledger/stock-ledger.service';
import { placed } from '../../quota/__tests__/inventory-fixture';
import { reserveForOrder } from '../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';
import { returnReceiptService } from '../return-receipt.service';
import { SHANGHAI, startReturnsDb, type ReturnsFixture } from './returns-fixture';

const routing = defaultInventoryStrategies();

const REFURBISHED = `mutation($input: CompleteRefurbishmentInput!) { completeRefurbishment(input: $input) {
  status lines { lineNo sku refurbished refurbishedRestocked refurbishedScrapped } } }`;

describeEachBackend('inventory: refurbished units come back on hand or are scrapped, each once', (backend) => {
  let fx: ReturnsFixture;

  beforeAll(async () => {
    fx = await startReturnsDb(backend);
  });
  afterAll(() => fx?.close());

  const onHand = async (sku: string) => (await fx.level(sku, 'SHA')).on_hand;

  it('mended units go on hand, allocate a waiting order and balance the ledger; more than is left is refused', async () => {
    await fx.stock('RF-A', { SHA: { onHand: 0 } });
    await fx.stock('RF-B', { SHA: { onHand: 0 } });
    const waiting = placed([{ sku: 'RF-A', quantity: 2 }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, waiting, routing))).toBe('backordered');
    const ret = fx.authorised(
      [
        { sku: 'RF-A', quantity: 3 },
        { sku: 'RF-B', quantity: 1 },
      ],
      { shipFrom: SHANGHAI },
    );
    await fx.routeAndReceive(ret);
    // Before inspection nothing is in refurbishment.
    const early = await fx.ask(REFURBISHED, {
      input: { returnId: ret.returnId, lines: [{ lineNo: 1, restock: 1, scrap: 0 }] },
    });
    expect(early.codes).toEqual(['CONFLICT']);
    await returnReceiptService.inspect(fx.ctx(), {
      returnId: ret.returnId,
      lines: [
        { lineNo: 1, restock: 0, refurbish: 3, scrap: 0 },
        { lineNo: 2, restock: 0, refurbish: 1, scrap: 0 },
      ],
    });
    expect(await onHand('RF-A')).toBe(0);

    const tooMany = await fx.ask(REFURBISHED, {
      input: {
        returnId: ret.returnId,
        lines: [
          { lineNo: 1, restock: 3, scrap: 1 },
          { lineNo: 7, restock: 1, scrap: 0 },
          { lineNo: 2, restock: 0, scrap: 0 },
          { lineNo: 2, restock: 1, scrap: 0 },
        ],
      },
    });
    expect(tooMany.codes).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.fields).toEqual(['lines[0]', 'lines[1].lineNo', 'lines[3]']);
    expect(await onHand('RF-A')).toBe(0);

    const first = await fx.ask(REFURBISHED, {
      input: { returnId: ret.returnId, lines: [{ lineNo: 1, restock: 2, scrap: 0 }] },
    });
    expect(first.codes).toEqual([]);
    expect(first.data).toEqual({
      completeRefurbishment: {
        status: 'INSPECTED',
        lines: [
          { lineNo: 1, sku: 'RF-A', refurbished: 3, refurbishedRestocked: 2, refurbishedScrapped: 0 },
          { lineNo: 2, sku: 'RF-B', refurbished: 1, refurbishedRestocked: 0, refurbishedScrapped: 0 },
        ],
      },
    });
    expect(await onHand('RF-A')).toBe(2);
    // The waiting order took both mended units at once.
    expect(
      await fx.count('SELECT coalesce(sum(quantity), 0) AS n FROM allocation WHERE order_id = $1', [waiting.orderId]),
    ).toBe(2);
    expect(await fx.emitted(EventTypes.stockReserved, waiting.orderId)).toHaveLength(1);

    // The last unit of line 1 and line 2's: one scrapped, one mended; then nothing is left.
    await returnReceiptService.completeRefurbishment(fx.ctx(), {
      returnId: ret.returnId,
      lines: [
        { lineNo: 1, restock: 0, scrap: 1 },
        { lineNo: 2, restock: 1, scrap: 0 },
      ],
    });
    expect([await onHand('RF-A'), await onHand('RF-B')]).toEqual([2, 1]);
    const again = await fx.ask(REFURBISHED, {
      input: { returnId: ret.returnId, lines: [{ lineNo: 2, restock: 1, scrap: 0 }] },
    });
    expect(again.codes).toEqual(['BAD_USER_INPUT']);
    expect(await onHand('RF-B')).toBe(1);
    expect(await stockLedgerMismatches(fx.db)).toEqual([]);
  });

  it('two completions of the last unit at once: one wins, the unit counts once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const sku = `RF-RACE-${round}`;
      await fx.stock(sku, { SHA: { onHand: 0 } });
      const ret = fx.authorised([{ sku, quantity: 1 }], { shipFrom: SHANGHAI });
      await fx.routeAndReceive(ret);
      await returnReceiptService.inspect(fx.ctx(), {
        returnId: ret.returnId,
        lines: [{ lineNo: 1, restock: 0, refurbish: 1, scrap: 0 }],
      });
      const input = { returnId: ret.returnId, lines: [{ lineNo: 1, restock: 1, scrap: 0 }] };
      const outcomes = await Promise.all(
        [1, 2, 3].map(() =>
          returnReceiptService.completeRefurbishment(fx.ctx(undefined, { retry: false }), input).then(
            () => 'ok',
            (err: { extensions?: { code?: string } }) => err.extensions?.code ?? String(err),
          ),
        ),
      );
      expect(outcomes.sort()).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'ok']);
      expect(await onHand(sku)).toBe(1);
    }
    expect(await stockLedgerMismatches(fx.db)).toEqual([]);
  });
});
