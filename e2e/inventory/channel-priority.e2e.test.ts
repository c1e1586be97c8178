import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { usePlatform } from '../support/use-platform';
import { inventoryDriver } from './inventory-support';

const SET_PRIORITY = graphql(`
  mutation PrioritySet($channel: String!, $priority: Int!) {
    setChannelPriority(channel: $channel, priority: $priority) { channel priority isDefault }
  }
`);
const REMOVE_PRIORITY = graphql(`
  mutation PriorityRemove($channel: String!) { removeChannelPriority(channel: $channel) }
`);
const PRIORITIES = graphql(`
  query Priorities($channel: String) { channelPriorities(channel: $channel) { channel priority isDefault } }
`);
const ADJUST = graphql(`
  mutation PriorityAdjust($sku: ID!, $w: ID!, $d: Int!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: "supplier delivery") { available }
  }
`);
const ORDER = graphql(`
  query PriorityOrder($id: ID!) { order(id: $id) { id backorderReason allocations { sku quantity } } }
`);
const STOCKOUTS = graphql(`
  query PriorityStockouts($sku: ID!, $day: String!) {
    product(sku: $sku) {
      planningKpi(from: $day, to: $day) { stockoutByChannel { channel unitsDemanded unitsShort } }
    }
  }
`);

describePlatformSuite('channel priority through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });
  const units = async (id: string) =>
    (await ask(ORDER, { id })).data!.order!.allocations!.reduce((n, a) => n + a.quantity, 0);
  const reason = async (id: string) => (await ask(ORDER, { id })).data!.order!.backorderReason;
  const shortBy = async (sku: string, day: string) => {
    const result = await ask(STOCKOUTS, { sku, day });
    expect(result.errors).toBeUndefined();
    return new Map(result.data!.product!.planningKpi.stockoutByChannel.map((c) => [c.channel, c.unitsShort]));
  };

  it('the higher-priority channel gets the last units, however long the others waited', async () => {
    const set = await ask(SET_PRIORITY, { channel: 'tmall', priority: 10 });
    expect(set.data!.setChannelPriority).toEqual({ channel: 'tmall', priority: 10, isDefault: false });
    expect((await ask(PRIORITIES, { channel: 'webstore' })).data!.channelPriorities).toEqual([
      { channel: 'webstore', priority: 0, isDefault: true },
    ]);

    const { sku, warehouseId } = await drive.freshSku(2);
    const today = new Date().toISOString().slice(0, 10);
    const shortBefore = await shortBy(sku, today);
    // A jd order takes every unit that can be sold: what comes next waits.
    const holder = await drive.place('jd', [{ sku, quantity: await drive.sellable(sku) }]);
    await drive.status(holder, 'ALLOCATED');
    const web = await drive.place('webstore', [{ sku, quantity: 1 }]);
    await drive.status(web, 'BACKORDERED');
    const tmall = await drive.place('tmall', [{ sku, quantity: 1 }]);
    await drive.status(tmall, 'BACKORDERED');

    // One unit arrives: the younger tmall order takes it, the web order keeps waiting.
    expect((await ask(ADJUST, { sku, w: warehouseId, d: 1 })).errors).toBeUndefined();
    expect(await units(tmall)).toBe(1);
    expect(await units(web)).toBe(0);
    await drive.status(tmall, 'ALLOCATED');

    // A tmall order for 3 waits; 2 units arrive: not enough for it, and not the web orders' to take.
    const bigTmall = await drive.place('tmall', [{ sku, quantity: 3 }]);
    await drive.status(bigTmall, 'BACKORDERED');
    expect((await ask(ADJUST, { sku, w: warehouseId, d: 2 })).errors).toBeUndefined();
    expect([await units(bigTmall), await units(web)]).toEqual([0, 0]);
    expect(await reason(web)).toMatch(/^channel priority: orders of channels above webstore \(priority 0\) wait for 3/);
    const lateWeb = await drive.place('webstore', [{ sku, quantity: 1 }]);
    await drive.status(lateWeb, 'BACKORDERED');

    // The third unit: the tmall order is whole; then the next unit is the oldest web order's.
    expect((await ask(ADJUST, { sku, w: warehouseId, d: 1 })).errors).toBeUndefined();
    expect([await units(bigTmall), await units(web), await units(lateWeb)]).toEqual([3, 0, 0]);
    expect((await ask(ADJUST, { sku, w: warehouseId, d: 1 })).errors).toBeUndefined();
    expect([await units(web), await units(lateWeb)]).toEqual([1, 0]);
    await drive.status(web, 'ALLOCATED');
    await drive.status(bigTmall, 'ALLOCATED');

    // Every one of them met no stock when it came in: the stock-out figures say so, per channel.
    const shortAfter = await shortBy(sku, today);
    expect((shortAfter.get('tmall') ?? 0) - (shortBefore.get('tmall') ?? 0)).toBe(4);
    expect((shortAfter.get('webstore') ?? 0) - (shortBefore.get('webstore') ?? 0)).toBe(2);

    expect((await ask(REMOVE_PRIORITY, { channel: 'tmall' })).data!.removeChannelPriority).toBe(true);
    expect((await ask(PRIORITIES, {})).data!.channelPriorities).toEqual([]);
  });
});
