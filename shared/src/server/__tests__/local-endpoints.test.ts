import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { AppError } from '../../errors/app-error';
import { callPeer } from '../../federation/peers';
import { startGraphQLHttpServer, type RunningHttpServer } from '../http-server';
import { LocalCallTimeout, localEndpoints } from '../local-endpoints';
import { currentRequestScope } from '../request-scope';

interface Ctx {
  caller: string;
  requestId: string;
}

const typeDefs = `
  type Query { whoAmI: String!, requestId: String!, slow: String!, refuse: String! }
`;

/** A sealed GraphQL server as the subgraphs run it: a bearer token names the caller; each request has a deadline. */
async function startServer(seenAborts: unknown[]) {
  const apollo = new ApolloServer<Ctx>({
    typeDefs,
    resolvers: {
      Query: {
        whoAmI: (_: unknown, __: unknown, ctx: Ctx) => ctx.caller,
        requestId: (_: unknown, __: unknown, ctx: Ctx) => ctx.requestId,
        // Work that takes 400 ms whatever happens; notes when the request's work is told to stop.
        slow: () =>
          new Promise<string>((resolve) => {
            const signal = currentRequestScope()!.signal;
            signal.addEventListener('abort', () => seenAborts.push(signal.reason));
            setTimeout(() => resolve('done'), 400);
          }),
        refuse: () => {
          throw new AppError('BAD_USER_INPUT', 'not like that');
        },
      },
    },
  });
  await apollo.start();
  let connections = 0;
  const http: RunningHttpServer = await startGraphQLHttpServer<Ctx, string>({
    service: 'test',
    apollo,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    requestTimeoutMs: 5_000,
    bodyLimitBytes: 2_000,
    serveLocally: true,
    authenticate: async (headers) => {
      if (headers.authorization === 'Bearer broken') throw new Error('the key store is gone');
      if (headers.authorization !== 'Bearer good') throw new AppError('UNAUTHENTICATED', 'no valid token');
      return 'peer';
    },
    context: ({ auth, requestId }) => ({ caller: auth!, requestId }),
  });
  http.server.on('connection', () => (connections += 1));
  return { http, url: `http://127.0.0.1:${http.port}/graphql`, connections: () => connections };
}

const headers = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  authorization: 'Bearer good',
  ...extra,
});

describe('a GraphQL server answering callers in its own process', () => {
  const aborts: unknown[] = [];
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer(aborts);
  });
  afterAll(async () => {
    await server.http.stop();
  });

  it('answers at its loopback URLs what it answers over HTTP, without opening a connection', async () => {
    const body = JSON.stringify({ query: '{ whoAmI requestId }' });
    const local = localEndpoints.find(server.url);
    expect(local).toBeDefined();
    expect(localEndpoints.find(`http://localhost:${server.http.port}/graphql`)).toBe(local);
    const answer = await local!(headers({ 'x-request-id': 'req-42' }), body);
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { whoAmI: 'peer', requestId: 'req-42' } });
    expect(server.connections()).toBe(0);

    const overHttp = await fetch(server.url, { method: 'POST', headers: headers({ 'x-request-id': 'req-42' }), body });
    expect(await overHttp.json()).toEqual(JSON.parse(answer.text));
  });

  it('refuses a caller without a valid token with 401 UNAUTHENTICATED, as over HTTP', async () => {
    const answer = await localEndpoints.find(server.url)!(
      { 'content-type': 'application/json', authorization: 'Bearer forged' },
      JSON.stringify({ query: '{ whoAmI }' }),
    );
    expect(answer.statusCode).toBe(401);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a failure of its own with 500 and no internals, as over HTTP', async () => {
    const answer = await localEndpoints.find(server.url)!(
      { 'content-type': 'application/json', authorization: 'Bearer broken' },
      JSON.stringify({ query: '{ whoAmI }' }),
    );
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'Internal error' }] });
  });

  it('refuses a body past the limit with 413 REQUEST_TOO_LARGE, and one nested too deep with BAD_USER_INPUT', async () => {
    const local = localEndpoints.find(server.url)!;
    const large = await local(headers(), JSON.stringify({ query: `{ whoAmI } #${'x'.repeat(3_000)}` }));
    expect(large.statusCode).toBe(413);
    expect(JSON.parse(large.text).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    let deep: unknown = 1;
    for (let i = 0; i < 200; i += 1) deep = [deep];
    const nested = await local(headers(), JSON.stringify({ query: '{ whoAmI }', variables: { v: deep } }));
    expect(nested.statusCode).toBe(400);
    expect(JSON.parse(nested.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("stops waiting at the caller's budget and stops the work it left behind", async () => {
    aborts.length = 0;
    const call = localEndpoints.find(server.url)!(
      headers({ 'x-request-timeout-ms': '100' }),
      JSON.stringify({ query: '{ slow }' }),
    );
    await expect(call).rejects.toBeInstanceOf(LocalCallTimeout);
    await new Promise((r) => setTimeout(r, 20));
    expect(aborts).toHaveLength(1);
    expect((aborts[0] as AppError).code).toBe('DEADLINE_EXCEEDED');
  });

  it("callPeer reaches it in-process and passes the peer's error codes on", async () => {
    const connectionsBefore = server.connections();
    const peers = { url: () => server.url, authorization: async () => 'Bearer good' };
    await expect(callPeer(peers, 'customers', 'r1', '{ whoAmI }', {})).resolves.toEqual({ whoAmI: 'peer' });
    await expect(callPeer(peers, 'customers', 'r1', '{ refuse }', {})).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'not like that',
    });
    await expect(callPeer(peers, 'customers', 'r1', '{ slow }', {}, 100)).rejects.toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
    });
    const unsigned = { url: () => server.url };
    await expect(callPeer(unsigned, 'customers', 'r1', '{ whoAmI }', {})).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(server.connections()).toBe(connectionsBefore);
  });

  it('is no longer found once stopped', async () => {
    const other = await startServer([]);
    expect(localEndpoints.find(other.url)).toBeDefined();
    await other.http.stop();
    expect(localEndpoints.find(other.url)).toBeUndefined();
  });
});
