import { SUPERGRAPH_FILE, readCommitted, rootFieldsWithoutRule, statedRules } from '@supply-graph/platform';

const supergraph = readCommitted(SUPERGRAPH_FILE)!;

describe('access rules in the supergraph', () => {
  it('every field of Query, Mutation and Subscription states a rule (@authenticated or @requiresScopes)', () => {
    expect(rootFieldsWithoutRule(supergraph)).toEqual([]);
  });

  it('reports a root field without a rule by name', () => {
    const sdl =
      'type Query { a: Int @requiresScopes(scopes: [["orders:read"]]) b: Int }\n' +
      'type Mutation { c: Int @authenticated }';
    expect(rootFieldsWithoutRule(sdl)).toEqual(['Query.b']);
  });

  // contract/access.graphql: "what each scope opens", for the fields reached below the root.
  it.each([
    ['Customer.orders', 'orders:read'],
    ['Customer.stats', 'orders:read'],
    ['Order.customer', 'customers:read'],
    ['Order.allocations', 'inventory:read'],
    ['Product.stockLevels', 'inventory:read'],
    ['Product.planningKpi', 'inventory:read'],
    ['Query.warehouseKpis', 'inventory:read'],
    ['Mutation.setChannelPriority', 'inventory:write'],
    ['Order.shipments', 'logistics:read'],
    ['Customer.shipments', 'logistics:read'],
    ['Subscription.orderStatusChanged', 'orders:read'],
    ['Query.auditEvents', 'audit:read'],
    ['Mutation.createApiClient', 'clients:manage'],
    ['Mutation.holdOrder', 'orders:review'],
    ['Mutation.adjustStock', 'inventory:write'],
    ['Mutation.recordTrackingEvent', 'logistics:write'],
    ['Mutation.registerWebhook', 'webhooks:manage'],
  ])('%s needs %s', (coordinate, scope) => {
    expect(statedRules(supergraph).get(coordinate)).toEqual([[scope]]);
  });

  it('viewer answers any verified caller', () => {
    expect(statedRules(supergraph).get('Query.viewer')).toBe('authenticated');
  });
});
