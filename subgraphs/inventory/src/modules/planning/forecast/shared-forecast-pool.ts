import type { ForecastSettings } from '../../../config';
import { ForecastPool } from './forecast-pool';

let shared: ForecastPool | undefined;

/**
 * The process's forecast pool, made on first use with the first caller's
 * settings: the schedule's refits and `refitForecasts` share its threads (a
 * process has so many cores however many subgraphs it hosts). Idle, it holds
 * no thread (forecast-pool.ts).
 */
export function sharedForecastPool(settings: ForecastSettings): ForecastPool {
  shared ??= new ForecastPool(settings);
  return shared;
}

/** Stops the shared pool's threads (tests); the next use makes a new one. */
export async function closeSharedForecastPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
