import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import { createClient } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import type { ClientPolicy } from '../../context';
import { checkLiveOperation, sseRefusal } from '../live';
import { trustedDocumentsFrom } from '../manifest';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const TICKS = 'subscription Ticks { tick }';
const manifest = trustedDocumentsFrom({ [sha256(TICKS)]: TICKS });
const policy = (trustedDocumentsOnly: boolean): ClientPolicy => ({
  clientId: 'partner',
  rateLimitPerMinute: null,
  trustedDocumentsOnly,
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'world' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      tick: {
        type: GraphQLString,
        subscribe: async function* () {
          yield { tick: 'one' };
          yield { tick: 'two' };
        },
      },
      secretTick: {
        type: GraphQLString,
        subscribe: async function* () {
          yield { secretTick: 'leak' };
        },
      },
    },
  }),
});

// The caller, as the transports will know it: here from connectionParams (graphql-ws) or a header (SSE).
const clientOf = (trusted: unknown) => (trusted === true || trusted === 'true' ? policy(true) : null);

let server: Server;
let url: string;
let disposeWs: () => Promise<void>;

beforeAll(async () => {
  const sse = createHandler({
    schema,
    onSubscribe: (req, params) => {
      const refusal = checkLiveOperation(manifest, clientOf(req.headers.get('x-trusted')), params);
      return refusal ? sseRefusal(refusal) : undefined;
    },
  });
  server = createServer((req, res) => void sse(req, res));
  const ws = useServer(
    {
      schema,
      onSubscribe: (ctx, _id, payload) => {
        const refusal = checkLiveOperation(manifest, clientOf(ctx.connectionParams?.trusted), payload);
        return refusal ? [refusal] : undefined;
      },
    },
    new WebSocketServer({ server, path: '/graphql' }),
  );
  disposeWs = async () => ws.dispose();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await disposeWs();
  await new Promise((resolve) => server.close(resolve));
});

type Payload = { query: string; extensions?: Record<string, unknown>; documentId?: string };

/** Every result a graphql-ws subscription gets, or the errors it ends with. */
async function overWs(
  trusted: boolean,
  payload: Payload,
): Promise<{ results: unknown[]; errors?: { extensions?: { code?: string } }[] }> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { trusted },
  });
  try {
    const results: unknown[] = [];
    return await new Promise((resolve) => {
      client.subscribe(payload as never, {
        next: (value) => results.push(value.data),
        error: (errors) => resolve({ results, errors: errors as never }),
        complete: () => resolve({ results }),
      });
    });
  } finally {
    await client.dispose();
  }
}

async function overSse(trusted: boolean, payload: Payload): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-trusted': String(trusted) },
    body: JSON.stringify(payload),
  });
  return { status: response.status, text: await response.text() };
}

const apq = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });

describe('trusted documents over graphql-ws', () => {
  it('runs a manifest subscription sent by hash (query left empty) or as its text', async () => {
    expect(await overWs(true, { query: '', extensions: apq(TICKS) })).toEqual({
      results: [{ tick: 'one' }, { tick: 'two' }],
    });
    expect(await overWs(true, { query: '', documentId: `sha256:${sha256(TICKS)}` })).toEqual({
      results: [{ tick: 'one' }, { tick: 'two' }],
    });
    expect((await overWs(true, { query: 'subscription Ticks {\n  tick\n}' })).results).toHaveLength(2);
  });

  it('refuses a trusted-only client any other document, sent by text or by hash', async () => {
    for (const payload of [
      { query: 'subscription { secretTick }' },
      { query: '', extensions: apq('subscription { secretTick }') },
    ]) {
      const answer = await overWs(true, payload);
      expect(answer.results).toEqual([]);
      expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    }
  });

  it('lets other callers subscribe to anything', async () => {
    expect(await overWs(false, { query: 'subscription { secretTick }' })).toEqual({
      results: [{ secretTick: 'leak' }],
    });
  });
});

describe('trusted documents over graphql-sse', () => {
  it('runs a manifest subscription sent by hash', async () => {
    const answer = await overSse(true, { query: '', extensions: apq(TICKS) });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"tick":"two"');
  });

  it('refuses a trusted-only client another document with HTTP 400, before any stream', async () => {
    const answer = await overSse(true, { query: 'subscription { secretTick }' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } })],
    });
    expect((await overSse(false, { query: 'subscription { secretTick }' })).text).toContain('"secretTick":"leak"');
  });
});
