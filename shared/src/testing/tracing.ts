import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { installTracing } from '../telemetry/tracing';

export type { ReadableSpan };

/** Tracing of this process recorded in memory, for tests: each span as it ends. */
export interface RecordedSpans {
  /** The spans ended so far. */
  spans(): ReadableSpan[];
  /** Forgets the spans ended so far. */
  clear(): void;
  /** Unregisters the SDK: the choke points are off again. */
  stop(): Promise<void>;
}

/**
 * Installs the SDK with an in-memory exporter; installed after the platform
 * started, it traces from then on (the choke points ask at each call).
 */
export function recordSpans(serviceName = 'supply-graph-test'): RecordedSpans {
  const exporter = new InMemorySpanExporter();
  const tracing = installTracing(new SimpleSpanProcessor(exporter), serviceName);
  return {
    spans: () => exporter.getFinishedSpans(),
    clear: () => exporter.reset(),
    stop: () => tracing.stop(),
  };
}
