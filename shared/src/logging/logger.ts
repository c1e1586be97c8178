import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { logOutput } from './log-output';

export type { Logger };

/** What a redacted value is logged as: the key stays, so a reader sees that something was there. */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear. */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'internalToken',
  'apiKey',
  'privateKey',
  'signingKey',
];

/** Keys whose values are PII (contract/access.graphql) or hold it (GraphQL variables, SQL parameters). */
const PII_KEYS = [
  'email',
  'phone',
  'line1',
  'shipName',
  'shipPhone',
  'shipLine1',
  'buyerName',
  'customerName',
  'variables',
  'parameters',
];

/** `name` is PII only on a person or an address (a job's or a service's name is not). */
const PERSON_NAMES = ['buyer.name', 'customer.name', 'shippingAddress.name', 'address.name'];

/**
 * Paths pino replaces with `[redacted]`: each key at the top of a log line
 * and one or two objects down (`{ input: { buyer: { email } } }`), request
 * headers, and what PostgreSQL errors repeat of a row (`detail`: "Key
 * (email)=(...) already exists"; TypeORM copies it and the statement's
 * `parameters` onto the error).
 */
export const REDACT_PATHS: readonly string[] = [
  ...[...SECRET_KEYS, ...PII_KEYS].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ...PERSON_NAMES.flatMap((path) => [path, `*.${path}`]),
  'headers["x-api-key"]',
  '*.headers["x-api-key"]',
  'err.detail',
  'err.driverError.detail',
  'err.cause.detail',
];

/**
 * Logs to stdout, one line per event: JSON, or readable lines on a developer's
 * terminal (LOG_FORMAT, `setLogFormat`). Every request-scoped line carries
 * `requestId` (created by the gateway, passed to subgraphs in `x-request-id`)
 * so one request can be followed across all five services. Secrets, PII and
 * SQL parameters are redacted (REDACT_PATHS); messages must not quote them
 * either: name the field, not its value.
 *
 * @param destination where JSON lines go; the process's log output by default (tests pass a memory stream).
 */
export function createLogger(
  service: string,
  level: LevelWithSilent = 'info',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
  };
  return pino(options, destination ?? logOutput());
}

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * `logger.child(bindings)`, made when first used. A request's logger is
 * handed to every resolver, but most requests log nothing, and a pino child
 * (its bindings go through redaction) cost about 1 % of a 360 query's CPU in a
 * subgraph. A proxy rather than a getter: Apollo Server copies the context
 * object per operation, which would call a getter every time.
 */
export function lazyChild(logger: Logger, bindings: Record<string, unknown>): Logger {
  let child: Logger | undefined;
  const real = () => {
    child ??= logger.child(bindings);
    return child;
  };
  return new Proxy({} as Logger, {
    get(_target, property) {
      const value = Reflect.get(real(), property) as unknown;
      return typeof value === 'function' ? value.bind(real()) : value;
    },
    set(_target, property, value) {
      return Reflect.set(real(), property, value);
    },
    has(_target, property) {
      return Reflect.has(real(), property);
    },
  });
}
