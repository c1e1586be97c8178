import 'reflect-metadata';
import {
  REPO_ROOT,
  SUBGRAPHS,
  SUPERGRAPH_FILE,
  buildSubgraphSdls,
  checkContract,
  readContract,
  composeSupergraph,
  readCommitted,
  subgraphSdlFile,
  type SubgraphName,
} from '@supply-graph/platform';

const CONTRACT = readContract(REPO_ROOT);
const committedSupergraph = readCommitted(SUPERGRAPH_FILE);

let built: Record<SubgraphName, string>;

beforeAll(async () => {
  built = await buildSubgraphSdls();
});

describe('committed schemas', () => {
  it.each(SUBGRAPHS.map((s) => s.name))('subgraphs/%s/schema.graphql matches what the code builds', (name) => {
    const committed = readCommitted(subgraphSdlFile(name));
    if (committed !== built[name]) {
      throw new Error(`subgraphs/${name}/schema.graphql is out of date: run \`npm run schema\` and commit the result`);
    }
  });

  it('the built subgraphs compose without errors or hints', () => {
    const { errors, hints, supergraphSdl } = composeSupergraph(built);
    expect(errors).toEqual([]);
    expect(hints).toEqual([]);
    expect(supergraphSdl).toContain('type Query');
  });

  it('supergraph.graphql is the composition of the built subgraphs', () => {
    const { supergraphSdl } = composeSupergraph(built);
    expect(committedSupergraph).not.toBeNull();
    if (committedSupergraph !== supergraphSdl) {
      throw new Error('supergraph.graphql is out of date: run `npm run schema` and commit the result');
    }
  });
});

describe('public contract', () => {
  it('the committed supergraph offers everything contract/core.graphql and contract/access.graphql promise', () => {
    expect(checkContract(CONTRACT, committedSupergraph!)).toEqual([]);
  });
});

describe('checkContract', () => {
  // Whatever the committed supergraph lacks today; each case below must add exactly its own problem.
  const baseline = () => checkContract(CONTRACT, committedSupergraph!);
  const newProblems = (contract: string) =>
    checkContract(contract, committedSupergraph!).filter((p) => !baseline().includes(p));

  /** The contract with one exact, unique piece of text replaced. */
  function edit(from: string, to: string): string {
    const at = CONTRACT.indexOf(from);
    if (at < 0 || CONTRACT.indexOf(from, at + 1) >= 0) throw new Error(`contract must contain "${from}" exactly once`);
    return CONTRACT.replace(from, to);
  }

  it('reports a field the supergraph does not have', () => {
    expect(newProblems(`${CONTRACT}\nextend type Order { giftWrap: Boolean }\n`)).toEqual(['Order.giftWrap: missing']);
  });

  it('reports a type the supergraph does not have', () => {
    expect(newProblems(`${CONTRACT}\ntype GiftCard { code: ID! }\n`)).toEqual(['GiftCard: missing object type']);
  });

  it('reports an enum value the supergraph does not have', () => {
    expect(newProblems(`${CONTRACT}\nextend enum OrderStatus { LOST }\n`)).toEqual([
      'OrderStatus.LOST: missing enum value',
    ]);
  });

  it('reports an input field the supergraph does not have', () => {
    expect(newProblems(`${CONTRACT}\nextend input PlaceOrderInput { giftMessage: String }\n`)).toEqual([
      'PlaceOrderInput.giftMessage: missing input field',
    ]);
  });

  it('reports an argument the supergraph does not have', () => {
    expect(newProblems(edit('order(id: ID!): Order', 'order(id: ID!, tenant: String): Order'))).toEqual([
      'Query.order(tenant:): missing argument',
    ]);
  });

  it('reports an output field whose type changed', () => {
    expect(newProblems(edit('riskScore: Float!', 'riskScore: String!'))).toEqual([
      'Order.riskScore: type String! in the contract, Float! in the supergraph',
    ]);
  });

  it('reports an output field the supergraph made nullable', () => {
    expect(newProblems(edit('reason: String\n}', 'reason: String!\n}'))).toEqual([
      'OrderStatusChange.reason: type String! in the contract, String in the supergraph',
    ]);
  });

  it('accepts an output field the supergraph made stricter', () => {
    expect(newProblems(edit('riskScore: Float!', 'riskScore: Float'))).toEqual([]);
    expect(newProblems(edit('riskFlags: [String!]!', 'riskFlags: [String]'))).toEqual([]);
  });

  it('reports an argument or input field whose nullability differs, in either direction', () => {
    expect(newProblems(edit('order(id: ID!): Order', 'order(id: ID): Order'))).toEqual([
      'Query.order(id:): type ID in the contract, ID! in the supergraph',
    ]);
    expect(newProblems(edit('customerId: ID\n  placedAfter', 'customerId: ID!\n  placedAfter'))).toEqual([
      'OrderFilter.customerId: type ID! in the contract, ID in the supergraph',
    ]);
  });

  it('reports a changed argument default', () => {
    const contract = edit('customers(first: Int = 20,', 'customers(first: Int = 50,');
    expect(newProblems(contract)).toEqual([
      'Query.customers(first:): default 50 in the contract, 20 in the supergraph',
    ]);
  });

  it('reports a type of a different kind', () => {
    expect(newProblems(edit('scalar JSON ', 'enum JSON { RAW } '))).toEqual([
      'JSON: enum in the contract, scalar in the supergraph',
    ]);
  });
});
