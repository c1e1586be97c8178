import path from 'node:path';
import { Piscina } from 'piscina';
import type { ForecastSettings } from '../../../config';
import { checkForecastOptions, type DemandSeries, type Forecast, type ForecastOptions } from './forecast-model';
import type { ForecastTask } from './forecast-worker';

/**
 * Series per task: large enough that a task's messaging is small beside its
 * fitting (about 15 ms a series), small enough that the threads share the
 * tail of a refit evenly.
 */
const BATCH_SIZE = 25;

/** Idle threads exit after this long: a service keeps no forecasting threads (nor their WASM memory) between refits. */
const IDLE_TIMEOUT_MS = 30_000;

/**
 * Fits forecasts on worker threads (piscina), so a refit of thousands of
 * series never holds the event loop that serves requests: the main thread
 * only splits the series into batches and gathers the results.
 */
export class ForecastPool {
  private readonly pool: Piscina<ForecastTask, Forecast[]>;

  constructor(settings: ForecastSettings) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: settings.threads,
      idleTimeout: IDLE_TIMEOUT_MS,
    });
  }

  /** Forecasts every series, in the order given. Rejects on invalid options before any thread starts. */
  async fitAll(series: readonly DemandSeries[], options: ForecastOptions): Promise<Forecast[]> {
    checkForecastOptions(options);
    const tasks: Promise<Forecast[]>[] = [];
    for (let i = 0; i < series.length; i += BATCH_SIZE)
      tasks.push(this.pool.run({ series: series.slice(i, i + BATCH_SIZE), options }));
    return (await Promise.all(tasks)).flat();
  }

  /** Stops the threads; pending fits reject. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * The worker's compiled file. Under ts-jest this module runs from src/*.ts,
 * but a worker thread is plain Node and loads JavaScript: it takes the copy in
 * dist/ that `tsc -b` built.
 */
function workerFile(): string {
  const file = path.join(__dirname, 'forecast-worker.js');
  if (!__filename.endsWith('.ts')) return file;
  const tail = path.join('modules', 'planning', 'forecast', 'forecast-worker.js');
  return path.join(__dirname, '..', '..', '..', '..', 'dist', tail);
}
