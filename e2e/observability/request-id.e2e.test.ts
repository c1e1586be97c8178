import type { IncomingMessage } from 'node:http';
import { describePlatformSuite } from '../support/backends';
import { withAuthorization } from '../support/graphql';
import { usePlatform } from '../support/use-platform';

/** Reaches customers, orders and logistics; sent as raw text, as the answer's headers are what is checked. */
const QUERY = `{
  customers(first: 2) { edges { node { name orders(first: 1) { totalCount } shipments(first: 1) { id } } } }
}`;

describePlatformSuite('request ids and health endpoints', (backend) => {
  const { platform } = usePlatform(backend, { customers: 50, orders: 200 });
  const seen: Record<string, string[]> = {};

  beforeAll(() => {
    for (const sub of Object.values(platform.subgraphs).filter((s) => s !== undefined)) {
      seen[sub.name] = [];
      sub.http.server.on('request', (req: IncomingMessage) => seen[sub.name].push(String(req.headers['x-request-id'])));
    }
  });

  const post = (headers: Record<string, string> = {}) =>
    fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: withAuthorization(platform.gatewayUrl, { 'content-type': 'application/json', ...headers }),
      body: JSON.stringify({ query: QUERY }),
    });

  it('creates a request id, returns it, and passes it to every subgraph the request reaches', async () => {
    for (const list of Object.values(seen)) list.length = 0;
    const response = await post();
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    for (const name of ['customers', 'orders', 'logistics']) expect(seen[name]).toEqual(expect.arrayContaining([id]));
    expect(new Set(Object.values(seen).flat())).toEqual(new Set([id]));
  });

  it("keeps the caller's request id", async () => {
    const response = await post({ 'x-request-id': 'partner-abc-123' });
    expect(response.headers.get('x-request-id')).toBe('partner-abc-123');
    expect(seen.customers).toContain('partner-abc-123');
  });

  it('answers liveness, readiness and metrics on every service', async () => {
    const base = new URL(platform.gatewayUrl).origin;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    for (const sub of Object.values(platform.subgraphs).filter((s) => s !== undefined)) {
      const origin = new URL(sub.url).origin;
      const ready = await fetch(`${origin}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', service: sub.name });
    }
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/supply_graph_sql_statements_total\{service="orders",origin="request"\} \d+/);
  });

  it('reports a subgraph not ready when its database is gone', async () => {
    const logistics = platform.subgraphs.logistics!;
    await logistics.dataSource.destroy();
    const ready = await fetch(`${new URL(logistics.url).origin}/readyz`);
    expect(ready.status).toBe(503);
    await logistics.dataSource.initialize();
  });
});
