import { z } from 'zod';

/**
 * Where a service's Prometheus metrics are served, and to whom. The same
 * variables for the gateway and every subgraph:
 * - METRICS_PORT: an internal listener that serves `/metrics` only (what a
 *   deployment scrapes: the port is not published, and the Kubernetes
 *   NetworkPolicy lets only Prometheus reach it). The service's own port then
 *   does not serve `/metrics` at all.
 * - METRICS_TOKEN: without a metrics port, `/metrics` on the service's port
 *   answers only `Authorization: Bearer <METRICS_TOKEN>`.
 * - Neither, outside production (`npm start`, tests): loopback callers only.
 *   In production: not served (the log says how to turn it on).
 */
export const metricsEnvShape = {
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('0.0.0.0'),
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim())),
};

export interface MetricsSettings {
  port?: number;
  host: string;
  token?: string;
  production: boolean;
}

export function metricsSettingsOf(env: {
  METRICS_PORT?: number;
  METRICS_HOST?: string;
  METRICS_TOKEN?: string;
  NODE_ENV?: string;
}): MetricsSettings {
  return {
    port: env.METRICS_PORT,
    host: env.METRICS_HOST ?? '0.0.0.0',
    token: env.METRICS_TOKEN,
    production: env.NODE_ENV === 'production',
  };
}
