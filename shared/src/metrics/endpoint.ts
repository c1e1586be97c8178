import { timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { MetricsSettings } from '../config/metrics-settings';
import { metricsRegistry, takeScrapeReadings } from './registry';

/** Outside production with no port or token: what `npm start` and the tests scrape. */
const DEVELOPMENT: MetricsSettings = { host: '127.0.0.1', production: false };

/**
 * Answers `/metrics` on a service's own port, by the rules of
 * MetricsSettings: 404 where the metrics live on their internal port (or are
 * off), 401 without the token, the registry otherwise.
 */
export async function serveMetricsOnServicePort(
  req: IncomingMessage,
  res: ServerResponse,
  settings: MetricsSettings = DEVELOPMENT,
): Promise<void> {
  const access = metricsAccess(req, settings);
  if (access === 'open') return sendMetrics(res);
  res.statusCode = access;
  if (access === 401) res.setHeader('www-authenticate', 'Bearer realm="metrics"');
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ error: access === 401 ? 'metrics need the metrics token' : 'not found' }));
}

function metricsAccess(req: IncomingMessage, settings: MetricsSettings): 'open' | 401 | 404 {
  if (settings.port !== undefined) return 404;
  if (settings.token) return bearerMatches(req.headers.authorization, settings.token) ? 'open' : 401;
  if (settings.production) return 404;
  return isLoopback(req.socket.remoteAddress) ? 'open' : 404;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7).trim());
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

const isLoopback = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

async function sendMetrics(res: ServerResponse): Promise<void> {
  await takeScrapeReadings();
  res.setHeader('content-type', metricsRegistry.contentType);
  res.end(await metricsRegistry.metrics());
}

/** The process's internal metrics listener, shared by the services one process hosts (`npm start`). */
let listener: { port: number; users: number; server: http.Server; ready: Promise<number> } | null = null;

/**
 * Opens the internal metrics port (METRICS_PORT) for a service, or joins the
 * one this process already has: in one process every service shares one
 * registry, so one listener serves them all. Resolves to a release function
 * and the port (METRICS_PORT=0 takes a free one).
 */
export async function openMetricsPort(
  settings: MetricsSettings,
  logger: Logger,
): Promise<{ port: number; release(): Promise<void> } | null> {
  if (settings.port === undefined) {
    if (settings.production && !settings.token)
      logger.warn('metrics are not served: set METRICS_PORT (an internal port) or METRICS_TOKEN');
    return null;
  }
  if (!listener) {
    const server = http.createServer((req, res) => {
      const pathname = (req.url ?? '/').split('?')[0];
      if (pathname !== '/metrics') {
        res.statusCode = 404;
        res.end();
        return;
      }
      sendMetrics(res).catch((err: unknown) => {
        logger.error({ err }, 'metrics could not be collected');
        res.statusCode = 500;
        res.end();
      });
    });
    const ready = new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => resolve((server.address() as AddressInfo).port));
    });
    listener = { port: 0, users: 0, server, ready };
  }
  const own = listener;
  own.users += 1;
  try {
    own.port = await own.ready;
  } catch (err) {
    if (listener === own) listener = null;
    throw err;
  }
  return {
    port: own.port,
    release: async () => {
      own.users -= 1;
      if (own.users > 0) return;
      if (listener === own) listener = null;
      await new Promise<void>((resolve) => own.server.close(() => resolve()));
    },
  };
}
