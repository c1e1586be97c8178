import path from 'node:path';
import { z } from 'zod';
import { loadConfig, logLevel, optionalString, port } from '@supply-graph/shared';

/** The committed, composed supergraph at the repository root. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '../../supergraph.graphql');

const url = optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be an http(s) URL');

/**
 * Gateway settings.
 * - GATEWAY_PORT (default 4000), GATEWAY_HOST (default 0.0.0.0)
 * - SUPERGRAPH_PATH: composed supergraph SDL (default: `supergraph.graphql` at the repo root)
 * - ORDERS_URL, CUSTOMERS_URL, INVENTORY_URL, LOGISTICS_URL: override the subgraph URLs
 *   written in the supergraph (e.g. service names in docker-compose)
 * - SUBGRAPH_TIMEOUT_MS (default 10000): a subgraph slower than this counts as unavailable
 * - LOG_LEVEL (default info)
 */
const schema = z
  .object({
    GATEWAY_PORT: port(4000),
    GATEWAY_HOST: z.string().default('0.0.0.0'),
    SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
    ORDERS_URL: url,
    CUSTOMERS_URL: url,
    INVENTORY_URL: url,
    LOGISTICS_URL: url,
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    LOG_LEVEL: logLevel,
  })
  .transform((env) => ({
    port: env.GATEWAY_PORT,
    host: env.GATEWAY_HOST,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: Object.fromEntries(
      (
        [
          ['orders', env.ORDERS_URL],
          ['customers', env.CUSTOMERS_URL],
          ['inventory', env.INVENTORY_URL],
          ['logistics', env.LOGISTICS_URL],
        ] as const
      ).filter(([, value]) => value !== undefined),
    ) as Record<string, string>,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    logLevel: env.LOG_LEVEL,
  }));

export type GatewayConfig = z.output<typeof schema>;

export const loadGatewayConfig = (env?: Record<string, string | undefined>): GatewayConfig =>
  loadConfig('gateway', schema, env);
