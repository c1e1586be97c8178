import { CARRIERS, CHANNEL_WEIGHTS, CHANNELS, WAREHOUSES, productSpec } from './catalog';
import type {
  DemoDataset,
  DemoOrder,
  DemoOrderLine,
  DemoProduct,
  DemoSize,
  DemoStockLevel,
  DemoWarehouse,
} from './dataset';
import { DemandShape, demoPromotions, HISTORY_DAYS, skuPopularity } from './demand-shape';
import { planFulfilment } from './generate-fulfilment';
import { generatePeople } from './generate-people';
import { distanceKm, fenToDecimal } from './geo';
import { DAY, drawTimeline } from './order-timeline';
import { Random } from './random';

export const DEFAULT_DEMO_SIZE = { customers: 5000, orders: 20000 } as const;
export const PRODUCT_COUNT = 300;

/**
 * Generates the whole demo data set in memory, deterministically for a given
 * seed, size and `now`. Each subgraph writes its own part of it.
 */
export function generateDemoDataset(size: DemoSize): DemoDataset {
  const seed = size.seed ?? 20261124;
  const rng = new Random(seed);
  const now = size.now ?? new Date();
  const warehouses: DemoWarehouse[] = WAREHOUSES.map((w) => ({ id: rng.uuid(), ...w }));
  const popularity = skuPopularity(PRODUCT_COUNT, seed);
  const { products, stockLevels, priceFen } = generateCatalogue(rng, warehouses, popularity);
  const pickSku = weightedPicker(popularity);
  const promotions = demoPromotions(now);
  const shape = new DemandShape(now, promotions);
  const people = generatePeople(rng, size.customers, now, CHANNEL_WEIGHTS);
  const orders: DemoOrder[] = [];
  const timelines = new Map<string, ReturnType<typeof drawTimeline>>();
  const counters = new Map<string, number>();
  const usedNumbers = new Set<string>();

  for (let i = 0; i < size.orders; i += 1) {
    // Skewed: a few loyal customers place many orders, most place one or two.
    const person = people[Math.floor(rng.next() ** 1.8 * people.length)];
    const identity = rng.pick(person.identities);
    // Never before the buyer opened the account on the channel the order comes through; when, by the channel's shape.
    const earliest = Math.max(now.getTime() - HISTORY_DAYS * DAY, identity.createdAt.getTime());
    const placedAt = shape.draw(rng, identity.channel, earliest);
    const nearest = Math.min(...warehouses.map((w) => distanceKm(w, person.city)));
    const timeline = drawTimeline(rng, placedAt, 1 + Math.min(3, Math.floor(nearest / 600)), now);
    const lines = drawLines(rng, () => products[pickSku(rng)], priceFen);
    const subtotalFen = lines.reduce((sum, l) => sum + l.quantity * Math.round(Number(l.unitPrice) * 100), 0);
    // Most orders placed during a promotion get its discount.
    const promoted = promotions.some(
      (p) => p.channels.includes(identity.channel) && p.startsAt <= placedAt && placedAt < p.endsAt,
    );
    const discountFen = rng.chance(promoted ? 0.8 : 0.2) ? Math.round((subtotalFen * rng.int(5, 15)) / 100) : 0;
    const shippingFen = identity.channel === 'pos' || subtotalFen - discountFen >= 9900 ? 0 : 800;
    const n = (counters.get(identity.channel) ?? 0) + 1;
    counters.set(identity.channel, n);
    const order: DemoOrder = {
      id: rng.uuid(),
      channel: identity.channel,
      externalId: uniqueNumber(
        () => orderNumber(rng, identity.channel, n, placedAt),
        `${identity.channel}:`,
        usedNumbers,
      ),
      customerId: person.customer.id,
      status: timeline.status,
      version: timeline.history.length,
      currency: 'CNY',
      subtotal: fenToDecimal(subtotalFen),
      discount: fenToDecimal(discountFen),
      shippingFee: fenToDecimal(shippingFen),
      total: fenToDecimal(subtotalFen - discountFen + shippingFen),
      shippingAddress: person.address,
      placedAt,
      riskScore: timeline.held ? rng.int(70, 95) / 100 : rng.int(0, 30) / 100,
      riskFlags: timeline.held ? [timeline.history[1].reason!.replace('risk: ', '')] : [],
      lines,
      history: timeline.history,
    };
    orders.push(order);
    timelines.set(order.id, timeline);
  }
  orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  const cityOf = new Map(people.map((p) => [p.customer.id, p.city]));
  const { allocations, shipments } = planFulfilment(rng, { orders, timelines, warehouses, stockLevels, cityOf, now });

  return {
    channels: CHANNELS,
    warehouses,
    products,
    stockLevels,
    customers: people.map((p) => p.customer),
    identities: people.flatMap((p) => p.identities),
    orders,
    allocations,
    carriers: CARRIERS,
    shipments,
    promotions,
  };
}

function generateCatalogue(rng: Random, warehouses: DemoWarehouse[], popularity: number[]) {
  const mean = popularity.reduce((a, b) => a + b, 0) / popularity.length;
  const products: DemoProduct[] = [];
  const stockLevels: DemoStockLevel[] = [];
  const priceFen = new Map<string, number>();
  for (let i = 0; i < PRODUCT_COUNT; i += 1) {
    const spec = productSpec(i);
    const fen = Math.round(rng.int(spec.minFen, spec.maxFen) / 100) * 100 - 10;
    priceFen.set(spec.sku, fen);
    // The draw is kept (the data set after it stays the same); it now varies the noun's weight by +-10%.
    const weightGrams = Math.round(spec.weightGrams * (0.9 + (0.2 * (rng.int(80, 4000) - 80)) / 3920));
    products.push({
      sku: spec.sku,
      name: spec.name,
      price: fenToDecimal(fen),
      weightGrams,
      dimensionsMm: [spec.lengthMm, spec.widthMm, spec.heightMm],
    });
    const stocked = [...warehouses].sort(() => rng.next() - 0.5).slice(0, rng.int(3, 5));
    for (const w of stocked) {
      stockLevels.push({
        sku: spec.sku,
        warehouseId: w.id,
        // Buyers stock what sells: popular SKUs hold more, the tail less.
        onHand: Math.round(rng.int(20, 400) * Math.min(3, Math.max(0.5, popularity[i] / mean))),
        reserved: 0,
        safetyStock: rng.int(2, 15),
      });
    }
  }
  return { products, stockLevels, priceFen };
}

/** Picks an index by weight with one random number (binary search over the cumulative weights). */
function weightedPicker(weights: number[]): (rng: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function drawLines(rng: Random, pick: () => DemoProduct, priceFen: Map<string, number>): DemoOrderLine[] {
  const count = Number(rng.weighted({ 1: 55, 2: 28, 3: 12, 4: 5 }));
  const skus = new Set<string>();
  while (skus.size < count) skus.add(pick().sku);
  return [...skus].map((sku, index) => {
    // One line in forty is a free gift, as marketplaces send them.
    const gift = index > 0 && rng.chance(0.025);
    return {
      lineNo: index + 1,
      sku,
      quantity: gift ? 1 : Number(rng.weighted({ 1: 80, 2: 15, 3: 5 })),
      unitPrice: fenToDecimal(gift ? 0 : priceFen.get(sku)!),
    };
  });
}

function uniqueNumber(draw: () => string, prefix: string, used: Set<string>): string {
  let value = draw();
  while (used.has(prefix + value)) value = draw();
  used.add(prefix + value);
  return value;
}

function orderNumber(rng: Random, channel: string, n: number, placedAt: Date): string {
  const ymd = placedAt.toISOString().slice(0, 10).replace(/-/g, '');
  switch (channel) {
    case 'tmall':
      return rng.digits(18);
    case 'jd':
      return rng.digits(12);
    case 'shopify':
      return rng.digits(13);
    case 'amazon':
      return `${rng.digits(3)}-${rng.digits(7)}-${rng.digits(7)}`;
    case 'douyin':
      return rng.digits(19);
    case 'pos':
      return `POS-${ymd}-${String(n).padStart(6, '0')}`;
    default:
      return `WS-${ymd}-${String(n).padStart(6, '0')}`;
  }
}
