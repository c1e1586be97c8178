import { describeEntitiesMatchTables } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../index';

// Written and read by set-based SQL under the stock locks (README: Data access).
describeEntitiesMatchTables(inventorySubgraph, [
  'backorder',
  'channel_quota',
  'stock_alert',
  'demand_line',
  'demand_daily',
  'forecast_fit',
  'forecast_day',
  'stock_transfer',
]);
