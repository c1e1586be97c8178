import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { clipForLog } from '../validation/checks';
import { AppError } from './app-error';
import { isErrorCode } from './codes';
import { infrastructureError } from './unavailable';

const MAX_MESSAGE = 1_000;

const isBadUserInput = (error: unknown) => error instanceof AppError && error.code === 'BAD_USER_INPUT';

/**
 * Apollo `formatError` hook: registered codes pass through as they are, GraphQL
 * validation errors keep Apollo's codes, an unreachable database is
 * SERVICE_UNAVAILABLE naming `service` (retryable, not a bug), and anything
 * else unexpected is logged with its stack and shown to the client as
 * INTERNAL without internals.
 */
export function makeFormatError(logger: Logger, service = 'gateway') {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // GraphQL quotes a refused variable in full ("got invalid value ..."): a 5 MB value is not sent back.
    const formatted = given.message.length > MAX_MESSAGE ? { ...given, message: clipForLog(given.message, MAX_MESSAGE) } : given;
    const original = unwrapResolverError(error);
    if (original instanceof AppError) return formatted;
    const code = formatted.extensions?.code;
    // A custom scalar refusing a literal (DateTime "yesterday") is reported by GraphQL as a
    // validation failure; it is bad input like the same value given as a variable.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && isBadUserInput((original as { originalError?: unknown }).originalError)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    if (isErrorCode(code) && code !== 'INTERNAL') return formatted;
    // Apollo's own request-level codes (GRAPHQL_VALIDATION_FAILED, GRAPHQL_PARSE_FAILED,
    // BAD_REQUEST, PERSISTED_QUERY_NOT_FOUND ...) describe the client's request, keep them.
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const infrastructure = infrastructureError(original, service);
    if (infrastructure) {
      logger.warn({ err: original, code: infrastructure.code }, 'request failed: infrastructure unavailable');
      return { message: infrastructure.message, locations: formatted.locations, path: formatted.path, extensions: infrastructure.extensions };
    }
    logger.error({ err: original }, 'unexpected error');
    return {
      message: 'Internal error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL' },
    };
  };
}
