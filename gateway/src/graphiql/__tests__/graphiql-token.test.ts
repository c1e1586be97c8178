import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphiqlRoutes } from '../graphiql-routes';

/** GET /graphiql/token as a given peer address and Host header; the answer's status and body. */
async function ask(route: ReturnType<typeof graphiqlRoutes>, remoteAddress: string, host: string) {
  const req = {
    url: '/graphiql/token',
    method: 'GET',
    headers: { host },
    socket: { remoteAddress },
  } as unknown as IncomingMessage;
  let body = '';
  const res = { statusCode: 0, setHeader() {}, end: (text: string) => (body = text) } as unknown as ServerResponse;
  expect(await route(req, res)).toBe(true);
  return { status: res.statusCode, body: JSON.parse(body) as Record<string, unknown> };
}

describe('the GraphiQL page token', () => {
  const route = graphiqlRoutes({ localToken: async () => ({ token: 'staff-token', expiresIn: 3600 }) });

  it('is handed to a browser on this machine that names this machine', async () => {
    for (const [address, host] of [
      ['127.0.0.1', 'localhost:4000'],
      ['::1', '[::1]:4000'],
      ['::ffff:127.0.0.1', '127.0.0.1:4000'],
    ]) {
      expect(await ask(route, address, host)).toEqual({ status: 200, body: { token: 'staff-token', expiresIn: 3600 } });
    }
  });

  it('is refused to another machine, and to a page of another site resolved to 127.0.0.1 (DNS rebinding)', async () => {
    expect((await ask(route, '10.0.0.7', 'localhost:4000')).status).toBe(404);
    expect((await ask(route, '127.0.0.1', 'evil.example.com:4000')).status).toBe(404);
  });

  it('is never handed out when the gateway gives none (production)', async () => {
    expect((await ask(graphiqlRoutes({}), '127.0.0.1', 'localhost:4000')).status).toBe(404);
  });
});
