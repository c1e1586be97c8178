import { describeEntitiesMatchTables } from '@supply-graph/shared/testing';
import { customersSubgraph } from '../../index';

describeEntitiesMatchTables(customersSubgraph, []);
