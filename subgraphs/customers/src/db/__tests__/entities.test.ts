import { describeEntitiesMatchTables } from '@supply-graph/shared/testing';
import { customersSubgraph } from '../../index';

describeEntitiesMatchTables(customersSubgraph, ['customer_value', 'customer_value_order', 'customer_value_refund']);
