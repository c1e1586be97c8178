import pino, { type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * JSON logs to stdout, one line per event. Every request-scoped line carries
 * `requestId` (created by the gateway, passed to subgraphs in `x-request-id`)
 * so one request can be followed across all five services.
 */
export function createLogger(service: string, level: LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

export const REQUEST_ID_HEADER = 'x-request-id';
