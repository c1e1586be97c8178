import { z } from 'zod';

/**
 * OpenTelemetry trace export, read by every service's config the same way.
 * - OTEL_EXPORTER_OTLP_ENDPOINT: an OTLP/HTTP collector's base URL (e.g. `http://localhost:4318`); traces go to
 *   its `/v1/traces`. Unset: no SDK is started and tracing costs next to nothing.
 * - OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: the full traces URL, when it is not `<endpoint>/v1/traces`.
 * - OTEL_SERVICE_NAME (default: the service's name; `supply-graph` for `npm start`, which hosts every service):
 *   the resource's `service.name`. Spans name their own service in `supply_graph.service` too.
 */
export const telemetryEnvShape = {
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional().or(z.literal('')),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional().or(z.literal('')),
  OTEL_SERVICE_NAME: z.string().optional(),
};

export interface TelemetrySettings {
  /** Where spans are sent (OTLP/HTTP, JSON); null: tracing is off. */
  tracesUrl: string | null;
  serviceName: string;
}

type TelemetryEnv = { [K in keyof typeof telemetryEnvShape]?: z.output<(typeof telemetryEnvShape)[K]> };

export function telemetrySettingsOf(env: TelemetryEnv, service: string): TelemetrySettings {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  return Object.freeze({
    tracesUrl: traces || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : null),
    serviceName: env.OTEL_SERVICE_NAME?.trim() || service,
  });
}
