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
    // GraphQL quotes a refused variable in full ("got invalid value ..."): neither a buyer's details nor a 5 MB
    // value is sent back.
    const message = withoutVariableValue(given.message);
    const formatted =
      message === given.message && message.length <= MAX_MESSAGE
        ? given
        : { ...given, message: clipForLog(message, MAX_MESSAGE) };
    const original = unwrapResolverError(error);
    if (original instanceof AppError) return formatted;
    const code = formatted.extensions?.code;
    // A custom scalar refusing a literal (DateTime "yesterday") is reported by GraphQL as a
    // validation failure; it is bad input like the same value given as a variable.
    if (
      code === 'GRAPHQL_VALIDATION_FAILED' &&
      isBadUserInput((original as { originalError?: unknown }).originalError)
    ) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    if (isErrorCode(code) && code !== 'INTERNAL') return formatted;
    // Apollo's own request-level codes (GRAPHQL_VALIDATION_FAILED, GRAPHQL_PARSE_FAILED,
    // BAD_REQUEST, PERSISTED_QUERY_NOT_FOUND ...) describe the client's request, keep them.
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const infrastructure = infrastructureError(original, service);
    if (infrastructure) {
      logger.warn({ err: original, code: infrastructure.code }, 'request failed: infrastructure unavailable');
      return {
        message: infrastructure.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: infrastructure.extensions,
      };
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

const VARIABLE_REFUSED = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" got invalid value/;
// graphql-js's scalars end their refusal with the value: "String cannot represent a non string value: 13800000923".
const SCALAR_REFUSAL = /^((?:String|Int|Float|Boolean|ID|Enum "[^"]*") cannot represent [^:]*)(?::[\s\S]*)?$/;

/**
 * graphql-js writes a refused variable as `Variable "$v" got invalid value
 * <the value> at "<path>"; <reason>`: an input object there is printed whole
 * (a buyer's name, email and phone). The answer keeps the variable, the path
 * and the reason, never the value.
 */
export function withoutVariableValue(message: string): string {
  const head = VARIABLE_REFUSED.exec(message);
  if (!head) return message;
  const cut = message.lastIndexOf('; ');
  if (cut < 0) return head[0];
  const at = / at "[^"]*"$/.exec(message.slice(0, cut))?.[0] ?? '';
  const reason = message.slice(cut + 2);
  return `${head[0]}${at}; ${SCALAR_REFUSAL.exec(reason)?.[1] ?? reason}`;
}
