import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../config/load-config';
import type { ServiceEvents } from '../events/transaction';
import type { Peers } from '../federation/peers';
import { runInBackground } from '../db/sql-origin';

/** What a background job of a subgraph gets to work with. */
export interface JobDeps {
  db: DataSource;
  events: ServiceEvents;
  /** The config the subgraph was started with (its own loader's full object). */
  config: SubgraphConfig;
  log: Logger;
  /** The other services (looked up when called: some start after the subgraph). */
  peers: Peers;
}

/**
 * Periodic work a subgraph does besides answering requests (e.g. logistics'
 * exception scan). Started with the subgraph after its relay, stopped before it.
 */
export interface BackgroundJobDefinition {
  name: string;
  /** Milliseconds between runs for this config; 0 disables the job. */
  intervalMs(config: SubgraphConfig): number;
  run(deps: JobDeps): Promise<void>;
}

export interface PeriodicJob {
  /** No further run starts; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, never two at once (the next run is timed from
 * the end of the previous one), the first after one interval so start-up is
 * not slowed. A failed run is logged and the job carries on. 0 disables it.
 */
/** Where a job reports a failed run (a pino logger fits). */
export interface JobLog {
  error(obj: object, msg: string): void;
}

export function startPeriodicJob(options: {
  name: string;
  intervalMs: number;
  run: () => Promise<void>;
  log: JobLog;
}): PeriodicJob {
  const { name, intervalMs, run, log } = options;
  if (intervalMs <= 0) return { stop: async () => undefined };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = runInBackground(run)
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
