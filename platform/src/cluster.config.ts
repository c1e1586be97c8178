import path from 'node:path';
import { z } from 'zod';
import { loadConfig, optionalString } from '@supply-graph/shared';
import { REPO_ROOT } from './config';

/**
 * `npm run start:cluster`'s settings (the members read their own from the
 * environment it passes down):
 * - DATABASE_URL: the server PostgreSQL (default a `supply_graph_cluster` database on 127.0.0.1, trust auth)
 * - NATS_URL, NATS_STREAM: the bus (default nats://127.0.0.1:4222, stream SUPPLY)
 * - REDIS_URL: the gateways' shared rate limits (default redis://127.0.0.1:6379)
 * - LOG_LEVEL: the members' (default warn: a console of ten processes)
 * - DATA_DIR: where the cluster keeps its secrets and the gateways their signing key (default `.data`)
 * - INTERNAL_TOKEN_SECRET, ORDERS_WEBHOOK_SECRET_KEY: default kept in DATA_DIR/auth
 */
const schema = z.object({
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/supply_graph_cluster'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_STREAM: z.string().default('SUPPLY'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  LOG_LEVEL: z.string().default('warn'),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  INTERNAL_TOKEN_SECRET: optionalString,
  ORDERS_WEBHOOK_SECRET_KEY: optionalString,
});

export type ClusterSettings = z.output<typeof schema> & {
  /** The environment every member starts with, before the cluster's settings and each member's ports. */
  inherited: Record<string, string | undefined>;
};

export function loadClusterSettings(env: Record<string, string | undefined> = process.env): ClusterSettings {
  const settings = loadConfig('start:cluster', schema, env);
  return { ...settings, DATA_DIR: path.resolve(settings.DATA_DIR), inherited: { ...env } };
}
