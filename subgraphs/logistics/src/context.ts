import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@supply-graph/shared';
import { settingsOf, type LogisticsSettings } from './config';
import { createCarbonLoaders } from './modules/carbon/carbon.loader';
import { createCarrierLoaders } from './modules/carrier/carrier.loader';
import { createCarrierPerformanceLoaders } from './modules/carrier-performance/carrier-performance.loader';
import { createShipmentPackageLoaders } from './modules/packages/shipment-package.loader';
import { createCustomerShipmentLoaders } from './modules/customer-shipments/customer-shipments.loader';
import { createOrderShipmentLoaders } from './modules/order-shipments/order-shipments.loader';
import { createReturnShipmentLoaders } from './modules/returns/return-shipment.loader';
import { createShipmentLoaders } from './modules/shipment/shipment.loader';
import { createTrackingLoaders } from './modules/tracking/tracking.loader';

/**
 * Every DataLoader of the logistics subgraph, created once per request.
 * `channels` is the caller's channel scope (null: every channel): shipment
 * reads are limited to it in the loaders' SQL, so every path to a shipment
 * (lookups, `Order.shipments`, `Customer.shipments`, `Return.shipment`, references) gets the same
 * answer. Scans and carbon figures are keyed by shipments already loaded
 * through that scope.
 */
export function createLogisticsLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    ...createCarrierLoaders(db),
    ...createShipmentLoaders(db, channels),
    ...createTrackingLoaders(db),
    ...createOrderShipmentLoaders(db, channels),
    ...createCustomerShipmentLoaders(db, channels),
    ...createCarbonLoaders(db),
    ...createReturnShipmentLoaders(db, channels),
    ...createShipmentPackageLoaders(db),
    ...createCarrierPerformanceLoaders(db),
  };
}

export type LogisticsLoaders = ReturnType<typeof createLogisticsLoaders>;

export interface LogisticsContext extends SubgraphContext {
  loaders: LogisticsLoaders;
  /** Exception, carbon and carrier-record settings (LOGISTICS_* variables). */
  settings: LogisticsSettings;
}

export function createContext(base: SubgraphContext): LogisticsContext {
  // A request always has a principal (the subgraph is sealed); work of the platform itself, built by hand, sees every
  // channel.
  const channels = base.principal?.channels ?? null;
  return { ...base, loaders: createLogisticsLoaders(base.db, channels), settings: settingsOf(base.config) };
}
