import type { SubgraphContext } from '@supply-graph/shared';
import { createCustomerLoaders, type CustomerLoaders } from './modules/customer/customer.loader';

export interface CustomersContext extends SubgraphContext {
  loaders: CustomerLoaders;
}

export function createContext(base: SubgraphContext): CustomersContext {
  return { ...base, loaders: createCustomerLoaders(base.db) };
}
