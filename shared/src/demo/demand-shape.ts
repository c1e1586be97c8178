import { CHANNELS } from './catalog';
import type { ChannelKindName, DemoPromotion } from './dataset';
import { DAY, HOUR } from './order-timeline';
import type { Random } from './random';

/** How far back the demo's orders go: a backtest trains on the first 150 days and scores the last 30. */
export const HISTORY_DAYS = 180;

/**
 * Demand by UTC weekday (0 = Sunday), per channel kind. Marketplaces, social
 * commerce and the shops peak at the weekend; the web stores are browsed from
 * the office, so they peak early in the week and dip on Saturday. The demo's
 * days are UTC days, as `demand_daily`'s are, so a forecast sees exactly these.
 */
const WEEKDAY: Record<ChannelKindName, readonly number[]> = {
  MARKETPLACE: [1.3, 0.9, 0.88, 0.88, 0.92, 1.05, 1.4],
  SOCIAL: [1.35, 0.85, 0.85, 0.9, 0.95, 1.1, 1.45],
  WEBSTORE: [0.85, 1.2, 1.15, 1.1, 1.05, 0.95, 0.7],
  OFFLINE: [1.6, 0.75, 0.75, 0.8, 0.85, 1.05, 1.8],
};

/** Growth over the window: the multiplier at its start and at `now`. Social commerce grows fastest, the shops shrink. */
const TREND: Record<ChannelKindName, readonly [number, number]> = {
  MARKETPLACE: [0.85, 1.15],
  SOCIAL: [0.6, 1.4],
  WEBSTORE: [0.9, 1.1],
  OFFLINE: [1.05, 0.95],
};

/** Orders by hour of the Chinese day (UTC+8): quiet at night, an evening peak; only spreads orders within a day. */
const LOCAL_HOUR = [
  0.6, 0.35, 0.2, 0.12, 0.1, 0.12, 0.25, 0.5, 0.8, 1, 1.1, 1.2, 1.3, 1.15, 1.1, 1.1, 1.15, 1.2, 1.3, 1.5, 1.7, 1.8, 1.6,
  1.1,
];

const ONLINE = CHANNELS.filter((c) => c.kind !== 'OFFLINE').map((c) => c.code);

/**
 * The promotions inside the window, placed relative to `now` (whole UTC days)
 * so every seeded history has them at the same distance: a Singles' Day-style
 * event 40 days back (inside the backtest's training range, with a warm-up),
 * a spring sale 120 days back, and a live-stream week 10 days back (inside the
 * scoring range, so a backtest meets a promotion it was told about).
 */
export function demoPromotions(now: Date): DemoPromotion[] {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const window = (code: string, name: string, daysAgo: number, days: number, uplift: number, channels: string[]) => ({
    code,
    name,
    startsAt: new Date(today - daysAgo * DAY),
    endsAt: new Date(today - (daysAgo - days) * DAY),
    uplift,
    channels,
  });
  return [
    window('spring-sale', 'Spring sale', 120, 2, 1.8, ONLINE),
    window('double-11-warmup', "Singles' Day warm-up", 43, 3, 1.6, ONLINE),
    window('double-11', "Singles' Day", 40, 1, 6, ONLINE),
    window('live-week', 'Douyin live-stream week', 10, 3, 2.5, ['douyin', 'tmall']),
  ];
}

/**
 * Where in time orders fall, per channel: weekday × trend × promotion uplift
 * per UTC day, spread over the day's hours. Draws are exact inverse-CDF picks
 * over hourly slots (one random number per order), so a data set stays the
 * same for a given seed, size and `now`.
 */
export class DemandShape {
  private readonly start: number;
  private readonly end: number;
  /** Per channel, the cumulative weight at the end of each hourly slot (slot i starts at `start + i h`). */
  private readonly cumulative = new Map<string, Float64Array>();

  constructor(now: Date, promotions: readonly DemoPromotion[]) {
    this.end = now.getTime();
    this.start = this.end - HISTORY_DAYS * DAY;
    const slots = Math.ceil((this.end - this.start) / HOUR);
    for (const channel of CHANNELS) {
      const sums = new Float64Array(slots);
      let total = 0;
      for (let i = 0; i < slots; i += 1) {
        const from = this.start + i * HOUR;
        const width = Math.min(HOUR, this.end - from) / HOUR;
        total += width * this.rate(channel.code, channel.kind, from, promotions);
        sums[i] = total;
      }
      this.cumulative.set(channel.code, sums);
    }
  }

  /** A time in [max(earliest, now - 180 days), now] drawn with the channel's demand shape. */
  draw(rng: Random, channel: string, earliest: number): Date {
    const sums = this.cumulative.get(channel);
    const from = Math.max(earliest, this.start);
    if (!sums) return new Date(from + Math.floor(rng.next() * (this.end - from)));
    const low = this.at(sums, from);
    const target = low + rng.next() * (sums[sums.length - 1] - low);
    // The first slot whose cumulative weight reaches the target.
    let lo = Math.floor((from - this.start) / HOUR);
    let hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sums[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 ? sums[lo - 1] : 0;
    const slotStart = this.start + lo * HOUR;
    const slotEnd = Math.min(slotStart + HOUR, this.end);
    const share = sums[lo] > before ? (target - before) / (sums[lo] - before) : 0;
    const t = Math.floor(slotStart + share * (slotEnd - slotStart));
    return new Date(Math.min(this.end, Math.max(from, t)));
  }

  /** Cumulative weight up to `t`, interpolated within its slot. */
  private at(sums: Float64Array, t: number): number {
    const slot = Math.min(sums.length - 1, Math.floor((t - this.start) / HOUR));
    const before = slot > 0 ? sums[slot - 1] : 0;
    const slotStart = this.start + slot * HOUR;
    const width = Math.min(HOUR, this.end - slotStart);
    return before + ((sums[slot] - before) * (t - slotStart)) / width;
  }

  private rate(channel: string, kind: ChannelKindName, t: number, promotions: readonly DemoPromotion[]): number {
    const [from, to] = TREND[kind];
    const progress = (t - this.start) / (this.end - this.start);
    const weekday = WEEKDAY[kind][new Date(t).getUTCDay()];
    const hour = LOCAL_HOUR[(new Date(t).getUTCHours() + 8) % 24];
    const uplift = promotions
      .filter((p) => p.channels.includes(channel) && t >= p.startsAt.getTime() && t < p.endsAt.getTime())
      .reduce((u, p) => u * p.uplift, 1);
    return (from + (to - from) * progress) * weekday * hour * uplift;
  }
}

/**
 * Relative popularity of each catalogue index: a long tail (the top fifth of
 * SKUs draws about half the units). The ranks are a fixed permutation mixed
 * with the seed, so no random numbers are spent on it.
 */
export function skuPopularity(count: number, seed: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    // 7919 is prime and shares no factor with the catalogue size used (300): a permutation.
    const rank = (((i * 7919 + seed) % count) + count) % count;
    return 1 / (rank + 3) ** 0.7;
  });
}
