import { createHash } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { rejectUnresolvedOperation } from '../../plugins/operation-name.plugin';
import type { ClientPolicy } from '../../context';
import { trustedDocumentsFrom } from '../manifest';
import { trustedDocuments, type TrustedDocumentsContext } from '../trusted-documents.plugin';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// As codegen writes them: normalised, selections sorted.
const HELLO = 'query Hello { hello secret }';
const RENAME = 'mutation Rename($name: String!) { rename(name: $name) }';
const manifest = trustedDocumentsFrom({ [sha256(HELLO)]: HELLO, [sha256(RENAME)]: RENAME });

const TRUSTED_ONLY: ClientPolicy = { clientId: 'partner', rateLimitPerMinute: null, trustedDocumentsOnly: true };
const OPEN_CLIENT: ClientPolicy = { clientId: 'backoffice', rateLimitPerMinute: null, trustedDocumentsOnly: false };

interface Answer {
  status: number;
  headers: HeaderMap;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let server: ApolloServer<TrustedDocumentsContext>;
let renamed: string[];

beforeAll(async () => {
  server = new ApolloServer<TrustedDocumentsContext>({
    typeDefs: 'type Query { hello: String, secret: String } type Mutation { rename(name: String!): String }',
    resolvers: {
      Query: { hello: () => 'world', secret: () => 's3cret' },
      Mutation: { rename: (_: unknown, { name }: { name: string }) => (renamed.push(name), name) },
    },
    // The gateway's plugin that also refuses in didResolveOperation, listed first: a refusal must not turn into its
    // error.
    plugins: [rejectUnresolvedOperation(), trustedDocuments(manifest)],
  });
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => (renamed = []));

async function send(
  client: ClientPolicy | null,
  body: Record<string, unknown>,
  method: 'POST' | 'GET' = 'POST',
): Promise<Answer> {
  const params = Object.entries(body).map(([k, v]): [string, string] => [
    k,
    typeof v === 'string' ? v : JSON.stringify(v),
  ]);
  const search = method === 'GET' ? new URLSearchParams(params).toString() : '';
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method,
      headers: new HeaderMap([
        ['content-type', 'application/json'],
        ['apollo-require-preflight', 'true'],
      ]),
      search,
      body: method === 'POST' ? body : undefined,
    },
    context: async () => ({ client }),
  });
  if (response.body.kind !== 'complete') throw new Error('expected a complete body');
  return { status: response.status ?? 200, headers: response.headers, body: JSON.parse(response.body.string) };
}

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

function expectNotInList(answer: Answer) {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toEqual([
    expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }),
  ]);
}

describe('a trusted-documents-only client', () => {
  it('runs a manifest document sent by its APQ hash', async () => {
    const answer = await send(TRUSTED_ONLY, { extensions: apq(sha256(HELLO)) });
    expect(answer).toMatchObject({ status: 200, body: { data: { hello: 'world', secret: 's3cret' } } });
  });

  it('runs a manifest document sent by documentId (POST and GET, bare or sha256:-prefixed)', async () => {
    const post = await send(TRUSTED_ONLY, { documentId: `sha256:${sha256(RENAME)}`, variables: { name: 'Zhang' } });
    expect(post.body).toEqual({ data: { rename: 'Zhang' } });
    expect(renamed).toEqual(['Zhang']);
    const get = await send(TRUSTED_ONLY, { documentId: sha256(HELLO) }, 'GET');
    expect(get.body).toEqual({ data: { hello: 'world', secret: 's3cret' } });
  });

  it('runs a manifest document sent as its text, as is or as in a .graphql file; the manifest text runs', async () => {
    expect((await send(TRUSTED_ONLY, { query: HELLO })).body).toEqual({ data: { hello: 'world', secret: 's3cret' } });
    const written = await send(TRUSTED_ONLY, {
      query: '# the greeting\nquery Hello {\n  secret\n  hello\n}\n',
      operationName: 'Hello',
    });
    // Answer keys in the manifest's order (hello first), not the text's: the client's text did not run.
    expect(Object.keys(written.body.data ?? {})).toEqual(['hello', 'secret']);
  });

  it('is refused an unknown hash, even one another client registered through APQ', async () => {
    expectNotInList(await send(TRUSTED_ONLY, { extensions: apq(sha256('query { hello }')) }));
    expectNotInList(await send(TRUSTED_ONLY, { documentId: sha256('query { hello }') }));

    const other = '{ secret }';
    expect((await send(OPEN_CLIENT, { query: other, extensions: apq(sha256(other)) })).body).toEqual({
      data: { secret: 's3cret' },
    });
    expectNotInList(await send(TRUSTED_ONLY, { extensions: apq(sha256(other)) }));
  });

  it('refuses any other text: a subset, a variation, even unparseable text, with its own code and status', async () => {
    expectNotInList(await send(TRUSTED_ONLY, { query: '{ secret }' }));
    expectNotInList(
      await send(TRUSTED_ONLY, { query: 'query Hello { hello secret alias: secret }', operationName: 'Hello' }),
    );
    const broken = await send(TRUSTED_ONLY, { query: 'query Hello { hello' });
    expectNotInList(broken);
    expect(broken.headers.get('cache-control')).toBe('private, no-cache, must-revalidate');
    expectNotInList(await send(TRUSTED_ONLY, { query: 'mutation { rename(name: "x") }' }));
    expect(renamed).toEqual([]);
  });

  it('cannot register a document through APQ: refused, and the hash stays unknown to everyone', async () => {
    const mine = '{ secret hello }';
    expectNotInList(await send(TRUSTED_ONLY, { query: mine, extensions: apq(sha256(mine)) }));
    const lookup = await send(OPEN_CLIENT, { extensions: apq(sha256(mine)) });
    expect(lookup.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('cannot pass other text off under a manifest hash', async () => {
    expectNotInList(await send(TRUSTED_ONLY, { query: '{ secret }', extensions: apq(sha256(HELLO)) }));
    expectNotInList(await send(TRUSTED_ONLY, { query: '{ secret }', documentId: sha256(HELLO) }));
    // The manifest document with its own hash (an APQ client's retry) runs.
    expect((await send(TRUSTED_ONLY, { query: HELLO, extensions: apq(sha256(HELLO)) })).body.data).toEqual({
      hello: 'world',
      secret: 's3cret',
    });
  });
});

describe('a client not limited to trusted documents', () => {
  it.each([
    ['an API client without trustedDocumentsOnly', OPEN_CLIENT],
    ['a caller that is no API client', null],
  ])('%s runs any text and keeps APQ', async (_name, client) => {
    expect((await send(client, { query: '{ secret }' })).body).toEqual({ data: { secret: 's3cret' } });
    const mine = `{ hello alias${client ? 'A' : 'B'}: secret }`;
    const first = await send(client, { extensions: apq(sha256(mine)) });
    expect(first.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send(client, { query: mine, extensions: apq(sha256(mine)) })).status).toBe(200);
    expect((await send(client, { extensions: apq(sha256(mine)) })).body.data).toMatchObject({ hello: 'world' });
  });

  it('may name a manifest document by hash; an unknown documentId is not in the list', async () => {
    expect((await send(OPEN_CLIENT, { extensions: apq(sha256(HELLO)) })).body.data).toEqual({
      hello: 'world',
      secret: 's3cret',
    });
    expect((await send(OPEN_CLIENT, { documentId: sha256(HELLO) })).body.data).toEqual({
      hello: 'world',
      secret: 's3cret',
    });
    expectNotInList(await send(OPEN_CLIENT, { documentId: sha256('{ secret }') }));
  });
});
