import { generateDemoDataset, type DemoDataset, type DemoOrder } from '@supply-graph/shared';

const NOW = new Date('2026-11-24T08:00:00Z');
const DAY = 86_400_000;
const TODAY = Math.floor(NOW.getTime() / DAY) * DAY;

/** Units ordered per UTC day index (0 = today), for the orders that pass `keep`. */
function unitsByDay(orders: DemoOrder[], keep: (o: DemoOrder) => boolean): Map<number, number> {
  const days = new Map<number, number>();
  for (const o of orders.filter(keep)) {
    const day = Math.floor((TODAY - Math.floor(o.placedAt.getTime() / DAY) * DAY) / DAY);
    days.set(day, (days.get(day) ?? 0) + o.lines.reduce((n, l) => n + l.quantity, 0));
  }
  return days;
}

/** Mean daily units over whole days in [fromAgo, toAgo] whose UTC weekday passes `weekday`, outside promotions. */
function meanDaily(
  data: DemoDataset,
  channels: string[],
  fromAgo: number,
  toAgo: number,
  weekday: (d: number) => boolean = () => true,
): number {
  const promoDays = new Set(
    data.promotions.flatMap((p) =>
      Array.from(
        { length: (p.endsAt.getTime() - p.startsAt.getTime()) / DAY },
        (_, i) => (TODAY - p.startsAt.getTime()) / DAY - i,
      ),
    ),
  );
  const units = unitsByDay(data.orders, (o) => channels.includes(o.channel));
  const days: number[] = [];
  for (let ago = fromAgo; ago >= toAgo; ago -= 1) {
    if (!promoDays.has(ago) && weekday(new Date(TODAY - ago * DAY).getUTCDay())) days.push(ago);
  }
  return days.reduce((sum, d) => sum + (units.get(d) ?? 0), 0) / days.length;
}

const weekend = (d: number) => d === 0 || d === 6;
const midweek = (d: number) => d >= 1 && d <= 4;

describe('the demo demand shape (seed 20261124, 2,000 customers, 20,000 orders)', () => {
  let data: DemoDataset;

  beforeAll(() => {
    data = generateDemoDataset({ customers: 2000, orders: 20000, now: NOW });
  });

  it('carries its promotions, whole UTC days inside the 180-day window, placed relative to now', () => {
    expect(data.promotions.map((p) => [p.code, (TODAY - p.startsAt.getTime()) / DAY])).toEqual([
      ['spring-sale', 120],
      ['double-11-warmup', 43],
      ['double-11', 40],
      ['live-week', 10],
    ]);
    for (const p of data.promotions) {
      expect(p.startsAt.getTime() % DAY).toBe(0);
      expect(p.endsAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('marketplaces and social peak at the weekend, the web stores midweek, the shops at the weekend', () => {
    const ratio = (channels: string[]) =>
      meanDaily(data, channels, 170, 1, weekend) / meanDaily(data, channels, 170, 1, midweek);
    expect(ratio(['tmall', 'jd', 'amazon'])).toBeGreaterThan(1.3);
    expect(ratio(['douyin'])).toBeGreaterThan(1.3);
    expect(ratio(['pos'])).toBeGreaterThan(1.7);
    expect(ratio(['webstore', 'shopify'])).toBeLessThan(0.8);
  });

  it("Singles' Day sells several times an ordinary day online; the shops barely notice", () => {
    const online = ['tmall', 'jd', 'amazon', 'douyin', 'webstore', 'shopify'];
    const units = unitsByDay(data.orders, (o) => online.includes(o.channel));
    const baseline = meanDaily(data, online, 70, 11);
    expect(units.get(40)! / baseline).toBeGreaterThan(4);
    expect(units.get(40)! / baseline).toBeLessThan(8);
    const shops = unitsByDay(data.orders, (o) => o.channel === 'pos');
    expect(shops.get(40)! / meanDaily(data, ['pos'], 70, 11)).toBeLessThan(2.5);
    // The live-stream week in the scoring range lifts douyin, not JD.
    const liveWeek = (channel: string) =>
      [10, 9, 8].reduce((n, d) => n + (unitsByDay(data.orders, (o) => o.channel === channel).get(d) ?? 0), 0) /
      3 /
      meanDaily(data, [channel], 40, 11);
    expect(liveWeek('douyin')).toBeGreaterThan(1.8);
    expect(liveWeek('jd')).toBeLessThan(1.5);
  });

  it('grows: the last 60 days sell more than the first 60; douyin grows fastest', () => {
    const growth = (channels: string[]) => meanDaily(data, channels, 59, 1) / meanDaily(data, channels, 179, 121);
    expect(growth(['tmall', 'jd', 'amazon', 'douyin', 'webstore', 'shopify'])).toBeGreaterThan(1.15);
    expect(growth(['douyin'])).toBeGreaterThan(1.6);
    expect(growth(['douyin'])).toBeGreaterThan(growth(['tmall', 'jd', 'amazon']));
  });

  it('has a long tail of SKUs: the top fifth sells about half the units', () => {
    const bySku = new Map<string, number>();
    for (const l of data.orders.flatMap((o) => o.lines)) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.quantity);
    const sorted = [...bySku.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = sorted.slice(0, 60).reduce((a, b) => a + b, 0) / total;
    expect(top).toBeGreaterThan(0.4);
    expect(top).toBeLessThan(0.65);
  });
});
