import { serviceEvents } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { stockLedgerMismatches } from '../../ledger/stock-ledger.service';
import { releaseForOrder } from '../../reservation/release.service';
import { reserveForOrder } from '../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';
import { stockAdjustService } from '../../stock/stock-adjust.service';
import { placed, startInventoryDb, type InventoryFixture } from './inventory-fixture';
import { inventoryContext, queueProbe } from './priority-support';

const routing = defaultInventoryStrategies();

describeEachBackend('channel priority under real concurrency', (backend) => {
  let fx: InventoryFixture;
  let probe: ReturnType<typeof queueProbe>;
  // What the consumers and mutations run in: one transaction each, a deadlock tried again.
  let events: ReturnType<typeof serviceEvents>;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    probe = queueProbe(fx);
    events = serviceEvents('inventory', fx.db, () => undefined);
    await probe.setPriority('vip', 10);
    await probe.setPriority('low', -5);
  });
  afterAll(() => fx?.close());

  const reserve = (channel: string, sku: string, quantity = 1) => {
    const order = placed([{ sku, quantity }], channel);
    return events.transaction((tx) => reserveForOrder(tx, order, routing)).then(() => order.orderId);
  };
  const held = async (ids: string[]) => (await Promise.all(ids.map((id) => probe.held(id)))).reduce((a, b) => a + b);

  it('units arriving in parallel (releases, adjustments in two warehouses) go to vip, then the oldest web orders', async () => {
    await fx.addProduct('R-1', { SHA: { onHand: 6 }, PEK: { onHand: 0 } });
    await probe.openLedger('R-1');
    const holders: string[] = [];
    for (let i = 0; i < 6; i++) holders.push(await reserve('pos', 'R-1'));
    // 30 waiting orders, channels interleaved so that age and priority disagree: low, web, vip, low, web, vip...
    const waiting: Record<'low' | 'webstore' | 'vip', string[]> = { low: [], webstore: [], vip: [] };
    for (let i = 0; i < 10; i++)
      for (const channel of ['low', 'webstore', 'vip'] as const) waiting[channel].push(await reserve(channel, 'R-1'));
    expect(await held([...waiting.low, ...waiting.webstore, ...waiting.vip])).toBe(0);

    const ctx = inventoryContext(fx);
    const adjust = (code: 'SHA' | 'PEK') =>
      stockAdjustService.adjust(ctx, { sku: 'R-1', warehouseId: fx.warehouses[code], delta: 1, reason: 'received' });
    // 14 units arrive at once, while new web and low orders come in.
    const [, , lateWeb, lateLow] = await Promise.all([
      Promise.all(holders.map((id) => events.transaction((tx) => releaseForOrder(tx, id, 'cancelled', routing)))),
      Promise.all([...Array(4)].flatMap(() => [adjust('SHA'), adjust('PEK')])),
      Promise.all([...Array(4)].map(() => reserve('webstore', 'R-1'))),
      Promise.all([...Array(4)].map(() => reserve('low', 'R-1'))),
    ]);

    const perOrder = async (ids: string[]) => Promise.all(ids.map((id) => probe.held(id)));
    expect(await perOrder(waiting.vip)).toEqual(Array(10).fill(1));
    expect(await perOrder(waiting.webstore)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(await perOrder(waiting.low)).toEqual(Array(10).fill(0));
    // New orders queue behind the waiting ones: the web ones behind older web orders, the low ones behind everyone.
    expect(await perOrder([...lateWeb, ...lateLow])).toEqual(Array(8).fill(0));

    const sha = await fx.level('R-1', 'SHA');
    const pek = await fx.level('R-1', 'PEK');
    expect([sha.on_hand, pek.on_hand]).toEqual([10, 4]);
    expect(sha.reserved + pek.reserved).toBe(14);
    expect(sha.reserved).toBeLessThanOrEqual(sha.on_hand);
    expect(pek.reserved).toBeLessThanOrEqual(pek.on_hand);
    const [units] = (await fx.db.query(
      "SELECT sum(quantity)::int AS n FROM allocation WHERE sku = 'R-1' AND released_at IS NULL",
    )) as { n: number }[];
    expect(units.n).toBe(14);
    expect(await stockLedgerMismatches(fx.db, 'R-1')).toEqual([]);
  });

  it('two deliveries of the same order at the same moment reserve it once', async () => {
    await fx.addProduct('R-2', { SHA: { onHand: 500 } });
    await probe.openLedger('R-2');
    const orders = Array.from({ length: 25 }, (_, i) => placed([{ sku: 'R-2', quantity: 1 + (i % 3) }], 'webstore'));
    const outcomes = await Promise.all(
      orders.flatMap((order) => [1, 2].map(() => events.transaction((tx) => reserveForOrder(tx, order, routing)))),
    );
    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(25);
    expect(outcomes.filter((o) => o === 'already-allocated')).toHaveLength(25);
    for (const order of orders) expect(await probe.held(order.orderId)).toBe(order.lines[0].quantity);
    const wanted = orders.reduce((n, o) => n + o.lines[0].quantity, 0);
    expect((await fx.level('R-2', 'SHA')).reserved).toBe(wanted);
    expect(await stockLedgerMismatches(fx.db, 'R-2')).toEqual([]);
  });
});
