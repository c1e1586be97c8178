import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TelemetrySettings } from '../config/telemetry-settings';

// The SDK is loaded only when tracing starts: a process without a collector does not load (or pay start-up for) it.
type Sdk = typeof import('@opentelemetry/sdk-trace-node') &
  typeof import('@opentelemetry/core') &
  typeof import('@opentelemetry/resources') &
  typeof import('@opentelemetry/exporter-trace-otlp-http');
const sdk = (): Sdk => ({
  ...require('@opentelemetry/sdk-trace-node'),
  ...require('@opentelemetry/core'),
  ...require('@opentelemetry/resources'),
  ...require('@opentelemetry/exporter-trace-otlp-http'),
});

/** A started SDK: `stop` flushes what is buffered and unregisters it. */
export interface Tracing {
  stop(): Promise<void>;
}

let installed: Tracing | null = null;

/**
 * Whether spans are being recorded in this process. The choke points ask this
 * first: off, they run their work as it is, without touching the API, so a
 * process without a collector pays one boolean check per choke point.
 */
export const tracingOn = (): boolean => installed !== null;

/**
 * Starts the OpenTelemetry SDK when the settings name a collector; null (and
 * nothing started) otherwise, or when tracing already runs in this process
 * (`npm start` hosts every service in one: the first caller's SDK serves all).
 */
export function startTracing(settings: TelemetrySettings): Tracing | null {
  if (!settings.tracesUrl || installed) return null;
  const { BatchSpanProcessor, OTLPTraceExporter } = sdk();
  return installTracing(
    new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesUrl })),
    settings.serviceName,
  );
}

/**
 * Registers a tracer provider with this span processor (tests: a
 * SimpleSpanProcessor over an InMemorySpanExporter), the AsyncLocalStorage
 * context manager (so a span started in a request is the parent of what the
 * request awaits) and the W3C trace-context propagator.
 *
 * No instrumentation is registered: the require-hook instrumentations
 * (http, pg, graphql, undici) patch modules as they load, which jest's module
 * registry bypasses and which costs on every call; the project's own choke
 * points make the spans instead (spans.ts).
 */
export function installTracing(processor: SpanProcessor, serviceName: string): Tracing {
  if (installed) throw new Error('tracing is already installed in this process');
  const { NodeTracerProvider, W3CTraceContextPropagator, resourceFromAttributes } = sdk();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [processor],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const tracing: Tracing = {
    async stop() {
      if (installed !== tracing) return;
      installed = null;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  installed = tracing;
  return tracing;
}
