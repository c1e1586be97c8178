import 'reflect-metadata';
import { runStandalone } from '@supply-graph/shared';
import { loadOrdersConfig, ordersSubgraph } from './index';

// Runs the orders subgraph alone against DATABASE_URL (distributed deployment).
runStandalone(ordersSubgraph, () => loadOrdersConfig());
