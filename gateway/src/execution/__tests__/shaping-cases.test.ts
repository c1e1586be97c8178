import { composeServices } from '@apollo/composition';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, parse } from 'graphql';
import { InProcessEventBus } from '@supply-graph/shared';
import pino from 'pino';
import { SubgraphDataSource } from '../../datasources/subgraph-data-source';
import { EntityCache } from '../entity-cache';
import { localSubgraph, subgraphSchema, twoExecutors, type TwoExecutors } from './two-executors';

/**
 * The corners of result shaping and error placement, through both executors
 * over a small supergraph that has what the platform's does not (an
 * interface, a union, a mutation, non-null fields that come back null):
 * identical JSON, key order included.
 */

const A = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query {
  node(id: ID!): Node
  search(text: String): [SearchResult!]!
  things: [Thing!]
  strictThings: [Thing!]!
  strict: Strict
  failing: String
  raw: Raw
}
type Mutation { rename(id: ID!, name: String!): Product! }
interface Node { id: ID! }
type Product implements Node @key(fields: "id") { id: ID! name: String! price: Int }
type User implements Node @key(fields: "id") { id: ID! email: String! friends: [User!] }
union SearchResult = Product | User
type Thing @key(fields: "id") { id: ID! label: String }
type Strict { mustHave: String! maybe: String inner: Strict }
type Raw { int: Int kind: Kind text: String! id: ID node: Node }
enum Kind { A B }
`;

const B = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Product @key(fields: "id") { id: ID! stock: Int! reviews: [Review!]! }
type Thing @key(fields: "id") { id: ID! detail: String! }
type Review { stars: Int! text: String }
`;

const product = (id: string) => ({ __typename: 'Product', id, name: `P ${id}`, price: id === 'p2' ? null : 10 });
const user = (id: string) => ({ __typename: 'User', id, email: `${id}@example.com` });
const things = () => [
  { id: 't1', label: 'one' },
  { id: 't2', label: null },
  { id: 't3', label: 'three' },
];

const a = subgraphSchema(A, {
  Query: {
    node: (_: unknown, { id }: { id: string }) => {
      if (id === 'boom') throw new GraphQLError('node exploded', { extensions: { code: 'NOT_FOUND' } });
      if (id.startsWith('p')) return product(id);
      if (id.startsWith('u')) return user(id);
      return null;
    },
    search: () => [product('p1'), user('u1'), product('p2')],
    things,
    strictThings: things,
    strict: () => ({ mustHave: 'x', maybe: null, inner: { mustHave: null } }),
    failing: () => {
      throw new Error('plain failure');
    },
  },
  Mutation: { rename: (_: unknown, { id, name }: { id: string; name: string }) => ({ ...product(id), name }) },
  User: { friends: () => [user('u2'), user('u3')] },
  Node: { __resolveType: (o: { __typename: string }) => o.__typename },
  SearchResult: { __resolveType: (o: { __typename: string }) => o.__typename },
} as never);

const b = subgraphSchema(B, {
  Product: {
    __resolveReference: ({ id }: { id: string }) => ({
      id,
      stock: id === 'p2' ? null : 5,
      reviews: [
        { stars: 5, text: 'good' },
        { stars: 1, text: null },
      ],
    }),
  },
  Thing: {
    __resolveReference: ({ id }: { id: string }) => {
      if (id === 't2') throw new GraphQLError('no detail for t2', { extensions: { code: 'FORBIDDEN' } });
      return { id, detail: `d-${id}` };
    },
  },
} as never);

function supergraph(): string {
  const composed = composeServices([
    { name: 'a', typeDefs: parse(A), url: 'http://a.invalid/graphql' },
    { name: 'b', typeDefs: parse(B), url: 'http://b.invalid/graphql' },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return composed.supergraphSdl;
}

/** Subgraph a's answer given as is (what graphql-js would never produce), for the next operation only. */
let rawAnswer: GatewayGraphQLResponse | undefined;

describe('own executor and @apollo/gateway on the corners of shaping and errors', () => {
  let both: TwoExecutors;
  let bDown: TwoExecutors;
  /** The own executor with an entity cache (following a bus that never says anything changed). */
  let cached: TwoExecutors;
  const cache = new EntityCache({ maxBytes: 1024 * 1024 });
  const bus = new InProcessEventBus(pino({ level: 'silent' }));
  beforeAll(async () => {
    const sdl = supergraph();
    const subgraphA = localSubgraph(a, undefined, () => rawAnswer);
    both = await twoExecutors(sdl, { a: subgraphA, b: localSubgraph(b) });
    await cache.follow(bus);
    cached = await twoExecutors(sdl, { a: subgraphA, b: localSubgraph(b) }, { cache });
    // Nothing listens on port 9: every call to b fails as a whole.
    const down: GraphQLDataSource = new SubgraphDataSource('b', 'http://127.0.0.1:9/graphql', 2000);
    bDown = await twoExecutors(sdl, { a: subgraphA, b: down });
  });
  afterAll(async () => {
    await both?.stop();
    await bDown?.stop();
    await cached?.stop();
    await cache.stop();
  });
  afterEach(() => {
    rawAnswer = undefined;
  });

  const same = async (gateways: TwoExecutors, query: string, variables?: Record<string, unknown>) => {
    const answers = await gateways.run(query, variables);
    expect(answers.own).toEqual(answers.apollo);
    expect(answers.ownCalls).toEqual(answers.apolloCalls);
    return JSON.parse(answers.own) as { data?: unknown; errors?: unknown[]; extensions?: unknown };
  };

  it.each([
    ['aliases', '{ a: node(id: "p1") { ... on Product { n: name price id } } b: node(id: "u1") { id t: __typename } }'],
    [
      'named and inline fragments on an interface',
      'query { node(id: "u1") { ...N ... on User { email friends { ...N } } } } fragment N on Node { id __typename }',
    ],
    [
      'fragments on a union, with fields from another subgraph',
      '{ search { __typename ... on Product { name reviews { stars text } } ... on User { email } } }',
    ],
    ['__typename aliased, on a union', '{ search { kind: __typename } }'],
    [
      'the same field twice with different selections',
      '{ node(id: "p1") { ... on Product { reviews { stars } } ... on Product { id reviews { text } } } }',
    ],
    ['root __typename and a null object', '{ __typename node(id: "nope") { id } }'],
    ['a mutation', 'mutation { rename(id: "p1", name: "Q") { id name stock } }'],
  ])('%s', async (_, query) => {
    const answer = await same(both, query);
    expect(answer.data).not.toBeNull();
  });

  it.each([[{ s: true }], [{ s: false, i: false }], [{ s: false }]])(
    '@skip/@include with variables and literals %j',
    async (variables) => {
      await same(
        both,
        'query($s: Boolean!, $i: Boolean = true) { node(id: "p1") { id @skip(if: $s) ... on Product @include(if: $i) { name } price @include(if: false) } }',
        variables,
      );
    },
  );

  it.each([[{ withStock: true }], [{ withStock: false }]])('a Condition node in the plan %j', async (variables) => {
    await same(
      both,
      'query($withStock: Boolean!) { node(id: "p1") { ... on Product { name stock @include(if: $withStock) } } }',
      variables,
    );
  });

  it('an entity the other subgraph nulls (non-null field): error placed at the entity, the null bubbles', async () => {
    const answer = await same(both, '{ search { ... on Product { id stock } } }');
    expect(answer.errors).toHaveLength(1);
  });

  it('entities partly from the cache: the same answer, errors placed at the entities they name', async () => {
    // p1's stock is kept (a clean answer); the search then asks b for p2 alone, whose non-null stock fails.
    await cached.run('{ node(id: "p1") { ... on Product { stock } } }');
    const answers = await cached.run('{ search { ... on Product { id stock } } }');
    expect(answers.own).toEqual(answers.apollo);
    expect(JSON.parse(answers.own).errors).toHaveLength(1);
    const [entityCall] = answers.ownCalls.filter((call) => call.startsWith('b:'));
    expect(JSON.parse(entityCall.split('\n')[1]).representations).toEqual([{ __typename: 'Product', id: 'p2' }]);
    // An answer with errors is not kept: asked again, b is asked for p2 again.
    const again = await cached.run('{ search { ... on Product { id stock } } }');
    expect(again.own).toEqual(again.apollo);
    expect(again.ownCalls.filter((call) => call.startsWith('b:'))).toEqual([entityCall]);
  });

  it('a null in a non-null list bubbles to the root', async () => {
    const answer = await same(both, '{ strictThings { id detail } }');
    expect(answer.data).toBeNull();
  });

  it.each([
    ['a nullable list', '{ things { id label detail } }'],
    ['errors with paths from the subgraph', '{ strict { mustHave maybe inner { mustHave } } }'],
    ['an error with a code', '{ node(id: "boom") { id } }'],
    ['an error without a code', '{ failing }'],
  ])('%s', async (_, query) => {
    const answer = await same(both, query);
    expect(answer.errors?.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'values a leaf type cannot hold and a null in a non-null field',
      '{ raw { int kind text } }',
      { data: { raw: { int: 'abc', kind: 'C', text: null } } },
    ],
    [
      'an unknown __typename',
      '{ raw { node { id } } }',
      { data: { raw: { node: { __typename: 'Secret', id: '1' } } } },
    ],
    [
      'an interface as __typename',
      '{ raw { node { __typename id } } }',
      { data: { raw: { node: { __typename: 'Node', id: '1' } } } },
    ],
    [
      'an error without a path',
      '{ failing }',
      { data: { failing: null }, errors: [{ message: 'no path here', extensions: { code: 'FORBIDDEN' } }] },
    ],
    [
      'an error with an unknown code and no message',
      '{ failing }',
      {
        data: { failing: null },
        errors: [{ message: '', path: ['failing'], extensions: { code: 'MY_CODE', detail: 1 } }],
      },
    ],
    [
      'an error without extensions',
      '{ failing }',
      { data: { failing: null }, errors: [{ message: 'bare', path: ['failing'] }] },
    ],
    ['no data at all', '{ failing raw { id } }', { data: null, errors: [{ message: 'down' }] }],
    ['errors only', '{ failing }', { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }],
  ])('a raw subgraph answer: %s', async (_, query, answer) => {
    rawAnswer = answer as GatewayGraphQLResponse;
    await same(both, query);
  });

  it('a failed subgraph call: errors placed where its fields belong, the rest answered', async () => {
    const answer = await same(
      bDown,
      '{ search { ... on Product { name stock } ... on User { email } } things { id label detail } }',
    );
    expect(answer.errors?.length).toBeGreaterThan(0);
  });

  it('refused variables are answered before any fetch', async () => {
    const answer = await same(both, 'query($id: ID!) { node(id: $id) { id } }', {});
    expect(answer.data).toBeUndefined();
  });

  it('introspection, alone or beside data, is left to @apollo/gateway; the rest is not', async () => {
    const before = both.fallbacks.length;
    await same(both, '{ __schema { queryType { name } } }');
    await same(both, '{ __type(name: "Product") { name } node(id: "p1") { id } }');
    expect(both.fallbacks.slice(before)).toEqual([': introspection', ': introspection']);
    await same(both, '{ node(id: "p1") { id } }');
    expect(both.fallbacks).toHaveLength(before + 2);
  });
});
