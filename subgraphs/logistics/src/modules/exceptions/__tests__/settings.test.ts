import { ConfigError } from '@supply-graph/shared';
import { DEFAULT_LOGISTICS_SETTINGS, loadLogisticsConfig } from '../../../config';

describe('logistics exception and carbon settings', () => {
  it('have the documented defaults, next to the usual subgraph settings', () => {
    const config = loadLogisticsConfig({});
    expect(config).toMatchObject({
      name: 'logistics',
      port: 4004,
      exceptions: { noScanHours: 48, scanIntervalMs: 60_000, batchSize: 200 },
      carbon: { unitWeightKg: 0.5 },
      carriers: { priorWeight: 20 },
    });
    expect(DEFAULT_LOGISTICS_SETTINGS).toEqual({
      exceptions: config.exceptions,
      carbon: config.carbon,
      carriers: config.carriers,
    });
    expect(loadLogisticsConfig({ LOGISTICS_NO_SCAN_HOURS: '' }).exceptions.noScanHours).toBe(48);
  });

  it('read the LOGISTICS_* variables; an interval of 0 disables the scan', () => {
    const config = loadLogisticsConfig({
      LOGISTICS_NO_SCAN_HOURS: '24',
      LOGISTICS_EXCEPTION_SCAN_INTERVAL_S: '0',
      LOGISTICS_EXCEPTION_SCAN_BATCH: '50',
      LOGISTICS_UNIT_WEIGHT_KG: '1.25',
    });
    expect(config.exceptions).toEqual({ noScanHours: 24, scanIntervalMs: 0, batchSize: 50 });
    expect(config.carbon).toEqual({ unitWeightKg: 1.25 });
  });

  it('refuse bad values, naming every bad variable at once', () => {
    let error: unknown;
    try {
      loadLogisticsConfig({ LOGISTICS_NO_SCAN_HOURS: '-1', LOGISTICS_UNIT_WEIGHT_KG: 'heavy', LOGISTICS_PORT: 'x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('LOGISTICS_NO_SCAN_HOURS');
    expect(message).toContain('LOGISTICS_UNIT_WEIGHT_KG');
    expect(message).toContain('LOGISTICS_PORT');
  });
});
