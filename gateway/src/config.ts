import path from 'node:path';
import { z } from 'zod';
import { boolFlag, loadConfig, logLevel, optionalString, port } from '@supply-graph/shared';

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
 * - SUBSCRIPTION_BUFFER (default 1000): resolved events one subscriber may have waiting; past it the
 *   subscriber is cut off (SUBSCRIBER_TOO_SLOW) and resumes with `after`
 * - NATS_URL, NATS_STREAM, NATS_SUBJECT_PREFIX: the event bus a gateway running alone tails for
 *   subscriptions (inside `npm start` it shares the platform's bus)
 * - GRAPHIQL (default true): a browser's GET /graphql gets GraphiQL, served from the gateway itself
 *   (no CDN, works offline); false: no page, a browser gets the API's answer
 * - GATEWAY_INTERNAL_TOKEN: what the orders subgraph presents to have webhook payloads resolved
 *   (unset: only callers on this machine)
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
    SUBSCRIPTION_BUFFER: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    GATEWAY_INTERNAL_TOKEN: optionalString,
    NATS_URL: optionalString,
    NATS_STREAM: z.string().regex(/^[A-Za-z0-9_-]+$/).default('SUPPLY'),
    NATS_SUBJECT_PREFIX: optionalString,
    GRAPHIQL: boolFlag(true),
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
    subscriptionBuffer: env.SUBSCRIPTION_BUFFER,
    internalToken: env.GATEWAY_INTERNAL_TOKEN,
    bus: { natsUrl: env.NATS_URL, natsStream: env.NATS_STREAM, natsSubjectPrefix: env.NATS_SUBJECT_PREFIX },
    graphiql: env.GRAPHIQL,
    logLevel: env.LOG_LEVEL,
  }));

export type GatewayConfig = z.output<typeof schema>;

export const loadGatewayConfig = (env?: Record<string, string | undefined>): GatewayConfig =>
  loadConfig('gateway', schema, env);
