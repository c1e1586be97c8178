import { describeEachBackend } from '@supply-graph/shared/testing';
import { placed, startInventoryDb, type InventoryFixture } from '../../quota/__tests__/inventory-fixture';
import { releaseForOrder } from '../release.service';
import { reserveForOrder } from '../reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';

const strategies = defaultInventoryStrategies();

describeEachBackend('a backorder run after a release', (backend) => {
  let fx: InventoryFixture;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const status = async (orderId: string) =>
    (await fx.db.query('SELECT 1 FROM allocation WHERE order_id = $1 AND released_at IS NULL', [orderId])).length
      ? 'allocated'
      : (await fx.db.query('SELECT 1 FROM backorder WHERE order_id = $1', [orderId])).length
        ? 'waiting'
        : 'neither';

  it('passes over the older orders the freed units cannot cover and allocates the ones they can, oldest first', async () => {
    await fx.addProduct('B-1', { SHA: { onHand: 2 } });
    const holder = placed([{ sku: 'B-1', quantity: 2 }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, holder, strategies))).toBe('reserved');
    // Waiting, oldest first: one too large for what a release frees, then three of one unit each.
    const large = placed([{ sku: 'B-1', quantity: 5 }]);
    const small = [1, 2, 3].map(() => placed([{ sku: 'B-1', quantity: 1 }]));
    for (const order of [large, ...small])
      expect(await fx.inTx((tx) => reserveForOrder(tx, order, strategies))).toBe('backordered');

    await fx.inTx((tx) => releaseForOrder(tx, holder.orderId, 'cancelled', strategies));

    expect(await status(large.orderId)).toBe('waiting');
    expect(await Promise.all(small.map((o) => status(o.orderId)))).toEqual(['allocated', 'allocated', 'waiting']);
    expect(await fx.level('B-1', 'SHA')).toMatchObject({ on_hand: 2, reserved: 2 });
  });
});
