import type { BackgroundJobDefinition, SubgraphConfig } from '@supply-graph/shared';
import { settingsOf } from '../../config';
import { exceptionsService } from './exceptions.service';

/**
 * The periodic exception scan (every LOGISTICS_EXCEPTION_SCAN_INTERVAL_S; 0
 * disables it). Each replica may run one: the scan locks with SKIP LOCKED, so
 * replicas share the work instead of flagging a shipment twice.
 */
export const exceptionScanJob: BackgroundJobDefinition = {
  name: 'logistics exception scan',
  intervalMs: (config: SubgraphConfig) => settingsOf(config).exceptions.scanIntervalMs,
  async run({ events, config, log }) {
    const result = await exceptionsService.scan({ events, settings: settingsOf(config) });
    if (result.flagged) log.info({ flagged: result.flagged }, 'shipments became exceptions');
  },
};
