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
  'promotion',
  'planning_policy',
  'safety_stock_plan',
  'safety_stock_change',
  'safety_stock_run',
  'channel_priority',
  'stock_transfer',
  'return_receipt',
  'warehouse_box',
  'packing_plan',
]);
