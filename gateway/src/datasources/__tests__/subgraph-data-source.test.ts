import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse } from 'graphql';
import type { GatewayContext } from '../../context';
import { SubgraphDataSource } from '../subgraph-data-source';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A subgraph stand-in: answers each POST with `answer`; records what it got and how many connections it saw. */
async function stubSubgraph(answer: (res: http.ServerResponse, body: Record<string, unknown>) => void) {
  const received: Received[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text);
      received.push({ headers: req.headers, body });
      answer(res, body);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (status: number, body: unknown) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const QUERY = 'query($id: ID!) { customer(id: $id) { id name } }';

/** What @apollo/gateway hands a data source for one fetch of an incoming operation. */
const fetchOf = (
  query = QUERY,
  internalToken = 'internal.jwt',
  id = 'c1',
): GraphQLDataSourceProcessOptions<GatewayContext> =>
  ({
    kind: 'incoming operation',
    request: { query, variables: { id }, operationName: 'Lookup' },
    context: { requestId: 'req-1', internalToken },
    incomingRequestContext: {},
    document: parse(query),
  }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

describe('SubgraphDataSource', () => {
  const sources: SubgraphDataSource[] = [];
  const stubs: { close(): Promise<void> }[] = [];
  const source = (url: string, timeoutMs = 2000, dedup = true, batch = true) => {
    const s = new SubgraphDataSource('customers', url, timeoutMs, { dedup, batch });
    sources.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(sources.splice(0).map((s) => s.close()));
    await Promise.all(stubs.splice(0).map((s) => s.close()));
  });
  const stub = async (answer: (res: http.ServerResponse, body: Record<string, unknown>) => void) => {
    const s = await stubSubgraph(answer);
    stubs.push(s);
    return s;
  };

  it("sends the operation with the caller's token, request id and time budget; returns the answer", async () => {
    const customers = await stub(json(200, { data: { customer: { id: 'c1', name: 'Lin' } } }));
    const answer = await source(customers.url, 1500).process(fetchOf());
    expect(answer).toEqual({ data: { customer: { id: 'c1', name: 'Lin' } } });
    const [{ headers, body }] = customers.received;
    expect(headers).toMatchObject({
      authorization: 'Bearer internal.jwt',
      'x-request-id': 'req-1',
      'x-request-timeout-ms': '1500',
      'content-type': 'application/json',
    });
    expect(body).toEqual({ query: QUERY, variables: { id: 'c1' }, operationName: 'Lookup' });
  });

  it('keeps its connections alive between calls', async () => {
    const customers = await stub(json(200, { data: { customer: null } }));
    const s = source(customers.url);
    for (let i = 0; i < 20; i += 1) await s.process(fetchOf());
    expect(customers.received).toHaveLength(20);
    // undici may open a second socket while the first finishes its answer; never one per call.
    expect(customers.connections()).toBeLessThanOrEqual(2);
  });

  it("passes a subgraph's own errors through when it answers with an HTTP error", async () => {
    const error = { message: 'orders database unreachable', extensions: { code: 'SERVICE_UNAVAILABLE' } };
    const customers = await stub(json(503, { errors: [error] }));
    expect(await source(customers.url).process(fetchOf())).toEqual({ errors: [error] });
  });

  it('reports an answer that is not GraphQL as SUBGRAPH_UNAVAILABLE on the fields the fetch fills', async () => {
    const customers = await stub((res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    });
    expect(await source(customers.url).process(fetchOf())).toEqual({
      errors: [
        {
          message: 'The customers subgraph is unavailable: HTTP 502, not a GraphQL answer',
          path: ['customer'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'customers' },
        },
      ],
    });
  });

  it('gives up on a subgraph that does not answer within its timeout, naming the timeout', async () => {
    const customers = await stub(() => undefined);
    const started = Date.now();
    const answer = await source(customers.url, 200).process(fetchOf());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer.errors?.[0]).toMatchObject({
      message: 'The customers subgraph is unavailable: no answer within 200 ms',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'customers' },
    });
  });

  it('names a refused connection', async () => {
    const answer = await source('http://127.0.0.1:9/graphql').process(fetchOf());
    expect(answer.errors?.[0].message).toBe('The customers subgraph is unavailable: ECONNREFUSED');
  });

  describe('identical fetches in flight at once', () => {
    const slow = (res: http.ServerResponse) =>
      setTimeout(() => json(200, { data: { customer: { id: 'c1' } } })(res), 100);
    const MUTATION = 'mutation($id: ID!) { forget(id: $id) { id } }';

    it('share one call between callers with the same access, each getting an answer of its own', async () => {
      const customers = await stub(slow);
      const s = source(customers.url);
      const answers = await Promise.all(Array.from({ length: 5 }, () => s.process(fetchOf())));
      expect(customers.received).toHaveLength(1);
      expect(answers.every((a) => a.data?.customer?.id === 'c1')).toBe(true);
      // Parsed per caller: @apollo/gateway merges later fetches into these objects.
      expect(new Set(answers.map((a) => a.data)).size).toBe(5);
      // Over: the next identical fetch is sent again.
      await s.process(fetchOf());
      expect(customers.received).toHaveLength(2);
    });

    it('are sent apart for callers of different access, other variables, mutations, or with dedup off', async () => {
      const customers = await stub(slow);
      const s = source(customers.url);
      await Promise.all([
        s.process(fetchOf(QUERY, 'staff.jwt')),
        s.process(fetchOf(QUERY, 'partner.jwt')),
        s.process(fetchOf(QUERY, 'staff.jwt', 'c2')),
        s.process(fetchOf(MUTATION)),
        s.process(fetchOf(MUTATION)),
      ]);
      expect(customers.received).toHaveLength(5);
      const off = source(customers.url, 2000, false);
      await Promise.all([off.process(fetchOf()), off.process(fetchOf())]);
      expect(customers.received).toHaveLength(7);
    });
  });

  describe('entity fetches that one request runs side by side', () => {
    const ORDERS =
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Order { id } } }';
    const PRODUCTS =
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { sku } } }';
    const entityFetch = (query: string, requestId: string, key: string) =>
      ({
        ...fetchOf(query),
        request: { query, variables: { representations: [{ __typename: 'X', key }] } },
        context: { requestId, internalToken: 'internal.jwt' },
      }) as GraphQLDataSourceProcessOptions<GatewayContext>;
    /** Answers every _entities field (merged or not) with one entity per representation, named by its key. */
    const entities = (res: http.ServerResponse, body: Record<string, unknown>) => {
      const variables = body.variables as Record<string, { key: string }[]>;
      const data: Record<string, unknown> = {};
      for (const [name, reps] of Object.entries(variables))
        data[name === 'representations' ? '_entities' : `_${name.split('_').pop()}`] = reps.map((r) => ({ id: r.key }));
      json(200, { data })(res);
    };

    it('go as one call, each fetch getting its own answer', async () => {
      const inventory = await stub(entities);
      const s = source(inventory.url);
      const [orders, products] = await Promise.all([
        s.process(entityFetch(ORDERS, 'req-1', 'o1')),
        s.process(entityFetch(PRODUCTS, 'req-1', 'p1')),
      ]);
      expect(inventory.received).toHaveLength(1);
      expect(inventory.received[0].body.query).toMatch(/_0: _entities.*_1: _entities/s);
      expect(orders).toEqual({ data: { _entities: [{ id: 'o1' }] } });
      expect(products).toEqual({ data: { _entities: [{ id: 'p1' }] } });
    });

    it('are sent apart for different requests, alone when nothing runs beside them, and with batching off', async () => {
      const inventory = await stub(entities);
      const s = source(inventory.url);
      await Promise.all([
        s.process(entityFetch(ORDERS, 'req-1', 'o1')),
        s.process(entityFetch(PRODUCTS, 'req-2', 'p1')),
      ]);
      expect(await s.process(entityFetch(ORDERS, 'req-3', 'o3'))).toEqual({ data: { _entities: [{ id: 'o3' }] } });
      const off = source(inventory.url, 2000, true, false);
      await Promise.all([
        off.process(entityFetch(ORDERS, 'req-4', 'o')),
        off.process(entityFetch(PRODUCTS, 'req-4', 'p')),
      ]);
      expect(inventory.received.map((r) => String(r.body.query).includes('_0: _entities'))).toEqual(
        Array(5).fill(false),
      );
    });

    it("place a failed call's error on each fetch's own entities", async () => {
      const inventory = await stub((res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html>Bad Gateway</html>');
      });
      const s = source(inventory.url);
      const answers = await Promise.all([
        s.process(entityFetch(ORDERS, 'req-1', 'o1')),
        s.process(entityFetch(PRODUCTS, 'req-1', 'p1')),
      ]);
      expect(inventory.received).toHaveLength(1);
      const message = 'The customers subgraph is unavailable: HTTP 502, not a GraphQL answer';
      // Paths are relative to each fetch: the fields it adds to its entities.
      expect(answers.map((a) => a.errors?.map((e) => [e.message, e.path]))).toEqual([
        [[message, ['id']]],
        [[message, ['sku']]],
      ]);
    });
  });

  describe('replicas (a comma-separated URL)', () => {
    const ok = json(200, { data: { customer: { id: 'c1', name: 'Ann' } } });
    /** A port that refuses connections: a server opened, then closed. */
    const refusedUrl = async () => {
      const dead = await stubSubgraph(ok);
      await dead.close();
      return dead.url;
    };

    it('spreads calls over every replica', async () => {
      const [a, b] = [await stubSubgraph(ok), await stubSubgraph(ok)];
      stubs.push(a, b);
      const s = source(`${a.url},${b.url}`, 2000, false, false);
      for (let i = 0; i < 20; i++)
        expect((await s.process(fetchOf(QUERY, 'internal.jwt', `c${i}`))).errors).toBeUndefined();
      expect(a.received.length).toBeGreaterThan(0);
      expect(b.received.length).toBeGreaterThan(0);
      expect(a.received.length + b.received.length).toBe(20);
    });

    it('routes around a replica that refuses connections: every call answered, none lost', async () => {
      const live = await stubSubgraph(ok);
      stubs.push(live);
      const s = source(`${await refusedUrl()},${live.url}`, 2000, false, false);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => s.process(fetchOf(QUERY, 'internal.jwt', `c${i}`))),
      );
      expect(answers.filter((a) => a.errors)).toEqual([]);
      expect(live.received.length).toBe(20);
    });

    it('asks another replica when one dies mid-answer for a read, never for a mutation', async () => {
      // A replica that takes the request and drops the connection without answering.
      const dying = await stubSubgraph((res) => res.socket?.destroy());
      const live = await stubSubgraph(ok);
      stubs.push(dying, live);
      const s = source(`${dying.url},${live.url}`, 2000, false, false);
      for (let i = 0; i < 4; i++)
        expect((await s.process(fetchOf(QUERY, 'internal.jwt', `c${i}`))).errors).toBeUndefined();
      expect(live.received.length).toBe(4);
      const mutation = 'mutation($id: ID!) { archive(id: $id) { id } }';
      // A source of its own: the first has passed over the dying replica since it failed.
      const fresh = source(`${dying.url},${live.url}`, 2000, false, false);
      const answers = await Promise.all(
        [0, 1, 2, 3].map((i) => fresh.process(fetchOf(mutation, 'internal.jwt', `m${i}`))),
      );
      // The replica that dropped a mutation may have applied it: that call fails rather than being sent twice.
      expect(answers.filter((a) => a.errors).length).toBeGreaterThan(0);
      const sentTwice = live.received.filter((r) => String(r.body.query).startsWith('mutation')).length;
      expect(sentTwice + answers.filter((a) => a.errors).length).toBe(4);
    });

    it('with every replica down, the answer names the subgraph as unavailable', async () => {
      const s = source(`${await refusedUrl()},${await refusedUrl()}`, 2000, false, false);
      const answer = await s.process(fetchOf());
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'customers' });
    });
  });
});
