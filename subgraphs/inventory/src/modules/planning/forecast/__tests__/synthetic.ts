import type { DemandSeries } from '../forecast-model';

/** A seeded uniform generator (mulberry32): the tests' series are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
export const gaussian = (rand: () => number): number =>
  Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

/** Weekly profile of retail demand: quiet early week, busy weekend (multiplies the level). */
const WEEK = [0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 1.4];

/**
 * `days` of demand with a weekly pattern, a linear trend and gaussian noise,
 * never below zero: demand_t = (level + trend * t) * WEEK[t % 7] + noise * N(0, 1).
 */
export function weeklySeries(
  seed: number,
  days: number,
  shape: { level: number; trend: number; noise: number },
): DemandSeries {
  const rand = seeded(seed);
  const demand = Array.from({ length: days }, (_, t) =>
    Math.max(0, (shape.level + shape.trend * t) * WEEK[t % 7] + shape.noise * gaussian(rand)),
  );
  return { key: `weekly-${seed}`, start: '2026-01-05', demand };
}

/** Weighted absolute percentage error: sum |actual - forecast| / sum actual. */
export function wape(actual: readonly number[], forecast: readonly number[]): number {
  let error = 0;
  let total = 0;
  actual.forEach((y, i) => {
    error += Math.abs(y - forecast[i]);
    total += y;
  });
  return error / total;
}

/** Share of actual days inside [lower, upper]. */
export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  return actual.filter((y, i) => y >= lower[i] && y <= upper[i]).length / actual.length;
}
