import 'reflect-metadata';
import { runStandalone } from '@supply-graph/shared';
import { customersSubgraph, loadCustomersConfig } from './index';

// Runs the customers subgraph alone against DATABASE_URL (distributed deployment).
runStandalone(customersSubgraph, () => loadCustomersConfig());
