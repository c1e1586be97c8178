import { eventTablesMigration, type SubgraphDefinition } from '@supply-graph/shared';
import { createContext, type LogisticsContext } from './context';
import { CreateLogistics1764000000000 } from './db/migrations/1764000000000-CreateLogistics';
import { CarrierReferenceData1764200000000 } from './db/migrations/1764200000000-CarrierReferenceData';
import { CarrierEntity } from './modules/carrier/carrier.entity';
import { ShipmentEntity } from './modules/shipment/shipment.entity';
import { TrackingEventEntity } from './modules/tracking/tracking-event.entity';
import { planningConsumers } from './modules/planning/planning.consumers';
import { buildLogisticsSchema } from './schema';

export { loadLogisticsConfig } from './config';
export { logisticsEmpty, seedLogistics } from './db/seed';

/** The logistics subgraph: carriers, shipments and their tracking events. */
export const logisticsSubgraph: SubgraphDefinition<LogisticsContext> = {
  name: 'logistics',
  entities: [CarrierEntity, ShipmentEntity, TrackingEventEntity],
  migrations: [CreateLogistics1764000000000, eventTablesMigration(1764100000000), CarrierReferenceData1764200000000],
  buildSchema: buildLogisticsSchema,
  createContext,
  consumers: planningConsumers(),
};
