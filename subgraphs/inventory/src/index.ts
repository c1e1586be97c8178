import {
  consumerRetryMigration,
  entityChangesMigration,
  aggregateVersionsMigration,
  eventTablesMigration,
  outboxTraceMigration,
  outboxPositionsMigration,
  type SubgraphDefinition,
} from '@supply-graph/shared';
import { createContext, type InventoryContext } from './context';
import { CreateInventory1764000000000 } from './db/migrations/1764000000000-CreateInventory';
import { Reservations1764200000000 } from './db/migrations/1764200000000-Reservations';
import { QuotasPresaleAlerts1764300000000 } from './db/migrations/1764300000000-QuotasPresaleAlerts';
import { ProductCatalogue1764910000000 } from './db/migrations/1764910000000-ProductCatalogue';
import { DemandHistory1765300000000 } from './db/migrations/1765300000000-DemandHistory';
import { Forecasts1765400000000 } from './db/migrations/1765400000000-Forecasts';
import { Promotions1765410000000 } from './db/migrations/1765410000000-Promotions';
import { SafetyStock1765420000000 } from './db/migrations/1765420000000-SafetyStock';
import { ChannelPriority1765430000000 } from './db/migrations/1765430000000-ChannelPriority';
import { StockTransfers1765440000000 } from './db/migrations/1765440000000-StockTransfers';
import { ReturnReceipts1765450000000 } from './db/migrations/1765450000000-ReturnReceipts';
import { Packaging1765460000000 } from './db/migrations/1765460000000-Packaging';
import { ledgerConsumers } from './modules/ledger/ledger.consumer';
import { forecastRefitJob } from './modules/planning/forecast/forecast-refit.job';
import { catalogueConsumers } from './modules/product/catalogue.consumer';
import { safetyStockJob } from './modules/planning/safety-stock/safety-stock.job';
import { reservationConsumers } from './modules/reservation/reservation.consumer';
import { returnsConsumers } from './modules/returns/returns.consumer';
import { AllocationEntity } from './modules/allocation/allocation.entity';
import { ProductEntity } from './modules/product/product.entity';
import { StockLevelEntity } from './modules/stock/stock-level.entity';
import { StockMovementEntity } from './modules/stock/stock-movement.entity';
import { WarehouseEntity } from './modules/warehouse/warehouse.entity';
import { buildInventorySchema } from './schema';
import { defaultInventoryStrategies, type InventoryStrategies } from './strategies';
import { readOpenStockAlerts } from './metrics';

export { loadInventoryConfig } from './config';
export { inventoryEmpty, seedInventory } from './db/seed';
export { rebuildDemandHistory } from './modules/planning/demand/demand-backfill';
export { defaultInventoryStrategies, type InventoryStrategies } from './strategies';

/**
 * The inventory subgraph: products, warehouses, stock levels and order
 * allocations, composed with its strategies (the defaults unless given):
 * requests and event consumers get the same ones.
 */
export function createInventorySubgraph(
  strategies: InventoryStrategies = defaultInventoryStrategies(),
): SubgraphDefinition<InventoryContext> {
  return {
    name: 'inventory',
    entities: [WarehouseEntity, ProductEntity, StockLevelEntity, StockMovementEntity, AllocationEntity],
    migrations: [
      CreateInventory1764000000000,
      eventTablesMigration(1764100000000),
      Reservations1764200000000,
      QuotasPresaleAlerts1764300000000,
      aggregateVersionsMigration(1764600000000),
      outboxPositionsMigration(1764700000000),
      ProductCatalogue1764910000000,
      consumerRetryMigration(1764950000000),
      entityChangesMigration(1765200000000, 'inventory'),
      outboxTraceMigration(1765250000000),
      DemandHistory1765300000000,
      Forecasts1765400000000,
      Promotions1765410000000,
      SafetyStock1765420000000,
      ChannelPriority1765430000000,
      StockTransfers1765440000000,
      ReturnReceipts1765450000000,
      Packaging1765460000000,
    ],
    buildSchema: buildInventorySchema,
    createContext: (base) => createContext(base, strategies),
    consumers: [
      ...reservationConsumers(strategies),
      ...ledgerConsumers(strategies),
      ...catalogueConsumers(),
      ...returnsConsumers(strategies.returnRouting),
    ],
    readAtScrape: readOpenStockAlerts,
    jobs: [forecastRefitJob, safetyStockJob(strategies)],
  };
}

/** The inventory subgraph with its default strategies. */
export const inventorySubgraph = createInventorySubgraph();
