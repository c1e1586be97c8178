import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { startTracing, telemetrySettingsOf, traceHeaders, traceStatement, tracingOn } from '@supply-graph/shared';

const run = promisify(execFile);

/** A stand-in OTLP/HTTP collector: counts what is posted to it. */
async function fakeCollector() {
  const posts: { path: string; bytes: number }[] = [];
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      posts.push({ path: req.url ?? '', bytes });
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, posts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('tracing settings and the SDK', () => {
  it('reads the endpoint and the service name, and is off without an endpoint', () => {
    expect(telemetrySettingsOf({}, 'orders')).toEqual({ tracesUrl: null, serviceName: 'orders' });
    expect(telemetrySettingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/' }, 'orders')).toEqual({
      tracesUrl: 'http://otel:4318/v1/traces',
      serviceName: 'orders',
    });
    expect(
      telemetrySettingsOf(
        { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://otel:4318/custom', OTEL_SERVICE_NAME: 'hub' },
        'orders',
      ),
    ).toEqual({ tracesUrl: 'http://otel:4318/custom', serviceName: 'hub' });
  });

  it('starts nothing without an endpoint: no span, no trace context, nothing sent', async () => {
    const collector = await fakeCollector();
    try {
      expect(startTracing(telemetrySettingsOf({}, 'orders'))).toBeNull();
      expect(tracingOn()).toBe(false);
      let active: unknown = 'unset';
      await traceStatement('orders', 'SELECT 1', async () => {
        active = trace.getActiveSpan();
      });
      expect(active).toBeUndefined();
      expect(traceHeaders()).toEqual({});
      expect(collector.posts).toEqual([]);
    } finally {
      await collector.close();
    }
  });

  // In a process of its own: the OTLP exporter loads node:http with a dynamic import(), which jest's module
  // system refuses (without --experimental-vm-modules); the platform runs it in plain Node.
  it('exports spans over OTLP/HTTP to the endpoint when one is set', async () => {
    const collector = await fakeCollector();
    try {
      const script = `
        const shared = require('@supply-graph/shared');
        const tracing = shared.startTracing(shared.telemetrySettingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: process.argv[1] }, 'orders'));
        shared.inSpan('orders', 'work', {}, async () => shared.traceHeaders().traceparent)
          .then((traceparent) => tracing.stop().then(() => console.log(JSON.stringify({ traceparent, on: shared.tracingOn() }))));`;
      const { stdout } = await run(process.execPath, ['-e', script, collector.url]);
      expect(JSON.parse(stdout)).toEqual({
        traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
        on: false,
      });
      expect(collector.posts).toEqual([{ path: '/v1/traces', bytes: expect.any(Number) }]);
      expect(collector.posts[0].bytes).toBeGreaterThan(0);
    } finally {
      await collector.close();
    }
  });
});
