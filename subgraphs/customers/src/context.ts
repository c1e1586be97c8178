import type { SubgraphContext } from '@supply-graph/shared';
import { createCustomerLoaders, type CustomerLoaders } from './modules/customer/customer.loader';
import { createValueLoader } from './modules/value/customer-value.loader';

export interface CustomersContext extends SubgraphContext {
  loaders: CustomerLoaders & { valueByCustomerId: ReturnType<typeof createValueLoader> };
}

/**
 * Adds this request's loaders, limited to the caller's channels: every path
 * to a customer (lookups, references from other subgraphs) gets the same answer.
 */
export function createContext(base: SubgraphContext): CustomersContext {
  // A request always has a principal (the subgraph is sealed); without one (work of the platform itself) every channel
  // is seen.
  return {
    ...base,
    loaders: {
      ...createCustomerLoaders(base.db, base.principal?.channels ?? null),
      valueByCustomerId: createValueLoader(base.db),
    },
  };
}
