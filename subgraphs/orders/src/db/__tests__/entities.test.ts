import { describeEntitiesMatchTables } from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../index';

// Logs, queues and copies of other subgraphs' data, written and read with SQL alone (README: Data access).
describeEntitiesMatchTables(ordersSubgraph, [
  'api_client',
  'audit_event',
  'catalog_product',
  'desk_operator',
  'intake_record',
  'order_return',
  'order_return_line',
  'order_return_status_change',
  'order_shipment',
  'parked_event',
  'risk_feedback',
  'trusted_customer',
  'webhook',
  'webhook_attempt',
  'webhook_delivery',
  'work_item',
  'work_item_event',
]);
