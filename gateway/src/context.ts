import type { Logger, Principal } from '@supply-graph/shared';

/** What the gateway knows about an API client beyond its token (kept fresh from the orders subgraph). */
export interface ClientPolicy {
  clientId: string;
  /** null: the platform default (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number | null;
  /** true: only documents of the persisted-documents manifest may run. */
  trustedDocumentsOnly: boolean;
}

/** Per-request state of the gateway, handed to data sources and plugins. */
export interface GatewayContext {
  requestId: string;
  log: Logger;
  /** The verified caller (every request that reaches GraphQL execution has one). */
  principal: Principal;
  /** The caller's claims as the subgraphs receive them (`authorization: Bearer <internal token>`). */
  internalToken: string;
  /** Set when the caller is an API client. */
  client: ClientPolicy | null;
}
