import { describeEntitiesMatchTables } from '@supply-graph/shared/testing';
import { logisticsSubgraph } from '../../index';

// Raised and closed by the exception scan's set-based SQL (README: Data access).
describeEntitiesMatchTables(logisticsSubgraph, ['logistics_alert']);
