import { describeEachBackend } from '@supply-graph/shared/testing';
import { returnForOrder } from '../../ledger/return.service';
import { allocateBackorders, releaseForOrder, shipAllocations } from '../../reservation/release.service';
import { reserveForOrder } from '../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';
import { stockAdjustService } from '../../stock/stock-adjust.service';
import { channelPriorityService } from '../channel-priority.service';
import { channelQuotaService } from '../channel-quota.service';
import { placed, startInventoryDb, type InventoryFixture } from './inventory-fixture';
import { inventoryContext, queueProbe } from './priority-support';

const routing = defaultInventoryStrategies();

describeEachBackend('channel priority: who gets short stock', (backend) => {
  let fx: InventoryFixture;
  let probe: ReturnType<typeof queueProbe>;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    probe = queueProbe(fx);
    // Each test ranks channels of its own, so no test's priorities reach another's orders.
    for (const [channel, priority] of [
      ['vip', 10],
      ['low', -5],
      ['gold', 20],
    ] as const)
      await probe.setPriority(channel, priority);
  });
  afterAll(() => fx?.close());

  /** Places one-line orders one after the other (so their age is their order here); returns their ids. */
  const place = async (sku: string, orders: [channel: string, quantity: number][]) => {
    const ids: string[] = [];
    for (const [channel, quantity] of orders) {
      const order = placed([{ sku, quantity }], channel);
      await fx.inTx((tx) => reserveForOrder(tx, order, routing));
      ids.push(order.orderId);
    }
    return ids;
  };
  const adjust = (sku: string, delta: number) =>
    stockAdjustService.adjust(inventoryContext(fx), { sku, warehouseId: fx.warehouses.SHA, delta, reason: 'count' });
  const holding = async (ids: string[]) => Promise.all(ids.map((id) => probe.held(id)));

  it('stock that arrives goes to the highest-priority channel first, then the oldest order', async () => {
    await fx.addProduct('P-1', { SHA: { onHand: 0 } });
    const [low1, web1, vip1, web2, vip2] = await place('P-1', [
      ['low', 1],
      ['webstore', 1],
      ['vip', 1],
      ['webstore', 1],
      ['vip', 1],
    ]);
    const all = [low1, web1, vip1, web2, vip2];
    expect(await holding(all)).toEqual([0, 0, 0, 0, 0]);
    await adjust('P-1', 2);
    expect(await holding(all)).toEqual([0, 0, 1, 0, 1]);
    await adjust('P-1', 1);
    expect(await holding(all)).toEqual([0, 1, 1, 0, 1]);
    await adjust('P-1', 1);
    expect(await holding(all)).toEqual([0, 1, 1, 1, 1]);
    await adjust('P-1', 1);
    expect(await holding(all)).toEqual([1, 1, 1, 1, 1]);
    expect(await fx.level('P-1', 'SHA')).toMatchObject({ on_hand: 5, reserved: 5 });
  });

  it('a release, a return and a lowered safety stock hand units out in the same order', async () => {
    await fx.addProduct('P-2', { SHA: { onHand: 3, safetyStock: 1 } });
    const [h1, h2] = await place('P-2', [
      ['pos', 1],
      ['pos', 1],
    ]);
    const waiting = await place('P-2', [
      ['webstore', 1],
      ['vip', 1],
      ['low', 1],
      ['vip', 1],
    ]);
    const [web1, vip1, low1, vip2] = waiting;
    expect(await holding([h1, h2, ...waiting])).toEqual([1, 1, 0, 0, 0, 0]);

    await fx.inTx((tx) => releaseForOrder(tx, h1, 'buyer cancelled', routing));
    expect(await holding(waiting)).toEqual([0, 1, 0, 0]);

    await fx.inTx((tx) => shipAllocations(tx, h2, fx.warehouses.SHA, routing));
    expect(await holding(waiting)).toEqual([0, 1, 0, 0]);
    await fx.inTx((tx) => returnForOrder(tx, h2, 'returned', routing));
    expect(await holding(waiting)).toEqual([0, 1, 0, 1]);

    // The path a lowered safety stock takes: the level changes, then the SKU's waiting orders are offered the units.
    await fx.inTx(async (tx) => {
      await tx.manager.query('UPDATE stock_level SET safety_stock = 0 WHERE sku = $1', ['P-2']);
      await allocateBackorders(tx, ['P-2'], routing);
    });
    expect(await holding([web1, vip1, low1, vip2])).toEqual([1, 1, 0, 1]);
  });

  it('a new order waits behind units a higher-priority channel waits for; within one priority it does not', async () => {
    await fx.addProduct('P-3', { SHA: { onHand: 3 } });
    const [bigVip] = await place('P-3', [['vip', 5]]);
    const [web] = await place('P-3', [['webstore', 2]]);
    expect(await probe.reason(web)).toBe(
      'channel priority: orders of channels above webstore (priority 0) wait for 5 of P-3, 3 available, ' +
        'this order needs 2',
    );
    // Same priority as the waiting order: age only decides who is offered units first.
    const [smallVip] = await place('P-3', [['vip', 2]]);
    expect(await holding([bigVip, web, smallVip])).toEqual([0, 0, 2]);
    await adjust('P-3', 4);
    expect(await holding([bigVip, web, smallVip])).toEqual([5, 0, 2]);
    await adjust('P-3', 2);
    expect(await holding([bigVip, web, smallVip])).toEqual([5, 2, 2]);
    expect(await probe.reason(web)).toBeUndefined();
  });

  it("an order its channel's quota holds back holds back no one", async () => {
    await fx.addProduct('P-4', { SHA: { onHand: 3 } });
    await channelQuotaService.set(inventoryContext(fx), { channel: 'vip', sku: 'P-4', maxUnits: 2 });
    const [vip, web] = await place('P-4', [
      ['vip', 3],
      ['webstore', 3],
    ]);
    expect(await probe.reason(vip)).toMatch(/^channel quota: vip may hold at most 2 of P-4/);
    expect(await holding([vip, web])).toEqual([0, 3]);
  });

  it('when a quota starts holding a waiting order back, the orders it held back on its other SKUs go', async () => {
    await fx.addProduct('P-5A', { SHA: { onHand: 0 } });
    await fx.addProduct('P-5B', { SHA: { onHand: 1 } });
    const vip = placed(
      [
        { sku: 'P-5A', quantity: 1 },
        { sku: 'P-5B', quantity: 1 },
      ],
      'vip',
    );
    await fx.inTx((tx) => reserveForOrder(tx, vip, routing));
    const [web] = await place('P-5B', [['webstore', 1]]);
    expect(await probe.reason(web)).toMatch(/^channel priority: .* wait for 1 of P-5B, 1 available/);
    // The quota is on P-5A only; the web order waits for P-5B.
    await channelQuotaService.set(inventoryContext(fx), { channel: 'vip', sku: 'P-5A', maxUnits: 0 });
    expect(await holding([vip.orderId, web])).toEqual([0, 1]);
  });

  it('a waiting order cancelled, or its channel put back on the default priority, lets the others through', async () => {
    await fx.addProduct('P-6', { SHA: { onHand: 3 } });
    const [vip, web] = await place('P-6', [
      ['vip', 5],
      ['webstore', 2],
    ]);
    expect(await holding([vip, web])).toEqual([0, 0]);
    await fx.inTx((tx) => releaseForOrder(tx, vip, 'buyer cancelled', routing));
    expect(await holding([web])).toEqual([2]);

    await fx.addProduct('P-7', { SHA: { onHand: 3 } });
    const [gold, jd] = await place('P-7', [
      ['gold', 5],
      ['jd', 2],
    ]);
    expect(await holding([gold, jd])).toEqual([0, 0]);
    expect(await channelPriorityService.remove(inventoryContext(fx), 'gold')).toBe(true);
    expect(await holding([gold, jd])).toEqual([0, 2]);
    expect(await channelPriorityService.remove(inventoryContext(fx), 'gold')).toBe(false);
  });
});
