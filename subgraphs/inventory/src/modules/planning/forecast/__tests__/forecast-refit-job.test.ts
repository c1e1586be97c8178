import { ConfigError } from '@supply-graph/shared';
import { forecastSettingsOf, loadInventoryConfig } from '../../../../config';
import { forecastRefitJob, REFIT_CHECK_EVERY_MS } from '../forecast-refit.job';

const config = (env: Record<string, string> = {}) =>
  loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-forecast-job-test-secret-0123456789', ...env });

describe('the scheduled refit', () => {
  it('refits daily on 180 days of history unless told otherwise, looking every minute whether it is due', () => {
    expect(forecastSettingsOf(config())).toMatchObject({ refitIntervalMs: 24 * 3_600_000, historyDays: 180 });
    expect(forecastRefitJob.intervalMs(config())).toBe(REFIT_CHECK_EVERY_MS);
    expect(
      forecastSettingsOf(config({ INVENTORY_FORECAST_REFIT_HOURS: '1.5', INVENTORY_FORECAST_HISTORY_DAYS: '365' })),
    ).toMatchObject({ refitIntervalMs: 5_400_000, historyDays: 365 });
    // An empty variable is an unset one.
    expect(forecastSettingsOf(config({ INVENTORY_FORECAST_REFIT_HOURS: '' })).refitIntervalMs).toBe(86_400_000);
  });

  it('INVENTORY_FORECAST_REFIT_HOURS=0 turns it off', () => {
    expect(forecastRefitJob.intervalMs(config({ INVENTORY_FORECAST_REFIT_HOURS: '0' }))).toBe(0);
  });

  it('refuses settings it cannot use, naming them', () => {
    expect(() => config({ INVENTORY_FORECAST_REFIT_HOURS: '-1' })).toThrow(ConfigError);
    expect(() => config({ INVENTORY_FORECAST_HISTORY_DAYS: '7' })).toThrow(/INVENTORY_FORECAST_HISTORY_DAYS/);
    expect(() => config({ INVENTORY_FORECAST_HISTORY_DAYS: 'half a year' })).toThrow(ConfigError);
  });
});
