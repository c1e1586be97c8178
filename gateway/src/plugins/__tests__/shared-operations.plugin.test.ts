import { ApolloServer, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../../context';
import { sharedOperations } from '../shared-operations.plugin';

type Ctx = Pick<GatewayContext, 'internalToken'> & { caller: string };

/** Each resolution is counted and takes 50 ms, so identical requests sent together overlap. */
const executions: string[] = [];
const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 50));
const typeDefs = `
  type Query { whoami(n: Int): String!, broken: String! }
  type Mutation { bump: Int! }
`;
const resolvers = {
  Query: {
    whoami: (_: unknown, { n }: { n?: number }, ctx: Ctx) => {
      executions.push(`whoami ${ctx.internalToken} ${n ?? ''}`);
      return later(`${ctx.internalToken}:${n ?? 0}`);
    },
    broken: () => {
      executions.push('broken');
      return later(null).then(() => {
        throw new GraphQLError('out of order', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
      });
    },
  },
  Mutation: { bump: () => executions.push('bump') },
};

/** Refuses the caller named "refused" where the gateway's checks refuse (didResolveOperation). */
const refuse: ApolloServerPlugin<Ctx> = {
  async requestDidStart({ contextValue }) {
    return {
      async didResolveOperation() {
        if (contextValue.caller === 'refused')
          throw new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED' } });
      },
    };
  },
};

describe('identical queries in flight at once (sharedOperations)', () => {
  let apollo: ApolloServer<Ctx>;
  beforeAll(async () => {
    apollo = new ApolloServer<Ctx>({
      typeDefs,
      resolvers,
      plugins: [refuse, sharedOperations<Ctx>()],
    });
    await apollo.start();
  });
  afterAll(() => apollo.stop());
  beforeEach(() => executions.splice(0));

  const ask = async (query: string, internalToken: string, caller = 'someone', variables?: Record<string, unknown>) => {
    const response: GraphQLResponse = await apollo.executeOperation(
      { query, variables },
      { contextValue: { internalToken, caller } },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };

  it('run once for callers of the same access, each getting the answer', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask('{ whoami }', 'staff')));
    expect(executions).toEqual(['whoami staff ']);
    expect(answers).toEqual(Array(5).fill({ data: { whoami: 'staff:0' } }));
    // Over: the next one runs again.
    await ask('{ whoami }', 'staff');
    expect(executions).toHaveLength(2);
  });

  it('run apart for other access, other variables, mutations; a refused caller is refused all the same', async () => {
    const q = 'query($n: Int) { whoami(n: $n) }';
    const [staff, partner, other, refused] = await Promise.all([
      ask(q, 'staff', 'a', { n: 1 }),
      ask(q, 'partner', 'b', { n: 1 }),
      ask(q, 'staff', 'c', { n: 2 }),
      ask(q, 'staff', 'refused', { n: 1 }),
      ask('mutation { bump }', 'staff'),
      ask('mutation { bump }', 'staff'),
    ]);
    expect([staff.data, partner.data, other.data]).toEqual([
      { whoami: 'staff:1' },
      { whoami: 'partner:1' },
      { whoami: 'staff:2' },
    ]);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(executions.sort()).toEqual(['bump', 'bump', 'whoami partner 1', 'whoami staff 1', 'whoami staff 2']);
  });

  it("share the leader's errors, each in a list of its own", async () => {
    const answers = await Promise.all([ask('{ broken }', 'staff'), ask('{ broken }', 'staff')]);
    expect(executions).toEqual(['broken']);
    expect(answers.map((a) => a.errors?.map((e) => e.extensions?.code))).toEqual([
      ['SERVICE_UNAVAILABLE'],
      ['SERVICE_UNAVAILABLE'],
    ]);
    expect(answers[0].errors).not.toBe(answers[1].errors);
  });
});
