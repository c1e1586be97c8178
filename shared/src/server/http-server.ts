import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseUrl } from 'node:url';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import type { Logger } from 'pino';
import type { Principal } from '../access/principal';
import { AppError } from '../errors/app-error';
import { REQUEST_ID_HEADER } from '../logging/logger';
import type { MetricsSettings } from '../config/metrics-settings';
import { openMetricsPort, serveMetricsOnServicePort } from '../metrics/endpoint';
import { authFailures } from '../metrics/registry';
import { openRequestScope, runInRequestScope, type RequestScope } from './request-scope';
import { traceHttpRequest, traceOperation } from '../telemetry/spans';
import { checkJson } from '../validation/checks';
import { RequestLimits } from '../validation/limits';

export interface RequestInfo<TAuth = Principal> {
  req: IncomingMessage;
  requestId: string;
  /** The request's deadline and abort signal, when the server bounds requests (`requestTimeoutMs`). */
  scope?: RequestScope;
  /** What `authenticate` found out about the caller (a subgraph: its principal). */
  auth?: TAuth;
}

/** What `/readyz` answers: ready or not, and optionally what it checked. */
export interface ReadyReport {
  ready: boolean;
  status?: string;
  [detail: string]: unknown;
}

export interface GraphQLHttpServerOptions<TContext extends BaseContext, TAuth = Principal> {
  service: string;
  apollo: ApolloServer<TContext>;
  port: number;
  host?: string;
  logger: Logger;
  context: (info: RequestInfo<TAuth>) => Promise<TContext> | TContext;
  /** Readiness probe for `/readyz`: true (or a report saying ready) when dependencies answer. */
  ready?: () => Promise<boolean | ReadyReport>;
  /**
   * Bound every GraphQL request: its work stops at this many milliseconds, or
   * sooner when the caller's `x-request-timeout-ms` says so (see request-scope.ts).
   */
  requestTimeoutMs?: number;
  /**
   * Identifies the caller of every GraphQL request before any GraphQL work; a
   * thrown AppError (UNAUTHENTICATED) is answered with HTTP 401 and that error.
   */
  authenticate?: (req: IncomingMessage) => Promise<TAuth>;
  /** The largest request body taken (default RequestLimits.bodyBytes); past it HTTP 413. */
  bodyLimitBytes?: number;
  /** Who may read `/metrics`, and whether on an internal port (MetricsSettings); default: loopback callers only. */
  metrics?: MetricsSettings;
  /** Extra routes tried before GraphQL (return true when handled). */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  /** The internal metrics port (METRICS_PORT), when the service has one. */
  metricsPort?: number;
  server: http.Server;
  stop(): Promise<void>;
}

const corsHandler = cors();

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
const run = (mw: Middleware, req: IncomingMessage, res: ServerResponse) =>
  new Promise<void>((resolve, reject) => mw(req, res, (err) => (err ? reject(err) : resolve())));

/**
 * Serves an Apollo Server 5 instance on plain `node:http` at `/graphql`, with
 * `/healthz` (the process is up), `/readyz` (its database answers) and
 * `/metrics` (Prometheus). Each request gets the gateway's `x-request-id` or a
 * new one, echoed back in the response.
 */
export async function startGraphQLHttpServer<TContext extends BaseContext, TAuth = Principal>(
  options: GraphQLHttpServerOptions<TContext, TAuth>,
): Promise<RunningHttpServer> {
  const { apollo, logger } = options;
  const bodyLimit = options.bodyLimitBytes ?? RequestLimits.bodyBytes;
  const jsonHandler = bodyParser.json({ limit: bodyLimit }) as Middleware;
  // Handlers still running: a connection cut at stop does not stop its handler, which may yet call a peer.
  const inFlight = new Set<Promise<unknown>>();
  const server = http.createServer((req, res) => {
    const handling = traceHttpRequest(options.service, req, res, () => handle(req, res)).catch((err: unknown) => {
      const status = (err as { status?: number }).status ?? 500;
      if (status >= 500) logger.error({ err }, 'http handler failed');
      if (!res.headersSent) {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
      }
      res.end(JSON.stringify({ errors: [{ message: status >= 500 ? 'Internal error' : (err as Error).message }] }));
    });
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });
  // Keep-alive from the gateway must outlive its agent's idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname, search } = parseUrl(req.url ?? '/');
    if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok', service: options.service });
    if (pathname === '/readyz') {
      const answer = options.ready ? await options.ready().catch(() => false) : true;
      const report: ReadyReport = typeof answer === 'boolean' ? { ready: answer } : answer;
      const { ready, status, ...details } = report;
      return sendJson(res, ready ? 200 : 503, {
        status: status ?? (ready ? 'ready' : 'not ready'),
        service: options.service,
        ...details,
      });
    }
    if (pathname === '/metrics') return serveMetricsOnServicePort(req, res, options.metrics);
    if (options.routes && (await options.routes(req, res))) return;
    if (pathname !== '/graphql' && pathname !== '/') return sendJson(res, 404, { error: 'not found' });

    const requestId = headerValue(req, REQUEST_ID_HEADER) ?? randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    await run(corsHandler as Middleware, req, res);
    let auth: TAuth | undefined;
    if (options.authenticate) {
      try {
        auth = await options.authenticate(req);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        authFailures.inc({ service: options.service, code: err.code });
        const status = err.code === 'UNAUTHENTICATED' ? 401 : err.code === 'SERVICE_UNAVAILABLE' ? 503 : 403;
        if (status === 401) res.setHeader('www-authenticate', 'Bearer');
        return sendJson(res, status, { errors: [{ message: err.message, extensions: { code: err.code } }] });
      }
    }
    if (!(await parseBoundedBody(req, res, jsonHandler, bodyLimit))) return;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const bounded = options.requestTimeoutMs ? openRequestScope(req, res, options.requestTimeoutMs) : null;
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: search ?? '',
          body: (req as IncomingMessage & { body?: unknown }).body,
        },
        context: async () => options.context({ req, requestId, scope: bounded?.scope, auth }),
      });
    const operation = () => traceOperation(options.service, req, execute);
    let response: Awaited<ReturnType<typeof execute>>;
    try {
      response = bounded ? await runInRequestScope(bounded.scope, operation) : await operation();
    } finally {
      bounded?.close();
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  const metricsPort = options.metrics
    ? await openMetricsPort(options.metrics, logger).catch(async (err: unknown) => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        throw err;
      })
    : null;
  return {
    url,
    port,
    metricsPort: metricsPort?.port,
    server,
    async stop() {
      await metricsPort?.release();
      // Stop accepting, let in-flight requests finish, then drop idle keep-alive sockets.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(timer);
      // What runs behind the server (the gateway's subgraphs, under `npm start`) stops once this returns: handlers
      // whose connections were cut at the deadline finish first, for at most 10 s more.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 10_000).unref())]);
      await apollo.stop();
    },
  };
}

/**
 * Parses a JSON body within `RequestLimits`, before any GraphQL work: past the
 * size, HTTP 413 REQUEST_TOO_LARGE; nested past the depth (which would
 * overflow the stack of whatever serializes it next, e.g. the gateway calling
 * a subgraph), HTTP 400 BAD_USER_INPUT naming the variable. False when refused.
 */
async function parseBoundedBody(
  req: IncomingMessage,
  res: ServerResponse,
  jsonHandler: Middleware,
  limitBytes: number,
): Promise<boolean> {
  try {
    await run(jsonHandler, req, res);
  } catch (err) {
    if ((err as { type?: string }).type !== 'entity.too.large') throw err;
    const message = `The request body is larger than ${limitBytes} bytes`;
    sendJson(res, 413, { errors: [{ message, extensions: { code: 'REQUEST_TOO_LARGE', limitBytes } }] });
    return false;
  }
  const body = (req as IncomingMessage & { body?: unknown }).body;
  const bound = { maxBytes: Number.POSITIVE_INFINITY, maxDepth: RequestLimits.jsonDepth };
  if (!checkJson('body', body, bound)) return true;
  const variables = (body as { variables?: unknown }).variables;
  const entries = variables && typeof variables === 'object' ? Object.entries(variables) : [];
  // A variable's value sits two levels down ({ "variables": { "name": value } }).
  const inVariable = { ...bound, maxDepth: bound.maxDepth - 2 };
  const problem = entries.map(([name, value]) => checkJson(`variables.${name}`, value, inVariable)).find(Boolean) ?? {
    field: 'body',
    message: `nests deeper than ${RequestLimits.jsonDepth} levels`,
  };
  sendJson(res, 400, {
    errors: [
      {
        message: `Invalid request: ${problem.field}: ${problem.message}`,
        extensions: { code: 'BAD_USER_INPUT', problems: [problem] },
      },
    ],
  });
  return false;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && /^[\w.:-]{1,128}$/.test(first) ? first : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
