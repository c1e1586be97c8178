import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { inventoryDriver } from './inventory-support';

const SET_QUOTA = graphql(`
  mutation QuotaSet($channel: String!, $sku: ID!, $maxUnits: Int, $maxShare: Float) {
    setChannelQuota(channel: $channel, sku: $sku, maxUnits: $maxUnits, maxShare: $maxShare) {
      channel sku maxUnits maxShare limit held remaining
    }
  }
`);
const QUOTAS = graphql(`
  query Quotas($sku: ID) { channelQuotas(sku: $sku) { channel sku maxUnits maxShare limit held remaining } }
`);
const ORDER = graphql(`
  query QuotaOrder($id: ID!) { order(id: $id) { id status backorderReason allocations { sku quantity } } }
`);

describeEachBus('channel quotas through the gateway', (bus, backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60, bus });
  const drive = inventoryDriver({ ask, db });
  const setQuota = (channel: string, sku: string, limits: { maxUnits?: number; maxShare?: number }) =>
    ask(SET_QUOTA, { channel, sku, ...limits });
  const quotas = async (sku: string) => (await ask(QUOTAS, { sku })).data!.channelQuotas;
  const order = async (id: string) => (await ask(ORDER, { id })).data!.order!;

  it('refuses a malformed quota with BAD_USER_INPUT naming every problem, and stores nothing', async () => {
    const all = expectOneError(
      await ask(SET_QUOTA, { channel: 'web store', sku: 'NO-SUCH-SKU', maxUnits: -1, maxShare: 1.5 }),
      'BAD_USER_INPUT',
    );
    expect(all.extensions?.problems).toEqual([
      { field: 'channel', message: '"web store" is not a channel code (letters, digits, ".", "_", "-")' },
      { field: 'maxShare', message: 'give exactly one of maxUnits and maxShare (both were given)' },
      { field: 'maxUnits', message: 'must be a whole number of units, 0 or more (got -1)' },
      { field: 'maxShare', message: 'must be between 0 and 1, e.g. 0.3 for 30% (got 1.5)' },
      { field: 'sku', message: 'unknown SKU "NO-SUCH-SKU"' },
    ]);
    const { sku } = await drive.freshSku(1);
    const neither = expectOneError(await ask(SET_QUOTA, { channel: 'webstore', sku }), 'BAD_USER_INPUT');
    expect(neither.extensions?.problems).toEqual([
      { field: 'maxUnits', message: 'give exactly one of maxUnits and maxShare (neither was given)' },
    ]);
    expectOneError(
      await ask(SET_QUOTA, { channel: 'webstore', sku, maxShare: 0.12345 }),
      'BAD_USER_INPUT',
      /at most 4 decimals/,
    );
    expect((await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM inventory.channel_quota'))[0].n).toBe(0);
  });

  it('an order within the quota is ALLOCATED; one past it BACKORDERED, naming it; other channels go on', async () => {
    const { sku } = await drive.freshSku(40);
    const set = await setQuota('webstore', sku, { maxUnits: 3 });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setChannelQuota).toEqual({
      channel: 'webstore',
      sku,
      maxUnits: 3,
      maxShare: null,
      limit: 3,
      held: 0,
      remaining: 3,
    });

    const within = await drive.place('webstore', [{ sku, quantity: 2 }]);
    await drive.status(within, 'ALLOCATED');
    expect(await quotas(sku)).toEqual([expect.objectContaining({ channel: 'webstore', held: 2, remaining: 1 })]);

    const past = await drive.place('webstore', [{ sku, quantity: 2 }]);
    await drive.status(past, 'BACKORDERED');
    const waiting = await order(past);
    expect(waiting.backorderReason).toBe(
      `channel quota: webstore may hold at most 3 of ${sku}, holds 2, this order needs 2`,
    );
    expect(waiting.allocations).toEqual([]);

    const elsewhere = await drive.place('tmall', [{ sku, quantity: 5 }]);
    await drive.status(elsewhere, 'ALLOCATED');

    // Raising the quota lets the waiting order in at once.
    expect((await setQuota('webstore', sku, { maxUnits: 4 })).data!.setChannelQuota).toMatchObject({
      limit: 4,
      held: 4,
      remaining: 0,
    });
    await drive.status(past, 'ALLOCATED');
    expect((await order(past)).backorderReason).toBeNull();
  });

  it('30 concurrent orders racing for a quota of 10: exactly 10 allocated, the channel never holds more', async () => {
    const { sku } = await drive.freshSku(60);
    expect((await setQuota('douyin', sku, { maxUnits: 10 })).errors).toBeUndefined();
    const ids = await Promise.all(Array.from({ length: 30 }, () => drive.place('douyin', [{ sku, quantity: 1 }])));
    const statuses = [...(await drive.settled(ids)).values()];
    expect(statuses.filter((s) => s === 'ALLOCATED')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'BACKORDERED')).toHaveLength(20);
    const [units] = await db.rows<{ n: number }>(
      `SELECT coalesce(sum(quantity), 0)::int AS n FROM inventory.allocation
       WHERE sku = $1 AND order_id = ANY($2::uuid[]) AND released_at IS NULL`,
      [sku, ids],
    );
    expect(units.n).toBe(10);
    expect(await quotas(sku)).toEqual([
      expect.objectContaining({ channel: 'douyin', limit: 10, held: 10, remaining: 0 }),
    ]);
  });

  it('a share quota caps the channel at that share of on-hand units over all warehouses', async () => {
    const { sku } = await drive.freshSku(20);
    const [{ on_hand: onHand }] = await db.rows<{ on_hand: number }>(
      'SELECT sum(on_hand)::int AS on_hand FROM inventory.stock_level WHERE sku = $1',
      [sku],
    );
    const set = await setQuota('jd', sku, { maxShare: 0.05 });
    const limit = Math.floor((onHand * 5) / 100);
    expect(set.data!.setChannelQuota).toMatchObject({ maxUnits: null, maxShare: 0.05, limit, held: 0 });
    const tooMany = await drive.place('jd', [{ sku, quantity: limit + 1 }]);
    await drive.status(tooMany, 'BACKORDERED');
    expect((await order(tooMany)).backorderReason).toMatch(
      new RegExp(`^channel quota: jd may hold at most 5% of on-hand \\(${limit} now\\) of ${sku}`),
    );
    if (limit > 0) {
      const fits = await drive.place('jd', [{ sku, quantity: limit }]);
      await drive.status(fits, 'ALLOCATED');
    }
    await eventually(
      async () => ((await quotas(sku))[0].held === limit ? true : undefined),
      `jd holding ${limit} of ${sku}`,
    );
  });
});
