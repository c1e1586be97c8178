import { describeEachBackend } from '@supply-graph/shared/testing';
import { releaseForOrder, shipAllocations } from '../../reservation/release.service';
import { reserveForOrder } from '../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';
import { placed, startInventoryDb, type InventoryFixture } from './inventory-fixture';

const routing = defaultInventoryStrategies();

describeEachBackend('channel quotas in the reservation service', (backend) => {
  let fx: InventoryFixture;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const setQuota = (channel: string, sku: string, maxUnits: number | null, maxShare: string | null = null) =>
    fx.db.query('INSERT INTO channel_quota (channel, sku, max_units, max_share) VALUES ($1, $2, $3, $4)', [
      channel,
      sku,
      maxUnits,
      maxShare,
    ]);
  const held = async (channel: string, sku: string) =>
    (
      (await fx.db.query('SELECT held FROM channel_quota WHERE channel = $1 AND sku = $2', [channel, sku])) as {
        held: number;
      }[]
    )[0].held;
  const reason = async (orderId: string) =>
    ((await fx.db.query('SELECT reason FROM backorder WHERE order_id = $1', [orderId])) as { reason: string }[])[0]
      ?.reason;

  it('allocates within the quota, backorders past it naming the quota, and leaves other channels alone', async () => {
    await fx.addProduct('Q-1', { SHA: { onHand: 100 } });
    await setQuota('douyin', 'Q-1', 3);
    const first = placed([{ sku: 'Q-1', quantity: 2 }], 'douyin');
    expect(await fx.inTx((tx) => reserveForOrder(tx, first, routing))).toBe('reserved');
    expect(await held('douyin', 'Q-1')).toBe(2);

    const second = placed([{ sku: 'Q-1', quantity: 2 }], 'douyin');
    expect(await fx.inTx((tx) => reserveForOrder(tx, second, routing))).toBe('backordered');
    expect(await reason(second.orderId)).toBe(
      'channel quota: douyin may hold at most 3 of Q-1, holds 2, this order needs 2',
    );
    expect(await held('douyin', 'Q-1')).toBe(2);
    expect((await fx.level('Q-1', 'SHA')).reserved).toBe(2);

    // Another channel draws on the same pool, unaffected by douyin's quota.
    const other = placed([{ sku: 'Q-1', quantity: 50 }], 'tmall');
    expect(await fx.inTx((tx) => reserveForOrder(tx, other, routing))).toBe('reserved');

    // Cancelling the first order frees quota room: the waiting douyin order takes it in the same transaction.
    await fx.inTx((tx) => releaseForOrder(tx, first.orderId, 'buyer cancelled', routing));
    expect(await reason(second.orderId)).toBeUndefined();
    expect(await held('douyin', 'Q-1')).toBe(2);
  });

  it('a share quota is a share of on-hand units over all warehouses, rounded down', async () => {
    await fx.addProduct('Q-2', { SHA: { onHand: 30 }, PEK: { onHand: 11 } });
    await setQuota('pos', 'Q-2', null, '0.2500');
    // 25% of 41 is 10.25: 10 units.
    const ten = placed([{ sku: 'Q-2', quantity: 10 }], 'pos');
    expect(await fx.inTx((tx) => reserveForOrder(tx, ten, routing))).toBe('reserved');
    const one = placed([{ sku: 'Q-2', quantity: 1 }], 'pos');
    expect(await fx.inTx((tx) => reserveForOrder(tx, one, routing))).toBe('backordered');
    expect(await reason(one.orderId)).toBe(
      'channel quota: pos may hold at most 25% of on-hand (10 now) of Q-2, holds 10, this order needs 1',
    );
  });

  it('shipped units leave the channel count, and the room goes to the oldest waiting order', async () => {
    await fx.addProduct('Q-3', { SHA: { onHand: 20 } });
    await setQuota('jd', 'Q-3', 2);
    const a = placed([{ sku: 'Q-3', quantity: 2 }], 'jd');
    const b = placed([{ sku: 'Q-3', quantity: 2 }], 'jd');
    expect(await fx.inTx((tx) => reserveForOrder(tx, a, routing))).toBe('reserved');
    expect(await fx.inTx((tx) => reserveForOrder(tx, b, routing))).toBe('backordered');
    await fx.inTx((tx) => shipAllocations(tx, a.orderId, fx.warehouses.SHA, routing));
    expect(await reason(b.orderId)).toBeUndefined();
    expect(await held('jd', 'Q-3')).toBe(2);
    expect(await fx.level('Q-3', 'SHA')).toMatchObject({ on_hand: 18, reserved: 2 });
  });

  it('30 orders racing for a quota of 10 (each in its own transaction, at once): exactly 10 allocated', async () => {
    await fx.addProduct('Q-4', { SHA: { onHand: 500 }, PEK: { onHand: 500 } });
    await setQuota('amazon', 'Q-4', 10);
    const orders = Array.from({ length: 30 }, () => placed([{ sku: 'Q-4', quantity: 1 }], 'amazon'));
    const outcomes = await Promise.all(orders.map((o) => fx.inTx((tx) => reserveForOrder(tx, o, routing))));
    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'backordered')).toHaveLength(20);
    expect(await held('amazon', 'Q-4')).toBe(10);
    const [units] = (await fx.db.query(
      "SELECT sum(quantity)::int AS n FROM allocation WHERE sku = 'Q-4' AND released_at IS NULL",
    )) as { n: number }[];
    expect(units.n).toBe(10);
  });
});
