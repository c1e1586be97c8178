import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { graphiqlRoutes } from '../graphiql-routes';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The route behind a plain server; what it lets through answers 418, so a test can tell. */
let server: http.Server;
let port: number;

/** node:http sends the path exactly as given (fetch would normalise "../" away). */
function request(rawPath: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: rawPath, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const packageFile = (pkg: string, file: string) =>
  readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

beforeAll(async () => {
  const route = graphiqlRoutes();
  server = http.createServer(async (req, res) => {
    if (await route(req, res)) return;
    res.statusCode = 418;
    res.end('fell through');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('GraphiQL assets', () => {
  it.each([
    ['react.production.min.js', 'text/javascript; charset=utf-8', packageFile('react', 'umd/react.production.min.js')],
    [
      'react-dom.production.min.js',
      'text/javascript; charset=utf-8',
      packageFile('react-dom', 'umd/react-dom.production.min.js'),
    ],
    ['graphql-ws.min.js', 'text/javascript; charset=utf-8', packageFile('graphql-ws', 'umd/graphql-ws.min.js')],
    ['graphiql.min.js', 'text/javascript; charset=utf-8', packageFile('graphiql', 'graphiql.min.js')],
    ['graphiql.min.css', 'text/css; charset=utf-8', packageFile('graphiql', 'graphiql.min.css')],
  ])('serves %s from its npm package, as %s, cacheable for a year', async (name, type, file) => {
    const reply = await request(`/graphiql/assets/${name}?v=whatever`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.body.equals(file)).toBe(true);
  });

  it('serves its own boot script and stylesheet', async () => {
    const boot = await request('/graphiql/assets/graphiql-boot.js');
    expect(boot.status).toBe(200);
    expect(boot.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(boot.body.toString()).toContain('GraphiQL.createFetcher(');
    const css = await request('/graphiql/assets/graphiql-page.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it.each([
    '/graphiql/assets/package.json',
    '/graphiql/assets/graphiql.min.js.map',
    '/graphiql/assets/react.development.js',
    '/graphiql/assets/',
    '/graphiql/assets/graphiql.min.js/',
    '/graphiql/assets/GRAPHIQL.MIN.JS',
    '/graphiql/assets/../../package.json',
    '/graphiql/assets/../../../node_modules/graphiql/package.json',
    '/graphiql/assets/..%2f..%2fpackage.json',
    '/graphiql/assets/%2e%2e/%2e%2e/package.json',
    '/graphiql/assets/..\\..\\package.json',
    '/graphiql/assets//etc/passwd',
    '/graphiql/assets/%2fetc%2fpasswd',
    '/graphiql/assets/graphiql.min.js%00.css',
    '/graphiql/assets/./graphiql.min.js',
  ])('answers 404 for %s, with none of a file in it', async (rawPath) => {
    const reply = await request(rawPath);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.body.toString()).toBe('not found');
  });

  it('answers 405 to anything but GET and HEAD; HEAD has the headers without the body', async () => {
    const post = await request('/graphiql/assets/graphiql.min.css', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await request('/graphiql/assets/graphiql.min.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(packageFile('graphiql', 'graphiql.min.css').length);
    expect(head.body.length).toBe(0);
  });

  it('gzips for clients that accept it, and answers 304 to a matching If-None-Match', async () => {
    const plain = await request('/graphiql/assets/graphiql.min.js');
    const zipped = await request('/graphiql/assets/graphiql.min.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    const again = await request('/graphiql/assets/graphiql.min.js', {
      headers: { 'if-none-match': String(plain.headers.etag) },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});

describe('GraphiQL page on GET /graphql', () => {
  it('is served to a browser, with a CSP of the gateway only, and loads nothing but the listed assets', async () => {
    const reply = await request('/graphql', { headers: { accept: BROWSER_ACCEPT, host: 'hub.example:4000' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' ws://hub.example:4000 wss://hub.example:4000");
    expect(csp).toContain("style-src 'self' 'unsafe-inline';");
    expect(csp).not.toMatch(/unsafe-eval|https?:\/\/|\*/);

    const html = reply.body.toString();
    expect(html).not.toMatch(/<script>|https?:\/\//);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => u !== 'data:,');
    expect(urls.map((u) => u.replace(/\?v=[0-9a-f]{16}$/, ''))).toEqual(
      [
        'graphiql.min.css',
        'graphiql-page.css',
        'react.production.min.js',
        'react-dom.production.min.js',
        'graphql-ws.min.js',
        'graphiql.min.js',
        'graphiql-boot.js',
      ].map((name) => `/graphiql/assets/${name}`),
    );
    for (const url of urls) expect((await request(url)).status).toBe(200);
  });

  it('leaves the CSP without socket hosts when the Host header is malformed', async () => {
    const reply = await request('/graphql', { headers: { accept: 'text/html', host: 'evil.example; script-src *' } });
    expect(String(reply.headers['content-security-policy'])).toContain("connect-src 'self';");
  });

  it.each([
    ['a GraphQL GET', 'GET', '/graphql?query=%7B__typename%7D', 'application/json'],
    ['a client accepting anything', 'GET', '/graphql', '*/*'],
    ['a client preferring JSON to HTML', 'GET', '/graphql', 'application/json, text/html;q=0.5'],
    ['an SSE subscription', 'GET', '/graphql', 'text/event-stream'],
    ['a POST accepting HTML', 'POST', '/graphql', 'text/html'],
    ['a browser elsewhere', 'GET', '/graphiql', BROWSER_ACCEPT],
  ])('lets %s through to the API', async (_what, method, rawPath, accept) => {
    expect((await request(rawPath, { method, headers: { accept } })).status).toBe(418);
  });
});
