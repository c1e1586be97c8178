import type { ForecastModel, ForecastOptions, ForecastValues } from './forecast-model';

/**
 * The part of `@bsull/augurs/mstl`'s `MSTL` class this model uses, written out
 * because the package is an ES module whose types a CommonJS file imports only
 * with import attributes; `load-mstl.ts` hands the real class in, checked
 * against this shape.
 */
export interface MstlClass {
  ets(periods: number[]): {
    fit(y: Float64Array): void;
    predict(horizon: number, level: number): { point: number[]; intervals?: { lower: number[]; upper: number[] } };
    free(): void;
  };
}

/**
 * MSTL (seasonal-trend decomposition by Loess, one weekly season) with an
 * AutoETS model on the deseasonalised trend, from `@bsull/augurs`: the season
 * is carried forward and ETS picks the trend's form (level, additive, damped)
 * by AICc, so a flat series is not forced into a trend. Intervals are the ETS
 * trend's; the seasonal part adds none, so on very noisy seasonality they are
 * narrow (the interval tests measure their coverage).
 *
 * Needs two whole seasons (the library refuses fewer).
 */
export function mstlModel(mstl: MstlClass): ForecastModel {
  return {
    name: 'mstl-ets',
    fit(demand: readonly number[], { horizon, level, seasonLength }: ForecastOptions): ForecastValues {
      const model = mstl.ets([seasonLength]);
      try {
        model.fit(Float64Array.from(demand));
        const { point, intervals } = model.predict(horizon, level);
        if (!intervals) throw new Error('MSTL returned no intervals');
        return { point, lower: intervals.lower, upper: intervals.upper };
      } finally {
        // WASM memory is not garbage-collected: a worker fitting thousands of series must free each model.
        model.free();
      }
    },
  };
}
