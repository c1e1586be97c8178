import type { Logger } from '@supply-graph/shared';

/** Per-request state of the gateway, handed to data sources and plugins. */
export interface GatewayContext {
  requestId: string;
  log: Logger;
}
