import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@supply-graph/shared';
import { createAllocationLoaders } from './modules/allocation/allocation.loader';
import { createPresaleLoaders } from './modules/presale/presale-stock.loader';
import { createProductLoaders } from './modules/product/product.loader';
import { createBackorderLoaders } from './modules/quota/backorder.loader';
import { createStockLoaders } from './modules/stock/stock-level.loader';
import { createWarehouseLoaders } from './modules/warehouse/warehouse.loader';

/** Every per-request DataLoader of the inventory subgraph. */
export function createInventoryLoaders(db: DataSource) {
  return {
    ...createWarehouseLoaders(db),
    ...createProductLoaders(db),
    ...createStockLoaders(db),
    ...createAllocationLoaders(db),
    ...createPresaleLoaders(db),
    ...createBackorderLoaders(db),
  };
}

export type InventoryLoaders = ReturnType<typeof createInventoryLoaders>;

export interface InventoryContext extends SubgraphContext {
  loaders: InventoryLoaders;
}

export function createContext(base: SubgraphContext): InventoryContext {
  return { ...base, loaders: createInventoryLoaders(base.db) };
}
