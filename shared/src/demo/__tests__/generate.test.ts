import { generateDemoDataset, type DemoDataset, type DemoOrder, type OrderStatusName } from '@supply-graph/shared';

const NOW = new Date('2026-11-24T08:00:00Z');
const DAY = 86_400_000;
// Large enough that the rare outcomes (on hold, backordered) appear; generation takes a fraction of a second.
const SIZE = { customers: 500, orders: 5000, now: NOW };
const STATUSES: OrderStatusName[] = [
  'PENDING',
  'ALLOCATED',
  'BACKORDERED',
  'ON_HOLD',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'RETURNED',
];

/** A decimal money string in integer fen; NaN unless it has exactly two decimals. */
const fen = (amount: string): number => (/^\d+\.\d{2}$/.test(amount) ? Number(amount.replace('.', '')) : Number.NaN);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
const reachedAt = (order: DemoOrder, status: OrderStatusName) => order.history.find((h) => h.to === status)?.at ?? null;

describe('generateDemoDataset determinism', () => {
  it('gives the same data set for the same seed, size and now', () => {
    expect(generateDemoDataset({ ...SIZE, orders: 1500, seed: 7 })).toEqual(
      generateDemoDataset({ ...SIZE, orders: 1500, seed: 7 }),
    );
  });

  it('gives a different data set for another seed', () => {
    const a = generateDemoDataset({ ...SIZE, orders: 1500, seed: 7 });
    const b = generateDemoDataset({ ...SIZE, orders: 1500, seed: 8 });
    expect(b.customers.map((c) => c.id)).not.toEqual(a.customers.map((c) => c.id));
    expect(b.orders.map((o) => o.total)).not.toEqual(a.orders.map((o) => o.total));
  });
});

describe.each([7, 20261124])('generateDemoDataset (seed %p, 500 customers, 5000 orders)', (seed) => {
  let data: DemoDataset;
  let allocationsOf: Map<string, DemoDataset['allocations']>;
  let shipmentsOf: Map<string, DemoDataset['shipments']>;

  beforeAll(() => {
    data = generateDemoDataset({ ...SIZE, seed });
    allocationsOf = groupBy(data.allocations, (a) => a.orderId);
    shipmentsOf = groupBy(data.shipments, (s) => s.orderId);
  });

  it('has the requested size, SKU-0001..SKU-0300, and lines only of those', () => {
    expect(data.customers).toHaveLength(500);
    expect(data.orders).toHaveLength(5000);
    expect(data.products.map((p) => p.sku)).toEqual(
      Array.from({ length: 300 }, (_, i) => `SKU-${String(i + 1).padStart(4, '0')}`),
    );
    const skus = new Set(data.products.map((p) => p.sku));
    expect(data.orders.flatMap((o) => o.lines.map((l) => l.sku)).filter((sku) => !skus.has(sku))).toEqual([]);
  });

  it('has orders in every status', () => {
    expect([...new Set(data.orders.map((o) => o.status))].sort()).toEqual([...STATUSES].sort());
  });

  it('keeps each status history a chain from "null -> PENDING" to the current status, in time order', () => {
    const broken = data.orders.filter((o) => {
      const h = o.history;
      return (
        o.version !== h.length ||
        h[0].from !== null ||
        h[0].to !== 'PENDING' ||
        h[0].at.getTime() !== o.placedAt.getTime() ||
        h[h.length - 1].to !== o.status ||
        h.some((e, i) => i > 0 && (e.from !== h[i - 1].to || e.at < h[i - 1].at)) ||
        h.some((e) => e.at > NOW)
      );
    });
    expect(broken.map((o) => ({ id: o.id, status: o.status, version: o.version, history: o.history }))).toEqual([]);
  });

  it('money is exact: total = subtotal - discount + shipping, subtotal = sum of lines, two decimals everywhere', () => {
    const wrong = data.orders.filter((o) => {
      const amounts = [o.subtotal, o.discount, o.shippingFee, o.total, ...o.lines.map((l) => l.unitPrice)];
      const lines = o.lines.reduce((sum, l) => sum + l.quantity * fen(l.unitPrice), 0);
      return (
        amounts.some((a) => Number.isNaN(fen(a))) ||
        fen(o.total) !== fen(o.subtotal) - fen(o.discount) + fen(o.shippingFee) ||
        fen(o.subtotal) !== lines ||
        fen(o.discount) > fen(o.subtotal)
      );
    });
    expect(
      wrong.map(({ id, subtotal, discount, shippingFee, total, lines }) => ({
        id,
        subtotal,
        discount,
        shippingFee,
        total,
        lines,
      })),
    ).toEqual([]);
    expect(data.products.map((p) => p.price).filter((p) => Number.isNaN(fen(p)))).toEqual([]);
  });

  it('allocates every line exactly for orders that reached ALLOCATED, and no others', () => {
    const line = (x: { sku: string; quantity: number }) => `${x.sku}x${x.quantity}`;
    const wrong = data.orders.filter((o) => {
      const allocated = (allocationsOf.get(o.id) ?? []).map(line).sort();
      const expected = reachedAt(o, 'ALLOCATED') ? o.lines.map(line).sort() : [];
      return allocated.join() !== expected.join();
    });
    expect(wrong.map((o) => ({ id: o.id, status: o.status }))).toEqual([]);
    const orderIds = new Set(data.orders.map((o) => o.id));
    expect(data.allocations.filter((a) => !orderIds.has(a.orderId))).toEqual([]);
  });

  it('releases allocations exactly when the order was cancelled, at the cancellation', () => {
    const wrong = data.orders.filter((o) =>
      (allocationsOf.get(o.id) ?? []).some((a) =>
        o.status === 'CANCELLED'
          ? a.releasedAt?.getTime() !== reachedAt(o, 'CANCELLED')!.getTime()
          : a.releasedAt !== null,
      ),
    );
    expect(wrong.map((o) => ({ id: o.id, status: o.status }))).toEqual([]);
    expect(data.allocations.some((a) => a.releasedAt)).toBe(true);
  });

  it('reserves exactly the units of ALLOCATED orders, never more than on hand', () => {
    const status = new Map(data.orders.map((o) => [o.id, o.status]));
    const expected = new Map<string, number>();
    for (const a of data.allocations) {
      if (status.get(a.orderId) !== 'ALLOCATED') continue;
      const key = `${a.sku}@${a.warehouseId}`;
      expected.set(key, (expected.get(key) ?? 0) + a.quantity);
    }
    const levels = new Map(data.stockLevels.map((l) => [`${l.sku}@${l.warehouseId}`, l]));
    expect([...expected.keys()].filter((key) => !levels.has(key))).toEqual([]);
    const wrong = data.stockLevels.filter(
      (l) => l.reserved !== (expected.get(`${l.sku}@${l.warehouseId}`) ?? 0) || l.reserved > l.onHand,
    );
    expect(wrong).toEqual([]);
    expect(expected.size).toBeGreaterThan(0);
  });

  it('ships consistently with the order status', () => {
    const wrong = data.orders.filter((o) => {
      const shipments = shipmentsOf.get(o.id) ?? [];
      const warehouses = new Set((allocationsOf.get(o.id) ?? []).map((a) => a.warehouseId));
      if (
        shipments.some(
          (s) => !warehouses.has(s.warehouseId) || s.customerId !== o.customerId || s.channel !== o.channel,
        )
      )
        return true;
      if (duplicates(shipments.map((s) => s.warehouseId)).length) return true;
      switch (o.status) {
        case 'DELIVERED':
          return (
            !shipments.length ||
            shipments.some(
              (s) => s.status !== 'DELIVERED' || s.deliveredAt?.getTime() !== reachedAt(o, 'DELIVERED')!.getTime(),
            )
          );
        case 'SHIPPED':
          return !shipments.length || shipments.some((s) => s.status === 'DELIVERED' || s.deliveredAt !== null);
        case 'RETURNED':
          return !shipments.length || shipments.some((s) => s.status !== 'RETURNED');
        case 'ALLOCATED':
          return shipments.some((s) => s.status !== 'CREATED');
        default:
          // Never allocated, or cancelled before it left the warehouse.
          return shipments.length > 0;
      }
    });
    expect(
      wrong.map((o) => ({ id: o.id, status: o.status, shipments: shipmentsOf.get(o.id)?.map((s) => s.status) })),
    ).toEqual([]);
  });

  it('gives each shipment a chronological tracking trail that ends in its status', () => {
    const wrong = data.shipments.filter(
      (s) =>
        !s.events.length ||
        s.events.some((e, i) => (i > 0 && e.at < s.events[i - 1].at) || e.at > NOW) ||
        s.events[s.events.length - 1].status !== s.status ||
        (s.status === 'DELIVERED') !== (s.deliveredAt !== null),
    );
    expect(wrong.map((s) => ({ id: s.id, status: s.status, events: s.events }))).toEqual([]);
    expect(duplicates(data.shipments.map((s) => s.trackingNumber))).toEqual([]);
  });

  it('links buyers across channels with unique channel identities', () => {
    const identities = groupBy(data.identities, (i) => i.customerId);
    const counts = data.customers.map((c) => identities.get(c.id)?.length ?? 0);
    expect(counts.filter((n) => n < 1 || n > 3)).toEqual([]);
    expect(counts.filter((n) => n === 3).length).toBeGreaterThan(0);
    expect(duplicates(data.identities.map((i) => `${i.channel}:${i.externalId}`))).toEqual([]);
    for (const own of identities.values()) expect(duplicates(own.map((i) => i.channel))).toEqual([]);
  });

  it('numbers orders uniquely per channel, through a channel the buyer has an identity on', () => {
    expect(duplicates(data.orders.map((o) => `${o.channel}:${o.externalId}`))).toEqual([]);
    const channelsOf = groupBy(data.identities, (i) => i.customerId);
    const stray = data.orders.filter((o) => !channelsOf.get(o.customerId)?.some((i) => i.channel === o.channel));
    expect(stray.map((o) => o.id)).toEqual([]);
  });

  it('places orders within the last 180 days, never before the customer existed', () => {
    const createdAt = new Map(data.customers.map((c) => [c.id, c.createdAt.getTime()]));
    const wrong = data.orders.filter(
      (o) =>
        o.placedAt.getTime() < NOW.getTime() - 180 * DAY ||
        o.placedAt > NOW ||
        o.placedAt.getTime() < createdAt.get(o.customerId)!,
    );
    expect(
      wrong.map((o) => ({ id: o.id, placedAt: o.placedAt, customerCreatedAt: new Date(createdAt.get(o.customerId)!) })),
    ).toEqual([]);
  });

  it('places each order after the buyer opened the account on that channel', () => {
    const opened = new Map(data.identities.map((i) => [`${i.customerId}:${i.channel}`, i.createdAt.getTime()]));
    const early = data.orders.filter((o) => o.placedAt.getTime() < opened.get(`${o.customerId}:${o.channel}`)!);
    expect(early.map((o) => o.id)).toEqual([]);
  });
});
