import { randomUUID } from 'node:crypto';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { inventoryDriver } from './inventory-support';

const ADJUST_PRESALE = graphql(`
  mutation PresaleAdjust($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {
    adjustPresaleStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {
      sku warehouse { code } onHand reserved available
    }
  }
`);
const PRODUCT = graphql(`
  query PresaleProduct($sku: ID!) {
    product(sku: $sku) {
      available
      stockLevels { warehouse { code } onHand reserved }
      presaleStock { warehouse { code } onHand reserved available }
    }
  }
`);
const PLACE = graphql(`
  mutation PresalePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id lines { sku presale } } } }
`);
const ADJUST = graphql(`
  mutation PresaleRegularAdjust($sku: ID!, $w: ID!, $d: Int!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: "stock count") { available }
  }
`);

describePlatformSuite('presale stock through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });
  const adjustPresale = (
    sku: string,
    warehouseId: string,
    delta: number,
    reason = 'presale allotment from the supplier',
  ) => ask(ADJUST_PRESALE, { sku, warehouseId, delta, reason });
  const product = async (sku: string) => (await ask(PRODUCT, { sku })).data!.product!;

  /** Places an order through the gateway; `presale` lines are filled from presale stock only. */
  async function placePresale(lines: { sku: string; quantity: number; presale?: boolean }[]): Promise<string> {
    const placed = await ask(PLACE, {
      input: {
        channel: 'webstore',
        externalId: `PRESALE-${randomUUID()}`,
        buyer: { name: 'Presale Buyer', email: `presale-${randomUUID()}@example.com` },
        currency: 'CNY',
        lines: lines.map((l) => ({
          sku: l.sku,
          quantity: l.quantity,
          unitPrice: '88.00',
          presale: l.presale ?? false,
        })),
        shippingAddress: { country: 'CN', province: 'Shanghai', city: 'Shanghai' },
      },
    });
    expect(placed.errors).toBeUndefined();
    const order = placed.data!.placeOrder.order!;
    // The flag is part of the order as clients see it.
    expect(order.lines.map((l) => l.presale)).toEqual(lines.map((l) => l.presale ?? false));
    return order.id;
  }
  const allocations = (orderId: string) =>
    db.rows<{ sku: string; quantity: number; presale: boolean }>(
      `SELECT sku, quantity, presale FROM inventory.allocation
       WHERE order_id = $1 AND released_at IS NULL ORDER BY presale, sku`,
      [orderId],
    );

  it('refuses a bad presale adjustment: problems listed, NOT_FOUND, CONFLICT below reserved; none stored', async () => {
    const { sku, warehouseId } = await drive.freshSku(1);
    const before = await product(sku);
    const bad = expectOneError(await adjustPresale(sku, warehouseId, 0, '   '), 'BAD_USER_INPUT');
    expect(bad.extensions?.problems).toEqual([
      { field: 'delta', message: 'must not be 0' },
      { field: 'reason', message: 'must not be blank' },
    ]);
    expectOneError(await adjustPresale('NO-SUCH-SKU', warehouseId, 5), 'NOT_FOUND', /Product "NO-SUCH-SKU"/);
    expectOneError(await adjustPresale(sku, randomUUID(), 5), 'NOT_FOUND', /Warehouse/);
    expectOneError(await adjustPresale(sku, warehouseId, -1), 'CONFLICT', /below the 0 presale units reserved/);
    expect(await product(sku)).toEqual(before);
    const [moves] = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM inventory.stock_movement WHERE sku = $1 AND presale',
      [sku],
    );
    expect(moves.n).toBe(0);
  });

  it('a presale line takes presale units only, and regular stock stays as it was', async () => {
    const { sku, warehouseId } = await drive.freshSku(10);
    const set = await adjustPresale(sku, warehouseId, 5);
    expect(set.errors).toBeUndefined();
    expect(set.data!.adjustPresaleStock).toEqual({
      sku,
      warehouse: { code: 'SHA' },
      onHand: 5,
      reserved: 0,
      available: 5,
    });
    const before = await product(sku);

    const orderId = await placePresale([{ sku, quantity: 3, presale: true }]);
    await eventually(
      async () => ((await allocations(orderId)).length ? true : undefined),
      'the presale order allocated',
    );
    expect(await allocations(orderId)).toEqual([{ sku, quantity: 3, presale: true }]);
    const after = await product(sku);
    expect(after.presaleStock).toEqual([{ warehouse: { code: 'SHA' }, onHand: 5, reserved: 3, available: 2 }]);
    expect(after.stockLevels).toEqual(before.stockLevels);
    expect(after.available).toBe(before.available);

    // More presale units than are left: the order waits, though regular units sit on the shelf...
    const waiting = await placePresale([{ sku, quantity: 4, presale: true }]);
    await eventually(
      async () =>
        (await db.rows('SELECT 1 FROM inventory.backorder WHERE order_id = $1', [waiting])).length ? true : undefined,
      'backordered',
    );
    expect((await product(sku)).stockLevels).toEqual(before.stockLevels);
    // ...until presale units arrive, which go to it at once.
    expect((await adjustPresale(sku, warehouseId, 2)).data!.adjustPresaleStock).toEqual({
      sku,
      warehouse: { code: 'SHA' },
      onHand: 7,
      reserved: 7,
      available: 0,
    });
    expect(await allocations(waiting)).toEqual([{ sku, quantity: 4, presale: true }]);
  });

  it('a regular line never takes presale units', async () => {
    const { sku, warehouseId } = await drive.freshSku(1);
    // No regular unit left to sell anywhere (through the API, so the ledger stays whole); presale units plenty.
    const levels = await db.rows<{ warehouse_id: string; on_hand: number; reserved: number }>(
      'SELECT warehouse_id, on_hand, reserved FROM inventory.stock_level WHERE sku = $1',
      [sku],
    );
    for (const l of levels) {
      if (l.on_hand === l.reserved) continue;
      const r = await ask(ADJUST, { sku, w: l.warehouse_id, d: l.reserved - l.on_hand });
      expect(r.errors).toBeUndefined();
    }
    expect((await adjustPresale(sku, warehouseId, 100)).errors).toBeUndefined();

    const regular = await drive.place('webstore', [{ sku, quantity: 1 }]);
    await drive.status(regular, 'BACKORDERED');
    expect((await product(sku)).presaleStock).toEqual([
      { warehouse: { code: 'SHA' }, onHand: 100, reserved: 0, available: 100 },
    ]);
    expect(await allocations(regular)).toEqual([]);
  });
});
