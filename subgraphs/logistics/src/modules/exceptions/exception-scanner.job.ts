import type { ServiceEvents } from '@supply-graph/shared';
import type { LogisticsSettings } from '../../config';
import { exceptionsService } from './exceptions.service';

/** What a periodic job logs to (a pino logger fits). */
export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A running periodic job. */
export interface PeriodicJob {
  /** No further run starts; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, never two at once (the next run is timed from
 * the end of the previous one), the first after one interval so start-up is
 * not slowed. A failed run is logged and the job carries on. 0 disables it.
 */
export function startPeriodicJob(options: { name: string; intervalMs: number; run: () => Promise<void>; log: JobLog }): PeriodicJob {
  const { name, intervalMs, run, log } = options;
  if (intervalMs <= 0) return { stop: async () => undefined };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = run()
        .catch((err: unknown) => log.error({ err, job: name }, `${name} failed; it runs again in ${intervalMs} ms`))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, intervalMs);
    // A pending run must not keep a process alive that is otherwise done.
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Starts the periodic exception scan of a running logistics subgraph (every
 * `settings.exceptions.scanIntervalMs`; 0 disables it). Each replica may run
 * one: the scan locks with SKIP LOCKED, so replicas share the work instead of
 * flagging a shipment twice. Call `stop()` before the subgraph stops.
 */
export function startExceptionScanner(running: { events: ServiceEvents }, settings: LogisticsSettings, log: JobLog): PeriodicJob {
  return startPeriodicJob({
    name: 'logistics exception scan',
    intervalMs: settings.exceptions.scanIntervalMs,
    log,
    run: async () => {
      const result = await exceptionsService.scan({ events: running.events, settings });
      if (result.flagged) log.info({ flagged: result.flagged }, 'shipments became exceptions');
    },
  });
}
