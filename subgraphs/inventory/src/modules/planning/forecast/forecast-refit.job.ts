import type { BackgroundJobDefinition } from '@supply-graph/shared';
import { forecastSettingsOf } from '../../../config';
import { refitIfDue } from './forecast-refit.service';
import { sharedForecastPool } from './shared-forecast-pool';

/**
 * How often the schedule looks whether a refit is due (one cheap statement):
 * also how soon after start a database without forecasts gets them.
 */
export const REFIT_CHECK_EVERY_MS = 60_000;

/**
 * Scheduled refits: every minute, each replica looks whether the oldest
 * stored forecast is INVENTORY_FORECAST_REFIT_HOURS old, or whether there are
 * stock levels and no forecast at all (a new database, the demo's first
 * minute), and then refits every stock level. Replicas do not refit twice: a
 * replica that finds a refit running skips its turn (forecast-refit.service.ts).
 * INVENTORY_FORECAST_REFIT_HOURS=0 turns the schedule off.
 */
export const forecastRefitJob: BackgroundJobDefinition = {
  name: 'forecast refit',
  intervalMs: (config) => (forecastSettingsOf(config).refitIntervalMs > 0 ? REFIT_CHECK_EVERY_MS : 0),
  async run({ db, events, config, log }) {
    const settings = forecastSettingsOf(config);
    const outcome = await refitIfDue(
      { db, events, pool: sharedForecastPool(settings), settings },
      settings.refitIntervalMs,
    );
    if (outcome)
      log.info(
        { fitted: outcome.fitted, byModel: outcome.byModel, durationMs: outcome.durationMs },
        'demand forecasts refitted',
      );
  },
};
