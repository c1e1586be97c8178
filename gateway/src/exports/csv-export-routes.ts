import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { AppError, authFailures, REQUEST_ID_HEADER, type Logger } from '@supply-graph/shared';
import type { Caller, Identity } from '../auth/identity';
import type { GatewayContext } from '../context';
import { sendJson } from '../route-helpers';

/**
 * A download: GET `path` answers with the CSV text of one query field, the
 * query string as the field's arguments. It runs as any query through the
 * gateway (the caller's token, scopes, rate limit, operation limits, trusted
 * documents, audit), so a file is never more than the field would give.
 */
export interface CsvExport {
  path: string;
  /** The file name offered, before the day and `.csv`. */
  filename: string;
  /** The Query field that returns CSV text. */
  field: string;
  /** Its arguments a query string may give, with their GraphQL types. */
  args: Record<string, 'ID' | 'Int'>;
}

export const CSV_EXPORTS: readonly CsvExport[] = [
  {
    path: '/exports/replenishment-suggestions.csv',
    filename: 'replenishment-suggestions',
    field: 'replenishmentSuggestionsCsv',
    args: { warehouseId: 'ID', sku: 'ID', horizonDays: 'Int', first: 'Int' },
  },
];

const STATUS_OF: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  PERSISTED_QUERY_NOT_IN_LIST: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  SUBGRAPH_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

const badRequest = (res: ServerResponse, message: string) =>
  sendJson(res, 400, { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });

/** The gateway's CSV downloads (`CSV_EXPORTS`); false for any other path. */
export function csvExportRoutes(
  apollo: ApolloServer<GatewayContext>,
  identity: Identity,
  logger: Logger,
  downloads: readonly CsvExport[] = CSV_EXPORTS,
) {
  const byPath = new Map(downloads.map((e) => [e.path, { ...e, document: documentOf(e) }]));
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const found = byPath.get(url.pathname);
    if (!found) return false;
    if (req.method !== 'GET') return sendJson(res, 405, { errors: [{ message: 'GET only' }] });
    const requestId = String(req.headers[REQUEST_ID_HEADER] ?? '') || randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    let caller: Caller;
    try {
      caller = await identity.authenticate(req.headers.authorization);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      authFailures.inc({ service: 'gateway', code: err.code });
      const status = STATUS_OF[err.code] ?? 403;
      if (status === 401) res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, status, { errors: [{ message: err.message, extensions: { code: err.code } }] });
    }
    const variables: Record<string, unknown> = {};
    for (const [name, value] of url.searchParams) {
      const type = found.args[name];
      if (!type) return badRequest(res, `${name}: not an argument of ${found.field}`);
      if (type === 'Int' && !/^-?\d{1,9}$/.test(value)) return badRequest(res, `${name}: must be a whole number`);
      variables[name] = type === 'Int' ? Number(value) : value;
    }
    const response = await apollo.executeOperation(
      { query: found.document, variables },
      { contextValue: { requestId, log: logger.child({ requestId }), ...caller } },
    );
    for (const [key, value] of response.http.headers) res.setHeader(key, value);
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    const text = result?.data?.[found.field];
    if (!result || result.errors?.length || typeof text !== 'string') {
      const code = String(result?.errors?.[0]?.extensions?.code ?? 'INTERNAL');
      const status = (response.http.status ?? 0) >= 400 ? response.http.status! : (STATUS_OF[code] ?? 500);
      return sendJson(res, status, { errors: result?.errors ?? [{ message: 'Internal error' }] });
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    const day = new Date().toISOString().slice(0, 10);
    res.setHeader('content-disposition', `attachment; filename="${found.filename}-${day}.csv"`);
    res.end(text);
    return true;
  };
}

/** One named query of the export's field, every argument a variable (an absent one keeps the field's default). */
function documentOf(e: CsvExport): string {
  const names = Object.keys(e.args);
  const declared = names.map((n) => `$${n}: ${e.args[n]}`).join(', ');
  const passed = names.map((n) => `${n}: $${n}`).join(', ');
  const operation = `${e.field[0].toUpperCase()}${e.field.slice(1)}Export`;
  return `query ${operation}(${declared}) { ${e.field}(${passed}) }`;
}
