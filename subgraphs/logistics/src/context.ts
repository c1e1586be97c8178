import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@supply-graph/shared';
import { settingsOf, type LogisticsSettings } from './config';
import { createCarbonLoaders } from './modules/carbon/carbon.loader';
import { createCarrierLoaders } from './modules/carrier/carrier.loader';
import { createCustomerShipmentLoaders } from './modules/customer-shipments/customer-shipments.loader';
import { createOrderShipmentLoaders } from './modules/order-shipments/order-shipments.loader';
import { createShipmentLoaders } from './modules/shipment/shipment.loader';
import { createTrackingLoaders } from './modules/tracking/tracking.loader';

/** Every DataLoader of the logistics subgraph, created once per request. */
export function createLogisticsLoaders(db: DataSource) {
  return {
    ...createCarrierLoaders(db),
    ...createShipmentLoaders(db),
    ...createTrackingLoaders(db),
    ...createOrderShipmentLoaders(db),
    ...createCustomerShipmentLoaders(db),
    ...createCarbonLoaders(db),
  };
}

export type LogisticsLoaders = ReturnType<typeof createLogisticsLoaders>;

export interface LogisticsContext extends SubgraphContext {
  loaders: LogisticsLoaders;
  /** Exception and carbon settings (LOGISTICS_* variables). */
  settings: LogisticsSettings;
}

export function createContext(base: SubgraphContext): LogisticsContext {
  return { ...base, loaders: createLogisticsLoaders(base.db), settings: settingsOf(base.config) };
}
