import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { createLogger, type Principal, type SubgraphContext } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { customersSubgraph } from '../../../index';

const caller = (sub: string, channels: string[] | null): Principal => ({
  sub,
  scopes: new Set(['customers:read']),
  channels,
  kind: 'client',
});
const partner = caller('tmall-connector', ['tmall']);
const staff = caller('staff-1', null);

describeEachBackend(
  'customers: a channel-scoped caller reads only customers with an account on its channels',
  (backend) => {
    let database: MigratedDatabase;
    let schema: GraphQLSchema;
    // Both buy on JD; only Wang also has a Tmall account.
    const wang = {
      id: randomUUID(),
      name: 'Wang Fang',
      email: 'wang.fang@example.com',
      accounts: { tmall: 'tm-wang', jd: 'jd-wang' },
    };
    const zhao = { id: randomUUID(), name: 'Zhao Wei', email: 'zhao.wei@example.com', accounts: { jd: 'jd-zhao' } };

    beforeAll(async () => {
      database = await migratedTestDatabase(backend.adminUrl, 'customers_channel_scope', customersSubgraph);
      schema = await customersSubgraph.buildSchema();
      for (const [n, c] of [wang, zhao].entries()) {
        await database.db.query(
          `INSERT INTO customer (id, name, email, email_normalized, created_at) VALUES ($1, $2, $3, $3, now() -
            make_interval(mins => $4))`,
          [c.id, c.name, c.email, n],
        );
        for (const [channel, externalId] of Object.entries(c.accounts)) {
          await database.db.query(
            'INSERT INTO channel_identity (id, customer_id, channel, external_id, created_at) ' +
              'VALUES ($1, $2, $3, $4, now())',
            [randomUUID(), c.id, channel, externalId],
          );
        }
      }
    });
    afterAll(() => database?.close());

    async function read(principal: Principal, source: string, variableValues?: Record<string, unknown>) {
      const base = {
        requestId: randomUUID(),
        log: createLogger('customers-test', 'silent'),
        db: database.db,
        principal,
      } as SubgraphContext;
      const result = await graphql({
        schema,
        source,
        contextValue: customersSubgraph.createContext(base),
        variableValues,
      });
      expect(result.errors).toBeUndefined();
      return result.data as Record<string, any>;
    }

    const SEARCH = 'query($q: String) { customers(first: 10, search: $q) { totalCount edges { node { id } } } }';
    const ids = (data: Record<string, any>) => data.customers.edges.map((e: { node: { id: string } }) => e.node.id);

    it('searches and lists only them, the total count included', async () => {
      expect(await read(partner, SEARCH)).toEqual({ customers: { totalCount: 1, edges: [{ node: { id: wang.id } }] } });
      expect(ids(await read(partner, SEARCH, { q: 'zhao.wei@' }))).toEqual([]);
      expect(ids(await read(partner, SEARCH, { q: 'tm-wang' }))).toEqual([wang.id]);
      // Another channel's account id does not find the customer behind it, even one the caller may see.
      expect(ids(await read(partner, SEARCH, { q: 'jd-wang' }))).toEqual([]);
      expect((await read(staff, SEARCH)).customers.totalCount).toBe(2);
      expect(ids(await read(staff, SEARCH, { q: 'jd-wang' }))).toEqual([wang.id]);
    });

    it('reads any other customer as null: by id, by account and by reference', async () => {
      const BY_ID = 'query($id: ID!) { customer(id: $id) { id identities { channel externalId } } }';
      expect((await read(partner, BY_ID, { id: zhao.id })).customer).toBeNull();
      // Its accounts on other channels stay hidden too.
      expect((await read(partner, BY_ID, { id: wang.id })).customer).toEqual({
        id: wang.id,
        identities: [{ channel: 'tmall', externalId: 'tm-wang' }],
      });
      expect((await read(staff, BY_ID, { id: wang.id })).customer.identities).toHaveLength(2);

      const BY_ACCOUNT = 'query($c: String!, $e: String!) { customerByIdentity(channel: $c, externalId: $e) { id } }';
      expect((await read(partner, BY_ACCOUNT, { c: 'tmall', e: 'tm-wang' })).customerByIdentity).toEqual({
        id: wang.id,
      });
      expect((await read(partner, BY_ACCOUNT, { c: 'jd', e: 'jd-wang' })).customerByIdentity).toBeNull();
      expect((await read(staff, BY_ACCOUNT, { c: 'jd', e: 'jd-zhao' })).customerByIdentity).toEqual({ id: zhao.id });

      const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }';
      const r = [
        { __typename: 'Customer', id: wang.id },
        { __typename: 'Customer', id: zhao.id },
      ];
      expect((await read(partner, ENTITIES, { r }))._entities).toEqual([{ id: wang.id }, null]);
      expect((await read(staff, ENTITIES, { r }))._entities).toEqual([{ id: wang.id }, { id: zhao.id }]);
    });
  },
);
