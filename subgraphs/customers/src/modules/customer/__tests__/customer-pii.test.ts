import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { createLogger, piiReadsOf, type Principal, type SubgraphContext } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { customersSubgraph } from '../../../index';
import { CustomerEntity } from '../customer.entity';

const caller = (...scopes: string[]): Principal => ({
  sub: 'staff-1',
  scopes: new Set(scopes),
  channels: null,
  kind: 'user',
});

describeEachBackend('customers: PII is masked without pii:read, wherever a customer is read', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  const id = randomUUID();

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'customers_pii', customersSubgraph);
    schema = await customersSubgraph.buildSchema();
    await database.db.getRepository(CustomerEntity).insert({
      id,
      name: 'Zhang Li',
      email: 'zhang.li@example.com',
      phone: '+8613800000923',
      emailNormalized: 'zhang.li@example.com',
      phoneNormalized: '8613800000923',
      createdAt: new Date(),
    });
  });
  afterAll(() => database?.close());

  /** The request context the runtime builds, with the principal the lead's wiring puts on it. */
  function contextFor(principal?: Principal) {
    const base = {
      requestId: randomUUID(),
      log: createLogger('customers-test', 'silent'),
      db: database.db,
    } as SubgraphContext;
    return { ...customersSubgraph.createContext(base), ...(principal ? { principal } : {}) };
  }

  async function ask(context: object, source: string, variableValues?: Record<string, unknown>) {
    const result = await graphql({ schema, source, contextValue: context, variableValues });
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>;
  }

  const SEARCH = 'query($q: String) { customers(search: $q) { edges { node { id name email phone } } } }';
  const MASKED = { id, name: 'Z*** L***', email: 'z***@example.com', phone: '+86 138****0923' };

  it.each(['zhang.li@example', '138 0000 0923'])(
    'a search by email or phone (%p) finds the customer, but answers masked',
    async (q) => {
      const context = contextFor(caller('customers:read'));
      const data = await ask(context, SEARCH, { q });
      expect(data.customers.edges.map((e: { node: unknown }) => e.node)).toEqual([MASKED]);
      expect(piiReadsOf(context)).toEqual([]);
    },
  );

  it('a lookup by id and a fetch by reference (_entities) are masked for a caller without pii:read', async () => {
    for (const context of [contextFor(caller('customers:read')), contextFor(caller('customers:read', 'orders:read'))]) {
      expect(
        (await ask(context, 'query($id: ID!) { customer(id: $id) { id name email phone } }', { id })).customer,
      ).toEqual(MASKED);
      const entities = await ask(
        context,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id name email phone } } }',
        {
          r: [{ __typename: 'Customer', id }],
        },
      );
      expect(entities._entities).toEqual([MASKED]);
    }
  });

  it('with pii:read the values are shown and each read is recorded for the audit trail', async () => {
    const context = contextFor(caller('customers:read', 'pii:read'));
    const data = await ask(context, SEARCH, { q: 'zhang.li@example' });
    expect(data.customers.edges[0].node).toEqual({
      id,
      name: 'Zhang Li',
      email: 'zhang.li@example.com',
      phone: '+8613800000923',
    });
    expect(piiReadsOf(context)).toEqual([
      { type: 'Customer', id, field: 'Customer.name' },
      { type: 'Customer', id, field: 'Customer.email' },
      { type: 'Customer', id, field: 'Customer.phone' },
    ]);
  });
});
