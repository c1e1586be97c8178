/**
 * The one registry of error codes clients can see in `extensions.code`.
 * Codes are a public contract: add new ones, never rename or reuse one.
 */
export const ErrorCodes = {
  BAD_USER_INPUT: 'The request is well-formed GraphQL but an argument or input value is invalid.',
  NOT_FOUND: 'A referenced record does not exist.',
  CONFLICT: 'The request conflicts with the current state (invalid transition, stale version).',
  FORBIDDEN: 'The caller is known but may not do this.',
  UNAUTHENTICATED: 'The caller could not be identified.',
  SUBGRAPH_UNAVAILABLE: 'The gateway could not reach the subgraph named in extensions.serviceName.',
  NOT_IMPLEMENTED:
    'The operation is part of the public contract but not served where it was asked (a subgraph asked for ' +
    'orderStatusChanged, which only the gateway serves).',
  REPLAY_EXPIRED:
    'A subscription asked to resume after an event older than the retention (OUTBOX_RETENTION_HOURS): ' +
    'resubscribe without `after` and reload the state.',
  SUBSCRIBER_TOO_SLOW:
    'A subscriber fell further behind than its buffer allows and was disconnected; resume with `after` set to ' +
    'extensions.lastEventId.',
  SERVICE_UNAVAILABLE:
    'A service could not reach its database or event bus (named in extensions.serviceName); nothing was changed. ' +
    'Retryable: try again after extensions.retryAfterSeconds.',
  DEADLINE_EXCEEDED:
    "The request ran past its deadline (the gateway's timeout, passed to each subgraph as x-request-timeout-ms) " +
    'and its remaining work was stopped.',
  REQUEST_TOO_LARGE:
    'The HTTP request body is larger than the limit (extensions.limitBytes: 1 MiB at the gateway); sent with ' +
    'HTTP 413 before any GraphQL work. Split the work into several requests.',
  PERSISTED_QUERY_NOT_IN_LIST:
    'The caller may run only trusted documents (its API client is trustedDocumentsOnly) and this one is not in the ' +
    "gateway's persisted-documents manifest, or a documentId names no document of it. Send a manifest document by " +
    'hash (extensions.persistedQuery.sha256Hash or documentId) or as its text; HTTP 400. Documents cannot be ' +
    'registered at run time.',
  RATE_LIMITED:
    "The caller sent more requests than its budget (its API client's rateLimitPerMinute, else the platform " +
    'default); sent with HTTP 429 and a Retry-After header. Nothing was run: retry after ' +
    'extensions.retryAfterSeconds.',
  QUERY_TOO_COMPLEX:
    "The operation is past one of the gateway's operation limits, refused with HTTP 400 before any subgraph is " +
    'called: extensions.limit names it ("depth", "aliases", "rootFields", "tokens" or "cost"), extensions.max is ' +
    'the configured maximum and extensions.measured what the operation has (for an overlong document: the count ' +
    'at which reading stopped). Ask for less (smaller `first`, fewer aliases or root fields) or split the operation.',
  INTERNAL: 'An unexpected failure; details are logged server-side under the request id.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ErrorCodes, code);
}
