import {
  consumerRetryMigration,
  aggregateVersionsMigration,
  eventTablesMigration,
  outboxPositionsMigration,
  type SubgraphDefinition,
} from '@supply-graph/shared';
import { createContext, type InventoryContext } from './context';
import { CreateInventory1764000000000 } from './db/migrations/1764000000000-CreateInventory';
import { Reservations1764200000000 } from './db/migrations/1764200000000-Reservations';
import { QuotasPresaleAlerts1764300000000 } from './db/migrations/1764300000000-QuotasPresaleAlerts';
import { ProductCatalogue1764910000000 } from './db/migrations/1764910000000-ProductCatalogue';
import { ledgerConsumers } from './modules/ledger/ledger.consumers';
import { catalogueConsumers } from './modules/product/catalogue.consumers';
import { reservationConsumers } from './modules/reservation/reservation.consumers';
import { AllocationEntity } from './modules/allocation/allocation.entity';
import { ProductEntity } from './modules/product/product.entity';
import { StockLevelEntity } from './modules/stock/stock-level.entity';
import { StockMovementEntity } from './modules/stock/stock-movement.entity';
import { WarehouseEntity } from './modules/warehouse/warehouse.entity';
import { buildInventorySchema } from './schema';

export { loadInventoryConfig } from './config';
export { inventoryEmpty, seedInventory } from './db/seed';

/** The inventory subgraph: products, warehouses, stock levels and order allocations. */
export const inventorySubgraph: SubgraphDefinition<InventoryContext> = {
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
  ],
  buildSchema: buildInventorySchema,
  createContext,
  consumers: [...reservationConsumers(), ...ledgerConsumers(), ...catalogueConsumers()],
};
