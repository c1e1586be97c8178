import {
  consumerRetryMigration,
  entityChangesMigration,
  aggregateVersionsMigration,
  eventTablesMigration,
  outboxTraceMigration,
  outboxPositionsMigration,
  type SubgraphDefinition,
} from '@supply-graph/shared';
import { createContext, type LogisticsContext } from './context';
import { CreateLogistics1764000000000 } from './db/migrations/1764000000000-CreateLogistics';
import { CarrierReferenceData1764200000000 } from './db/migrations/1764200000000-CarrierReferenceData';
import { ExceptionsAndCarbon1764500000000 } from './db/migrations/1764500000000-ExceptionsAndCarbon';
import { ShipmentChannel1765200000000 } from './db/migrations/1765200000000-ShipmentChannel';
import { ShipmentOpenAlert1765470000000 } from './db/migrations/1765470000000-ShipmentOpenAlert';
import { ReturnShipments1765450000000 } from './db/migrations/1765450000000-ReturnShipments';
import { PackagesAndCarrierPerformance1765460000000 } from './db/migrations/1765460000000-PackagesAndCarrierPerformance';
import { settingsOf } from './config';
import { carrierPerformanceConsumers } from './modules/carrier-performance/carrier-performance.consumer';
import { CarrierRecordCache } from './modules/carrier-performance/punctuality';
import { CarrierEntity } from './modules/carrier/carrier.entity';
import { ShipmentEntity } from './modules/shipment/shipment.entity';
import { TrackingEventEntity } from './modules/tracking/tracking-event.entity';
import { exceptionScanJob } from './modules/exceptions/exception-scanner.job';
import { planningConsumers } from './modules/planning/planning.consumer';
import { returnsConsumers } from './modules/returns/returns.consumer';
import { buildLogisticsSchema } from './schema';
import { defaultLogisticsStrategies, type LogisticsStrategies } from './strategies';

export {
  DEFAULT_LOGISTICS_SETTINGS,
  loadLogisticsConfig,
  type LogisticsConfig,
  type LogisticsSettings,
} from './config';
export { logisticsEmpty, seedLogistics } from './db/seed';
export { defaultLogisticsStrategies, type LogisticsStrategies } from './strategies';

/**
 * The logistics subgraph: carriers, shipments, their tracking events, exception
 * alerts and carbon estimates. Rule settings come from the config it is
 * started with (LOGISTICS_* variables), its strategies from the caller (the
 * defaults unless given).
 */
export function createLogisticsSubgraph(
  strategies: LogisticsStrategies = defaultLogisticsStrategies(),
): SubgraphDefinition<LogisticsContext> {
  return {
    name: 'logistics',
    entities: [CarrierEntity, ShipmentEntity, TrackingEventEntity],
    migrations: [
      CreateLogistics1764000000000,
      eventTablesMigration(1764100000000),
      CarrierReferenceData1764200000000,
      ExceptionsAndCarbon1764500000000,
      aggregateVersionsMigration(1764600000000),
      outboxPositionsMigration(1764700000000),
      consumerRetryMigration(1764950000000),
      ShipmentChannel1765200000000,
      entityChangesMigration(1765200000000, 'logistics'),
      outboxTraceMigration(1765250000000),
      ReturnShipments1765450000000,
      PackagesAndCarrierPerformance1765460000000,
      ShipmentOpenAlert1765470000000,
    ],
    buildSchema: buildLogisticsSchema,
    createContext,
    consumers: (config) => {
      // Planning's cache of the carrier records; the writers of records drop it after their commits (punctuality.ts).
      const records = new CarrierRecordCache(settingsOf(config).carriers.priorWeight);
      return [
        ...planningConsumers(strategies.carrierSelection, records),
        ...carrierPerformanceConsumers(),
        ...returnsConsumers(strategies.carrierSelection),
      ];
    },
    jobs: [exceptionScanJob],
  };
}

/** The logistics subgraph with its default strategies. */
export const logisticsSubgraph = createLogisticsSubgraph();
