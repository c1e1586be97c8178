import { describeEntitiesMatchTables } from '@supply-graph/shared/testing';
import { logisticsSubgraph } from '../../index';

// Raised and closed by the exception scan's set-based SQL; packages and carrier records are written by the planning
// and record SQL (README: Data access).
describeEntitiesMatchTables(logisticsSubgraph, [
  'logistics_alert',
  'shipment_package',
  'carrier_outcome',
  'carrier_performance',
]);
