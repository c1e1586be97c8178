import type { DemandSeries, Forecast, ForecastOptions } from './forecast-model';
import { forecastSeries } from './forecast-series';
import { loadMstl } from './load-mstl';

/** One batch of series for one worker thread. */
export interface ForecastTask {
  series: DemandSeries[];
  options: ForecastOptions;
}

/**
 * The pool's worker (run by piscina in a worker thread): fits a batch with the
 * library model, loaded once per thread on its first batch.
 */
export default async function fitBatch({ series, options }: ForecastTask): Promise<Forecast[]> {
  const library = await loadMstl();
  return series.map((s) => forecastSeries(s, options, library));
}
