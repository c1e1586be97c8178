import { buildSchema, graphql } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { isMergeableEntityFetch, mergeEntityFetches, splitEntityAnswer, type EntityFetch } from '../entity-fetch-batch';

/** A subgraph's entity surface, small: orders with allocations, products with a localised name. */
const schema = buildSchema(`
  scalar _Any
  union _Entity = Order | Product
  type Order { id: ID! allocations(first: Int): [Allocation!]! }
  type Allocation { sku: String! }
  type Product { sku: String! name(locale: String): String }
  type Query { _entities(representations: [_Any!]!): [_Entity]! }
`);

const rootValue = {
  _entities: ({ representations }: { representations: { __typename: string; id?: string; sku?: string }[] }) =>
    representations.map((r) =>
      r.__typename === 'Order'
        ? {
            ...r,
            allocations: ({ first }: { first?: number }) =>
              ['A', 'B', 'C'].slice(0, first ?? 3).map((s) => ({ sku: `${r.id}-${s}` })),
          }
        : { ...r, name: ({ locale }: { locale?: string }) => (r.sku === 'bad' ? null : `${r.sku} (${locale})`) },
    ),
};

const run = async ({ query, variables }: EntityFetch) =>
  (await graphql({ schema, source: query, rootValue, variableValues: variables })) as GatewayGraphQLResponse;

// Both use $representations and $first, and each has its own fragment named Bits.
const ALLOCATIONS: EntityFetch = {
  query: `query Q__inventory__1($representations: [_Any!]!, $first: Int) {
    _entities(representations: $representations) { ...Bits }
  }
  fragment Bits on Order { id allocations(first: $first) { sku } }`,
  variables: {
    representations: [
      { __typename: 'Order', id: 'o1' },
      { __typename: 'Order', id: 'o2' },
    ],
    first: 2,
  },
};
const PRODUCTS: EntityFetch = {
  query: `query Q__inventory__2($representations: [_Any!]!, $first: String) {
    _entities(representations: $representations) { ...Bits }
  }
  fragment Bits on Product { sku name(locale: $first) }`,
  variables: { representations: [{ __typename: 'Product', sku: 'p1' }], first: 'zh' },
};

describe('entity fetches merged into one operation', () => {
  it('answers each fetch exactly as it would have been answered alone', async () => {
    const merged = mergeEntityFetches([ALLOCATIONS, PRODUCTS]);
    expect(merged.query).toMatch(/_0: _entities\(representations: \$representations_0\)/);
    expect(merged.variables).toEqual({
      representations_0: ALLOCATIONS.variables!.representations,
      first_0: 2,
      representations_1: PRODUCTS.variables!.representations,
      first_1: 'zh',
    });
    const answer = await run(merged);
    expect(answer.errors).toBeUndefined();
    const parts = splitEntityAnswer(answer, 2);
    expect(parts).toEqual([await run(ALLOCATIONS), await run(PRODUCTS)]);
    expect(parts[0].data).toEqual({
      _entities: [
        { id: 'o1', allocations: [{ sku: 'o1-A' }, { sku: 'o1-B' }] },
        { id: 'o2', allocations: [{ sku: 'o2-A' }, { sku: 'o2-B' }] },
      ],
    });
  });

  it("gives each fetch only its own errors, with their paths under its _entities; the others' to every fetch", async () => {
    const broken: EntityFetch = {
      query:
        'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { name } } }',
      variables: { representations: [{ __typename: 'Product', sku: 'bad' }] },
    };
    const answer: GatewayGraphQLResponse = {
      data: { _0: [{ id: 'o1', allocations: [] }], _1: [null] },
      errors: [{ message: 'no such product', path: ['_1', 0] }, { message: 'the subgraph is tired' }],
    };
    const [first, second] = splitEntityAnswer(answer, 2);
    expect(first).toEqual({ data: { _entities: [{ id: 'o1', allocations: [] }] }, errors: [answer.errors![1]] });
    expect(second).toEqual({
      data: { _entities: [null] },
      errors: [{ message: 'no such product', path: ['_entities', 0] }, answer.errors![1]],
    });
    expect(isMergeableEntityFetch(broken.query)).toBe(true);
  });

  it('splits an answer without data into answers without data, each with the errors', () => {
    const answer = { data: null, errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
    expect(splitEntityAnswer(answer, 2)).toEqual([
      { data: null, errors: answer.errors },
      { data: null, errors: answer.errors },
    ]);
  });

  it('takes only queries whose one root field is an un-aliased _entities', () => {
    expect(isMergeableEntityFetch(ALLOCATIONS.query)).toBe(true);
    expect(isMergeableEntityFetch('query($id: ID!) { customer(id: $id) { id } }')).toBe(false);
    expect(isMergeableEntityFetch('mutation($r: [_Any!]!) { _entities(representations: $r) { __typename } }')).toBe(
      false,
    );
    expect(isMergeableEntityFetch('query($r: [_Any!]!) { e: _entities(representations: $r) { __typename } }')).toBe(
      false,
    );
    expect(
      isMergeableEntityFetch('query($r: [_Any!]!) { _entities(representations: $r) { __typename } __typename }'),
    ).toBe(false);
    expect(isMergeableEntityFetch('query { _entities(')).toBe(false);
  });
});
