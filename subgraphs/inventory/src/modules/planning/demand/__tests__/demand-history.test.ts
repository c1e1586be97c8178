import { randomUUID } from 'node:crypto';
import { EventTypes, idempotent, type DomainEvent, type OrderPlaced } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { placed, startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { allocateBackorders } from '../../../reservation/release.service';
import { reservationConsumers } from '../../../reservation/reservation.consumer';
import { defaultInventoryStrategies } from '../../../../strategies';
import { rebuildDemandHistory } from '../demand-backfill';

const routing = defaultInventoryStrategies();
const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

interface DayRow {
  sku: string;
  warehouse: string;
  channel: string;
  day: string;
  demanded: number;
  fulfilled: number;
  short: number;
  orders: number;
}

const event = (type: string, payload: unknown, orderId: string): DomainEvent => ({
  eventId: randomUUID(),
  type,
  aggregateType: 'order',
  aggregateId: orderId,
  aggregateVersion: 1,
  occurredAt: new Date().toISOString(),
  source: 'orders',
  payload,
});

describeEachBackend('demand history (demand_daily), kept by the reservation and rebuilt by the backfill', (backend) => {
  let fx: InventoryFixture;
  let deliver: Record<'allocate' | 'release', (e: DomainEvent) => Promise<void>>;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    const consumers = reservationConsumers(routing);
    const wrap = (name: string) => {
      const subscription = idempotent(fx.db, 'inventory', consumers.find((c) => c.consumer === name)!, () => {});
      return (e: DomainEvent) => subscription.handle(e);
    };
    deliver = { allocate: wrap('inventory.allocate'), release: wrap('inventory.release') };
  });
  afterAll(async () => {
    await fx?.close();
  });

  /** The day rows of some SKUs, warehouses by code. */
  const days = async (...skus: string[]): Promise<DayRow[]> =>
    (await fx.db.query(
      `SELECT d.sku, w.code AS warehouse, d.channel, d.day::text AS day, d.units_demanded AS demanded,
              d.units_fulfilled AS fulfilled, d.units_short AS short, d.orders
       FROM demand_daily d JOIN warehouse w ON w.id = d.warehouse_id
       WHERE d.sku = ANY($1) ORDER BY d.sku, w.code, d.channel, d.day`,
      [skus],
    )) as DayRow[];
  const place = async (order: OrderPlaced, times = 1) => {
    const e = event(EventTypes.orderPlaced, order, order.orderId);
    for (let i = 0; i < times; i += 1) await deliver.allocate(e);
  };
  const row = (sku: string, warehouse: string, counts: Partial<DayRow>, channel = 'webstore', day = today()) => ({
    sku,
    warehouse,
    channel,
    day,
    demanded: 0,
    fulfilled: 0,
    short: 0,
    orders: 0,
    ...counts,
  });

  it('an allocated order adds its units to its day once, even when order.placed is delivered twice', async () => {
    await fx.addProduct('D-1', { SHA: { onHand: 50 }, PEK: { onHand: 50 } });
    await place(placed([{ sku: 'D-1', quantity: 3 }]), 2);
    await place(placed([{ sku: 'D-1', quantity: 2 }], 'tmall'), 2);
    await place(placed([{ sku: 'D-1', quantity: 1 }]));
    expect(await days('D-1')).toEqual([
      row('D-1', 'SHA', { demanded: 2, fulfilled: 2, orders: 1 }, 'tmall'),
      row('D-1', 'SHA', { demanded: 4, fulfilled: 4, orders: 2 }),
    ]);
  });

  it('a backorder is unmet demand at the nearest warehouse stocking the SKU; filling or cancelling it later keeps the record', async () => {
    await fx.addProduct('D-2', { PEK: { onHand: 1 } });
    const order = placed([{ sku: 'D-2', quantity: 4 }]);
    await place(order, 2);
    expect(await days('D-2')).toEqual([row('D-2', 'PEK', { demanded: 4, short: 4, orders: 1 })]);

    // Stock arrives at SHA: the waiting order is allocated there, and stays counted as unmet when it was placed.
    await fx.db.query(
      "INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES ('D-2', $1, 10, 0, 0)",
      [fx.warehouses.SHA],
    );
    expect(await fx.inTx((tx) => allocateBackorders(tx, ['D-2'], routing))).toBe(1);
    await deliver.release(event(EventTypes.orderCancelled, { orderId: order.orderId, reason: 'buyer' }, order.orderId));
    expect(await days('D-2')).toEqual([row('D-2', 'PEK', { demanded: 4, short: 4, orders: 1 })]);
  });

  it('a SKU no warehouse stocks is unmet at the nearest warehouse; a held order counts on its placement day', async () => {
    await fx.addProduct('D-3', {});
    await place(placed([{ sku: 'D-3', quantity: 2 }]));
    await fx.addProduct('D-4', { PEK: { onHand: 9 } });
    const held = { ...placed([{ sku: 'D-4', quantity: 1 }], 'douyin'), held: true };
    held.placedAt = new Date(Date.now() - 2 * DAY).toISOString();
    await place(held);
    expect(await days('D-4')).toEqual([]);
    await deliver.allocate(event(EventTypes.orderReleased, { ...held, held: false }, held.orderId));
    expect(await days('D-3', 'D-4')).toEqual([
      row('D-3', 'SHA', { demanded: 2, short: 2, orders: 1 }),
      row('D-4', 'PEK', { demanded: 1, fulfilled: 1, orders: 1 }, 'douyin', held.placedAt.slice(0, 10)),
    ]);
  });

  it('20 orders at once (each delivered twice, concurrently) for the last units: exact sums', async () => {
    await fx.addProduct('D-5', { SHA: { onHand: 10 }, PEK: { onHand: 5 } });
    const events = Array.from({ length: 20 }, () => {
      const order = placed([{ sku: 'D-5', quantity: 1 }]);
      return event(EventTypes.orderPlaced, order, order.orderId);
    });
    await Promise.all(events.flatMap((e) => [deliver.allocate(e), deliver.allocate(e)]));
    // SHA serves 10, PEK the next 5; the last 5 wait, unmet at SHA (the nearest stocking D-5).
    expect(await days('D-5')).toEqual([
      row('D-5', 'PEK', { demanded: 5, fulfilled: 5, orders: 5 }),
      row('D-5', 'SHA', { demanded: 15, fulfilled: 10, short: 5, orders: 15 }),
    ]);
  });

  it('the backfill rebuilds exactly what the reservations recorded, and derives lost facts from allocations and backorders', async () => {
    const all = () =>
      fx.db.query('SELECT * FROM demand_daily ORDER BY sku, warehouse_id, channel, day') as Promise<unknown[]>;
    const recorded = await all();
    expect(recorded.length).toBeGreaterThan(5);
    await fx.inTx((tx) => rebuildDemandHistory(tx.manager));
    expect(await all()).toEqual(recorded);

    // Facts lost (history from before the table): today's direct allocations and a waiting backorder come back
    // from the allocation and backorder tables as the reservation had recorded them.
    await fx.db.query("DELETE FROM demand_line WHERE sku IN ('D-1', 'D-3', 'D-5')");
    await fx.inTx((tx) => rebuildDemandHistory(tx.manager));
    expect(await all()).toEqual(recorded);
    await fx.inTx((tx) => rebuildDemandHistory(tx.manager));
    expect(await all()).toEqual(recorded);
  });
});
