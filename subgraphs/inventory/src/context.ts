import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@supply-graph/shared';
import { createAllocationLoaders } from './modules/allocation/allocation.loader';
import { createDemandLoaders } from './modules/planning/demand/demand.loader';
import { createForecastLoaders } from './modules/planning/forecast/forecast.loader';
import { createPromotionLoaders } from './modules/planning/promotion/promotion.loader';
import { createSafetyStockLoaders } from './modules/planning/safety-stock/safety-stock.loader';
import { createPlanningKpiLoaders } from './modules/planning/kpi/planning-kpi.loader';
import { createTransferLoaders } from './modules/planning/transfer/transfer.loader';
import { createPackagingLoaders } from './modules/packing/packaging.loader';
import { createPresaleLoaders } from './modules/presale/presale-stock.loader';
import { createProductLoaders } from './modules/product/product.loader';
import { createBackorderLoaders } from './modules/quota/backorder.loader';
import { createReturnReceiptLoaders } from './modules/returns/return-receipt.loader';
import { createStockLoaders } from './modules/stock/stock-level.loader';
import { createWarehouseLoaders } from './modules/warehouse/warehouse.loader';
import type { InventoryStrategies } from './strategies';

/** Every per-request DataLoader of the inventory subgraph. */
export function createInventoryLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    ...createWarehouseLoaders(db),
    ...createProductLoaders(db),
    ...createStockLoaders(db),
    ...createAllocationLoaders(db),
    ...createPresaleLoaders(db),
    ...createBackorderLoaders(db),
    ...createDemandLoaders(db),
    ...createForecastLoaders(db),
    ...createPromotionLoaders(db),
    ...createSafetyStockLoaders(db),
    ...createPlanningKpiLoaders(db),
    ...createTransferLoaders(db),
    ...createReturnReceiptLoaders(db, channels),
    ...createPackagingLoaders(db),
  };
}

export type InventoryLoaders = ReturnType<typeof createInventoryLoaders>;

export interface InventoryContext extends SubgraphContext, InventoryStrategies {
  loaders: InventoryLoaders;
}

/** A request's context: the base, its DataLoaders, and the strategies the subgraph was composed with. */
export function createContext(base: SubgraphContext, strategies: InventoryStrategies): InventoryContext {
  // Return receipts are the one channel-scoped read here; work of the platform itself sees every channel.
  const channels = base.principal?.channels ?? null;
  return { ...base, ...strategies, loaders: createInventoryLoaders(base.db, channels) };
}
