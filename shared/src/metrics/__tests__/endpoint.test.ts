import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { MetricsSettings } from '../../config/metrics-settings';
import { openMetricsPort, serveMetricsOnServicePort } from '../endpoint';

const logger = pino({ level: 'silent' });

/** A service port that answers /metrics by `settings`, as every service's HTTP server does. */
async function servicePort(settings: MetricsSettings | undefined): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => void serveMetricsOnServicePort(req, res, settings));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('who may read /metrics', () => {
  it('outside production with no token: loopback callers get the metrics', async () => {
    const service = await servicePort(undefined);
    const res = await fetch(service.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('supply_graph_sql_statements_total');
    await service.close();
  });

  it('in production with neither token nor port: nobody gets them', async () => {
    const service = await servicePort({ host: '0.0.0.0', production: true });
    expect((await fetch(service.url)).status).toBe(404);
    await service.close();
  });

  it('with METRICS_TOKEN: only a caller with that bearer token', async () => {
    const service = await servicePort({ host: '0.0.0.0', production: true, token: 'metrics-token-123' });
    const none = await fetch(service.url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(service.url, { headers: { authorization: 'Bearer metrics-token-12' } })).status).toBe(401);
    const granted = await fetch(service.url, { headers: { authorization: 'Bearer metrics-token-123' } });
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain('# TYPE');
    await service.close();
  });

  it('with METRICS_PORT: served there, one listener for the services of a process, and not on the service port', async () => {
    const settings: MetricsSettings = { port: 0, host: '127.0.0.1', production: true, token: 'ignored-here' };
    const service = await servicePort(settings);
    expect((await fetch(service.url, { headers: { authorization: 'Bearer ignored-here' } })).status).toBe(404);
    const first = await openMetricsPort(settings, logger);
    const second = await openMetricsPort(settings, logger);
    expect(second!.port).toBe(first!.port);
    const url = `http://127.0.0.1:${first!.port}/metrics`;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${first!.port}/graphql`)).status).toBe(404);
    await first!.release();
    // Still open for the service that holds it.
    expect((await fetch(url)).status).toBe(200);
    await second!.release();
    await expect(fetch(url)).rejects.toThrow();
    await service.close();
  });

  it('without METRICS_PORT no listener is opened', async () => {
    expect(await openMetricsPort({ host: '127.0.0.1', production: false }, logger)).toBeNull();
  });
});
