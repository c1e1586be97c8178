import 'reflect-metadata';
import { runStandalone } from '@supply-graph/shared';
import { loadLogisticsConfig, logisticsSubgraph } from './index';

// Runs the logistics subgraph alone against DATABASE_URL (distributed deployment).
runStandalone(logisticsSubgraph, () => loadLogisticsConfig());
