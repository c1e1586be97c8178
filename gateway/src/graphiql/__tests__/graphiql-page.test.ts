import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { GRAPHIQL_EXAMPLES } from '../graphiql-examples';
import { graphiqlBootScript } from '../graphiql-page';

/**
 * Runs the boot script against stand-ins for the browser and the UMD globals; returns what it handed them.
 * `token`: what GET /graphiql/token answers (null: 404, as anywhere but a local browser outside production).
 */
async function boot(href: string, token: string | null = null) {
  const calls: {
    fetcher?: Record<string, unknown>;
    wsClient?: Record<string, unknown>;
    props?: Record<string, unknown>;
    asked?: string;
  } = {};
  const wsClient = { id: 'the-ws-client' };
  const { origin, protocol, host } = new URL(href);
  const fetch = async (url: string) => {
    calls.asked = url;
    return { ok: token !== null, json: async () => ({ token, expiresIn: 3600 }) };
  };
  runInNewContext(graphiqlBootScript(GRAPHIQL_EXAMPLES), {
    fetch,
    location: { origin, protocol, host },
    document: { getElementById: (id: string) => ({ id }) },
    graphqlWs: {
      createClient: (options: Record<string, unknown>) => {
        calls.wsClient = options;
        return wsClient;
      },
    },
    GraphiQL: Object.assign(function GraphiQL() {}, {
      createFetcher: (options: Record<string, unknown>) => ((calls.fetcher = options), 'the-fetcher'),
    }),
    React: { createElement: (_type: unknown, props: Record<string, unknown>) => props },
    ReactDOM: { createRoot: () => ({ render: (props: Record<string, unknown>) => (calls.props = props) }) },
  });
  for (let i = 0; i < 10 && !calls.props; i += 1) await new Promise((r) => setImmediate(r));
  return { calls, wsClient };
}

describe('GraphiQL boot script', () => {
  it('fetches from the page’s own origin and subscribes over one graphql-ws client on the same host', async () => {
    const { calls, wsClient } = await boot('http://localhost:4000/graphql');
    expect(calls.fetcher).toEqual({
      url: 'http://localhost:4000/graphql',
      subscriptionUrl: 'ws://localhost:4000/graphql',
      wsClient,
      headers: {},
    });
    expect(calls.wsClient).toMatchObject({ url: 'ws://localhost:4000/graphql', lazy: true, connectionParams: {} });
    expect(calls.props).toMatchObject({ fetcher: 'the-fetcher', defaultTabs: GRAPHIQL_EXAMPLES });
  });

  it('sends the token the gateway hands a local browser, on HTTP and in graphql-ws connectionParams', async () => {
    const { calls } = await boot('http://localhost:4000/graphql', 'the-token');
    expect(calls.asked).toBe('/graphiql/token');
    expect(calls.fetcher).toMatchObject({ headers: { authorization: 'Bearer the-token' } });
    expect(calls.wsClient).toMatchObject({ connectionParams: { authorization: 'Bearer the-token' } });
  });

  it('uses wss: behind https', async () => {
    const { calls } = await boot('https://hub.example.com/graphql');
    expect(calls.fetcher).toMatchObject({
      url: 'https://hub.example.com/graphql',
      subscriptionUrl: 'wss://hub.example.com/graphql',
    });
    expect(calls.wsClient).toMatchObject({ url: 'wss://hub.example.com/graphql' });
  });
});

describe('GraphiQL examples', () => {
  const supergraphSdl = readFileSync(path.resolve(__dirname, '../../../../supergraph.graphql'), 'utf8');
  // The access rules' specs are linked for: SECURITY; reading the API needs no enforcement.
  const api = Supergraph.build(supergraphSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES })
    .apiSchema()
    .toGraphQLJSSchema();

  it('are the 360 query and the order subscription, in that order', () => {
    const kinds = GRAPHIQL_EXAMPLES.map((e) =>
      parse(e.query).definitions.map((d) => ('operation' in d ? `${d.operation} ${d.name?.value}` : d.kind)),
    );
    expect(kinds).toEqual([['query Customer360'], ['subscription OrderStatusChanged']]);
  });

  it.each(
    GRAPHIQL_EXAMPLES.map((e) => [
      parse(e.query)
        .definitions.map((d) => ('name' in d ? d.name?.value : ''))
        .join(),
      e,
    ]),
  )('%s is valid against the supergraph’s API schema', (_name, example) => {
    expect(validate(api, parse(example.query)).map((e) => e.message)).toEqual([]);
  });
});
