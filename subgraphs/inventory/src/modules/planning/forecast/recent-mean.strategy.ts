import type { ForecastModel, ForecastOptions, ForecastValues } from './forecast-model';
import { zFor } from './normal-quantile';

/** How many recent seasons the mean looks back over: recent enough to follow a level shift, long enough to average noise. */
const WINDOW_SEASONS = 4;

/**
 * A flat forecast at the mean daily demand of the last four seasons, for the
 * series a seasonal model cannot be fitted to: too short (under two seasons),
 * intermittent (mostly zero days) or constant.
 *
 * For intermittent demand this is where Croston's method would go; its point
 * forecast is a smoothed demand rate too, flat over the horizon, and on daily
 * series of a few units the plain windowed mean is as accurate and has no
 * smoothing constant to tune.
 *
 * Intervals: mean ± z * s * sqrt(1 + 1/n), the prediction interval of a mean of
 * n days, with s floored at sqrt(mean) (a Poisson count's spread) so a constant
 * or near-empty history does not claim certainty it has not earned.
 */
export const recentMean: ForecastModel = {
  name: 'recent-mean',
  fit(demand: readonly number[], { horizon, level, seasonLength }: ForecastOptions): ForecastValues {
    const window = demand.slice(-WINDOW_SEASONS * seasonLength);
    const n = window.length;
    const mean = n === 0 ? 0 : window.reduce((sum, y) => sum + y, 0) / n;
    const variance = n < 2 ? 0 : window.reduce((sum, y) => sum + (y - mean) ** 2, 0) / (n - 1);
    // With no history at all the floor of one unit keeps the interval open rather than [0, 0].
    const spread = Math.max(Math.sqrt(variance), Math.sqrt(mean), n === 0 ? 1 : 0);
    const half = zFor(level) * spread * Math.sqrt(1 + 1 / Math.max(n, 1));
    return {
      point: Array(horizon).fill(mean),
      lower: Array(horizon).fill(mean - half),
      upper: Array(horizon).fill(mean + half),
    };
  },
};
