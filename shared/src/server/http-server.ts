import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseUrl } from 'node:url';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import type { Logger } from 'pino';
import type { Principal } from '../access/principal';
import { AppError } from '../errors/app-error';
import { REQUEST_ID_HEADER } from '../logging/logger';
import { metricsRegistry } from '../metrics/registry';
import {
  openDeadlineScope,
  openRequestScope,
  REQUEST_TIMEOUT_HEADER,
  runInRequestScope,
  type RequestScope,
} from './request-scope';
import { LocalCallTimeout, localEndpoints, loopbackUrls, type LocalAnswer } from './local-endpoints';
import { checkJson } from '../validation/checks';
import { RequestLimits } from '../validation/limits';

export interface RequestInfo<TAuth = Principal> {
  /** Absent for a caller in the same process (local-endpoints.ts). */
  req?: IncomingMessage;
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
  authenticate?: (headers: IncomingHttpHeaders) => Promise<TAuth>;
  /** The largest request body taken (default RequestLimits.bodyBytes); past it HTTP 413. */
  bodyLimitBytes?: number;
  /**
   * Also answer callers in this process without a socket (local-endpoints.ts), at the loopback URLs of the port.
   * Only for a server whose every GraphQL request takes the plain path (no `routes` in front of it).
   */
  serveLocally?: boolean;
  /** Extra routes tried before GraphQL (return true when handled). */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

export interface RunningHttpServer {
  url: string;
  port: number;
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
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = (err as { status?: number }).status ?? 500;
      if (status >= 500) logger.error({ err }, 'http handler failed');
      if (!res.headersSent) {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
      }
      res.end(JSON.stringify({ errors: [{ message: status >= 500 ? 'Internal error' : (err as Error).message }] }));
    });
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
    if (pathname === '/metrics') {
      res.setHeader('content-type', metricsRegistry.contentType);
      res.end(await metricsRegistry.metrics());
      return;
    }
    if (options.routes && (await options.routes(req, res))) return;
    if (pathname !== '/graphql' && pathname !== '/') return sendJson(res, 404, { error: 'not found' });

    const requestId = headerValue(req, REQUEST_ID_HEADER) ?? randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    await run(corsHandler as Middleware, req, res);
    const caller = await identify(req.headers);
    if ('refused' in caller) {
      if (caller.refused.status === 401) res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, caller.refused.status, caller.refused.body);
    }
    const { auth } = caller;
    if (!(await parseBoundedBody(req, res, jsonHandler, bodyLimit))) return;
    const bounded = options.requestTimeoutMs ? openRequestScope(req, res, options.requestTimeoutMs) : null;
    const request = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: headerMap(req.headers),
      search: search ?? '',
      body: (req as IncomingMessage & { body?: unknown }).body,
    };
    const response = await execute(request, { req, requestId, scope: bounded?.scope, auth }, bounded);
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /** The caller, or the answer refusing them (401 UNAUTHENTICATED, 503, 403). */
  async function identify(
    headers: IncomingHttpHeaders,
  ): Promise<{ auth: TAuth | undefined } | { refused: { status: number; body: unknown } }> {
    if (!options.authenticate) return { auth: undefined };
    try {
      return { auth: await options.authenticate(headers) };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const status = err.code === 'UNAUTHENTICATED' ? 401 : err.code === 'SERVICE_UNAVAILABLE' ? 503 : 403;
      return { refused: { status, body: { errors: [{ message: err.message, extensions: { code: err.code } }] } } };
    }
  }

  /** Apollo Server's answer to a request whose caller is known and whose body is read, within its deadline. */
  async function execute(
    httpGraphQLRequest: { method: string; headers: HeaderMap; search: string; body: unknown },
    info: RequestInfo<TAuth>,
    bounded: { scope: RequestScope; close(): void } | null,
  ) {
    const run = () =>
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => options.context(info) });
    try {
      return bounded ? await runInRequestScope(bounded.scope, run) : await run();
    } finally {
      bounded?.close();
    }
  }

  /**
   * A POST from a caller in this process (local-endpoints.ts): the steps of
   * `handle` from the token check on, with the body's text instead of a socket.
   * The caller stops waiting at its budget (`x-request-timeout-ms`), as its
   * socket's timeout would, and the work is then stopped as for a closed connection.
   */
  async function answerLocally(headers: Record<string, string>, text: string): Promise<LocalAnswer> {
    try {
      return await answerLocallyUnguarded(headers, text);
    } catch (err) {
      if (err instanceof LocalCallTimeout) throw err;
      // As the HTTP path answers a handler that failed: logged with its stack, 500 without internals.
      logger.error({ err }, 'http handler failed');
      return jsonAnswer(500, { errors: [{ message: 'Internal error' }] });
    }
  }

  async function answerLocallyUnguarded(headers: Record<string, string>, text: string): Promise<LocalAnswer> {
    const requestId = validRequestId(headers[REQUEST_ID_HEADER]) ?? randomUUID();
    const caller = await identify(headers);
    if ('refused' in caller) return jsonAnswer(caller.refused.status, caller.refused.body);
    if (Buffer.byteLength(text) > bodyLimit) return jsonAnswer(413, tooLarge(bodyLimit));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonAnswer(400, { errors: [{ message: 'The request body is not JSON' }] });
    }
    const problem = boundsProblem(body);
    if (problem) return jsonAnswer(400, problem);
    const bounded = options.requestTimeoutMs
      ? openDeadlineScope(headers[REQUEST_TIMEOUT_HEADER], options.requestTimeoutMs)
      : null;
    const request = { method: 'POST', headers: headerMap(headers), search: '', body };
    const answer = execute(request, { requestId, scope: bounded?.scope, auth: caller.auth }, bounded).then(
      async (response): Promise<LocalAnswer> => {
        if (response.body.kind === 'complete')
          return { statusCode: response.status ?? 200, text: response.body.string };
        let streamed = '';
        for await (const chunk of response.body.asyncIterator) streamed += chunk;
        return { statusCode: response.status ?? 200, text: streamed };
      },
    );
    const waitMs = Number(headers[REQUEST_TIMEOUT_HEADER]);
    if (!(Number.isFinite(waitMs) && waitMs > 0)) return answer;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        bounded?.abort(
          new AppError('DEADLINE_EXCEEDED', 'The caller closed the connection before the answer was ready'),
        );
        reject(new LocalCallTimeout(`no answer within ${waitMs} ms`));
      }, waitMs);
      timer.unref();
    });
    return Promise.race([answer, gaveUp]).finally(() => clearTimeout(timer));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  const local = options.serveLocally && !options.routes ? loopbackUrls(options.host ?? '0.0.0.0', port) : [];
  const unregister = localEndpoints.register(local, answerLocally);
  return {
    url,
    port,
    server,
    async stop() {
      unregister();
      // Stop accepting, let in-flight requests finish, then drop idle keep-alive sockets.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(timer);
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
    sendJson(res, 413, tooLarge(limitBytes));
    return false;
  }
  const problem = boundsProblem((req as IncomingMessage & { body?: unknown }).body);
  if (!problem) return true;
  sendJson(res, 400, problem);
  return false;
}

const tooLarge = (limitBytes: number) => ({
  errors: [
    {
      message: `The request body is larger than ${limitBytes} bytes`,
      extensions: { code: 'REQUEST_TOO_LARGE', limitBytes },
    },
  ],
});

/** The 400 answer for a body nested past RequestLimits.jsonDepth, naming the variable; null when within. */
function boundsProblem(body: unknown): unknown {
  const bound = { maxBytes: Number.POSITIVE_INFINITY, maxDepth: RequestLimits.jsonDepth };
  if (!checkJson('body', body, bound)) return null;
  const variables = (body as { variables?: unknown }).variables;
  const entries = variables && typeof variables === 'object' ? Object.entries(variables) : [];
  // A variable's value sits two levels down ({ "variables": { "name": value } }).
  const inVariable = { ...bound, maxDepth: bound.maxDepth - 2 };
  const problem = entries.map(([name, value]) => checkJson(`variables.${name}`, value, inVariable)).find(Boolean) ?? {
    field: 'body',
    message: `nests deeper than ${RequestLimits.jsonDepth} levels`,
  };
  return {
    errors: [
      {
        message: `Invalid request: ${problem.field}: ${problem.message}`,
        extensions: { code: 'BAD_USER_INPUT', problems: [problem] },
      },
    ],
  };
}

function headerMap(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}

const jsonAnswer = (statusCode: number, body: unknown): LocalAnswer => ({ statusCode, text: JSON.stringify(body) });

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return validRequestId(Array.isArray(value) ? value[0] : value);
}

const validRequestId = (value: string | undefined) => (value && /^[\w.:-]{1,128}$/.test(value) ? value : undefined);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
