import { AppError } from './app-error';

/** PostgreSQL SQLSTATEs that mean "the database is not there right now", not "your statement is wrong". */
const UNAVAILABLE_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
  '53300', // too many connections
  '57P01',
  '57P02',
  '57P03', // shutting down, crashed, starting up
]);
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
/**
 * Said in words only: node-postgres's, and TypeORM's when a transaction's connection was cut
 * under it (the next statement finds the query runner released).
 */
const UNAVAILABLE_MESSAGES = new RegExp(
  [
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'not queryable',
    'Connection ended',
    'the database system is',
    'not currently accepting connections',
    'query runner was already released',
  ].join('|'),
  'i',
);
/** SQLSTATE 57014: PostgreSQL cancelled the statement (statement_timeout). */
const STATEMENT_CANCELLED = '57014';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  /** graphql-js wraps a thrown non-Error (or an Error of another realm) this way. */
  thrownValue?: unknown;
  originalError?: unknown;
}

/** The chain of causes TypeORM, node-postgres and graphql-js wrap a failure in, outermost first. */
function* causes(err: unknown): Generator<ErrorLike> {
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const e = current as ErrorLike;
    yield e;
    current = e.driverError ?? e.cause ?? e.thrownValue ?? e.originalError;
  }
}

/**
 * Infrastructure failures a client should retry (the database or bus was
 * unreachable), told apart from bugs: SERVICE_UNAVAILABLE, naming the service,
 * or DEADLINE_EXCEEDED when PostgreSQL cancelled a statement at its timeout.
 * null for anything else.
 */
export function infrastructureError(err: unknown, service: string): AppError | null {
  for (const e of causes(err)) {
    if (e.code === STATEMENT_CANCELLED) {
      return new AppError('DEADLINE_EXCEEDED', `The ${service} service stopped a statement at its timeout`, {
        serviceName: service,
      });
    }
    const unavailable =
      (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNO.has(e.code))) ||
      (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message));
    if (unavailable) return serviceUnavailable(service, 'its database is unavailable');
  }
  return null;
}

/** SERVICE_UNAVAILABLE for `service`: retryable, with a hint of when. */
export function serviceUnavailable(service: string, why: string, retryAfterSeconds = 1): AppError {
  return new AppError(
    'SERVICE_UNAVAILABLE',
    `The ${service} service cannot answer now: ${why}. Nothing was changed; retry.`,
    {
      serviceName: service,
      retryable: true,
      retryAfterSeconds,
    },
  );
}
