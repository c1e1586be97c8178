import { ApolloServer, type ApolloServerOptions, type BaseContext, type GraphQLResponse } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { rejectUnresolvedOperation } from '../../plugins/operation-name.plugin';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../limits';
import { operationLimits } from '../operation-limits.plugin';

const typeDefs = `
  type Query { hello: String!, items(first: Int = 20): ItemConnection! }
  type ItemConnection { totalCount: Int!, edges: [ItemEdge!]! }
  type ItemEdge { node: Item! }
  type Item { id: ID!, name: String!, parts: [Item!]! }
`;
const resolvers = {
  Query: {
    hello: () => 'world',
    items: (_: unknown, { first }: { first: number }) => ({
      totalCount: first,
      edges: Array.from({ length: first }, (_, i) => ({ node: { id: String(i), name: `item ${i}`, parts: [] } })),
    }),
  },
};
const limits: OperationLimits = { maxDepth: 4, maxAliases: 2, maxRootFields: 3, maxTokens: 40, maxCost: 100 };

/** The field names GraphQL validation got to see. */
const validated: string[] = [];
const recordFields: ValidationRule = () => ({ Field: (node) => void validated.push(node.name.value) });

async function serve(options: Partial<ApolloServerOptions<BaseContext>> = {}, held: OperationLimits = limits) {
  const apollo = new ApolloServer({
    typeDefs,
    resolvers,
    validationRules: [recordFields],
    plugins: [operationLimits(held), rejectUnresolvedOperation()],
    ...options,
  } as ApolloServerOptions<BaseContext>);
  await apollo.start();
  return apollo;
}

async function send(apollo: ApolloServer, query: string, variables?: Record<string, unknown>, operationName?: string) {
  const response: GraphQLResponse = await apollo.executeOperation({ query, variables, operationName });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status ?? 200, ...response.body.singleResult };
}

const refusal = (limit: string, max: number, measured: number) => ({
  status: 400,
  errors: [{ message: expect.any(String), extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, measured } }],
});

describe('operationLimits (Apollo Server plugin)', () => {
  let apollo: ApolloServer;
  beforeAll(async () => {
    apollo = await serve();
  });
  afterAll(() => apollo.stop());
  beforeEach(() => void validated.splice(0));
  const run = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
    send(apollo, query, variables, operationName);

  it('lets an operation within the limits run', async () => {
    expect(await run('{ hello items(first: 2) { edges { node { id } } } }')).toEqual({
      status: 200,
      data: { hello: 'world', items: { edges: [{ node: { id: '0' } }, { node: { id: '1' } }] } },
    });
  });

  it('answers one past a limit with 400 and QUERY_TOO_COMPLEX, without validating or running it', async () => {
    const query = '{ a: hello b: hello c: hello }';
    const refused = {
      status: 400,
      errors: [
        {
          message: 'The operation has 3 aliases; the limit is 2.',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 2, measured: 3 },
        },
      ],
    };
    expect(await run(query)).toEqual(refused);
    // Validation saw only the stand-in's `__typename`.
    expect(validated).toEqual(['__typename']);
    // Apollo keeps the validated stand-in under this text: the repeat is refused without validation.
    expect(await run(query)).toEqual(refused);
    expect(validated).toEqual(['__typename']);
  });

  it('refuses past the depth and the root fields', async () => {
    expect(await run('{ items { edges { node { id } } } }')).toMatchObject({ status: 200 });
    expect(await run('{ items { edges { node { parts { id } } } } }')).toEqual(refusal('depth', 4, 5));
    expect(await run('{ hello __typename items { totalCount } __typename }')).toEqual(refusal('rootFields', 3, 4));
  });

  it('refuses a document whichever of its operations is asked for', async () => {
    const query = 'query Wide { a: hello b: hello c: hello } query Narrow { hello }';
    expect(await run(query, {}, 'Narrow')).toEqual(refusal('aliases', 2, 3));
    expect(await run(query, {}, 'Wide')).toEqual(refusal('aliases', 2, 3));
    expect(validated).toEqual(['__typename', '__typename']);
  });

  it('refuses the cost with the variables applied', async () => {
    // items 1 + first × (edges 1 + (node 1 + id 1 + name 1))
    const query = 'query Page($n: Int) { items(first: $n) { edges { node { id name } } } }';
    expect(await run(query, { n: 24 })).toMatchObject({ status: 200 });
    expect(await run(query, { n: 25 })).toEqual(refusal('cost', 100, 101));
    // The schema's default (20).
    expect(await run(query)).toMatchObject({ status: 200 });
  });

  it('refuses an overlong document as tokens, whether the parser stops it or not', async () => {
    // 16 tokens around the repeated field
    const withIds = (n: number) => `{ items(first: 1) { edges { node { ${'id '.repeat(n)}} } } }`;
    const query = withIds(25);
    const stopping = await serve({ parseOptions: { maxTokens: limits.maxTokens } });
    try {
      expect(await send(stopping, query)).toEqual(refusal('tokens', 40, 41));
      expect(await send(stopping, withIds(24))).toMatchObject({ status: 200 });
    } finally {
      await stopping.stop();
    }
    expect(await run(query)).toEqual(refusal('tokens', 40, 41));
    // Validation saw the 40-token document only, and the stand-in.
    expect(validated).toEqual([...['items', 'edges', 'node'], ...Array(24).fill('id'), '__typename']);
  });

  it('refuses 1,000 aliases before validation (times printed, not asserted)', async () => {
    const plain = await serve({ plugins: [] });
    const held = await serve({}, DEFAULT_OPERATION_LIMITS);
    try {
      const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: hello`).join(' ')} }`;
      const timed = async (server: ApolloServer) => {
        const started = process.hrtime.bigint();
        const result = await send(server, `${query} # ${started}`);
        return { result, ms: (Number(process.hrtime.bigint() - started) / 1e6).toFixed(1) };
      };
      await timed(held);
      await timed(plain);
      const refused = await timed(held);
      const ran = await timed(plain);
      expect(refused.result).toEqual(refusal('aliases', 30, 1000));
      expect(ran.result).toMatchObject({ status: 200 });
      console.log(
        `1,000 aliases through Apollo Server: refused in ${refused.ms} ms; ` +
          `without the plugin, validated and run in ${ran.ms} ms`,
      );
    } finally {
      await plain.stop();
      await held.stop();
    }
  });
});
