import type { ForecastModel, ForecastOptions, ForecastValues } from './forecast-model';
import { zFor } from './normal-quantile';

/**
 * The baseline: each future day repeats the same weekday of the last observed
 * season. Its intervals come from the in-sample seasonal-naive residuals
 * e_t = y_t - y_(t-m): sigma = their root mean square, and the h-step standard
 * deviation is sigma * sqrt(k + 1) with k the number of whole seasons before h
 * (Hyndman & Athanasopoulos, FPP3 §5.5), since the forecast k seasons ahead
 * repeats a value that is itself k seasons old. That widening assumes a
 * seasonal random walk; on stationary demand the weeks after the first are
 * over-covered (conservative), which suits a baseline.
 *
 * Needs at least one season; with fewer than two there are no residuals and
 * the intervals are zero-width, which is why the engine uses `recentMean` then.
 */
export const seasonalNaive: ForecastModel = {
  name: 'seasonal-naive',
  fit(demand: readonly number[], { horizon, level, seasonLength: m }: ForecastOptions): ForecastValues {
    if (demand.length < m) throw new Error(`seasonal-naive needs at least one season (${m} days)`);
    let squares = 0;
    for (let t = m; t < demand.length; t += 1) squares += (demand[t] - demand[t - m]) ** 2;
    const sigma = demand.length > m ? Math.sqrt(squares / (demand.length - m)) : 0;
    const z = zFor(level);
    const out: ForecastValues = { point: [], lower: [], upper: [] };
    const last = demand.length - m;
    for (let h = 1; h <= horizon; h += 1) {
      const point = demand[last + ((h - 1) % m)];
      const half = z * sigma * Math.sqrt(Math.floor((h - 1) / m) + 1);
      out.point.push(point);
      out.lower.push(point - half);
      out.upper.push(point + half);
    }
    return out;
  },
};
