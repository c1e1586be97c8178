import 'reflect-metadata';
import { runStandalone } from '@supply-graph/shared';
import { inventorySubgraph, loadInventoryConfig } from './index';

// Runs the inventory subgraph alone against DATABASE_URL (distributed deployment).
runStandalone(inventorySubgraph, () => loadInventoryConfig());
