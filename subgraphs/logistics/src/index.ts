import { eventTablesMigration, type SubgraphDefinition } from '@supply-graph/shared';
import { DEFAULT_LOGISTICS_SETTINGS, type LogisticsSettings } from './config';
import { createContext, type LogisticsContext } from './context';
import { CreateLogistics1764000000000 } from './db/migrations/1764000000000-CreateLogistics';
import { CarrierReferenceData1764200000000 } from './db/migrations/1764200000000-CarrierReferenceData';
import { ExceptionsAndCarbon1764500000000 } from './db/migrations/1764500000000-ExceptionsAndCarbon';
import { CarrierEntity } from './modules/carrier/carrier.entity';
import { ShipmentEntity } from './modules/shipment/shipment.entity';
import { TrackingEventEntity } from './modules/tracking/tracking-event.entity';
import { planningConsumers } from './modules/planning/planning.consumers';
import { buildLogisticsSchema } from './schema';

export { DEFAULT_LOGISTICS_SETTINGS, loadLogisticsConfig, type LogisticsConfig, type LogisticsSettings } from './config';
export { logisticsEmpty, seedLogistics } from './db/seed';
export { startExceptionScanner, type PeriodicJob } from './modules/exceptions/exception-scanner.job';

/**
 * The logistics subgraph: carriers, shipments, their tracking events, exception
 * alerts and carbon estimates, with the given exception and carbon settings
 * (pass the loaded config; it carries them).
 */
export function createLogisticsSubgraph(settings: LogisticsSettings = DEFAULT_LOGISTICS_SETTINGS): SubgraphDefinition<LogisticsContext> {
  return {
    name: 'logistics',
    entities: [CarrierEntity, ShipmentEntity, TrackingEventEntity],
    migrations: [
      CreateLogistics1764000000000,
      eventTablesMigration(1764100000000),
      CarrierReferenceData1764200000000,
      ExceptionsAndCarbon1764500000000,
    ],
    buildSchema: buildLogisticsSchema,
    createContext: (base) => createContext(base, settings),
    consumers: planningConsumers(),
  };
}

/** The logistics subgraph with the default settings. */
export const logisticsSubgraph: SubgraphDefinition<LogisticsContext> = createLogisticsSubgraph();
