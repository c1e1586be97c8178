import {
  eventTransaction,
  runInBackground,
  transactionCommitted,
  type EventTransaction,
  type ServiceEvents,
} from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { forecastSettingsOf } from '../../../config';
import type { InventoryContext } from '../../../context';
import { refitForecasts, type RefitOutcome } from './forecast-refit.service';
import { sharedForecastPool } from './shared-forecast-pool';

/** What `refitForecasts` answers: the refit's outcome, or, while it still runs, when its fits will be stamped. */
export type RefitAnswer =
  | ({ status: 'DONE' } & RefitOutcome)
  | ({ status: 'RUNNING' } & Pick<RefitOutcome, 'fittedAt' | 'durationMs'> & {
        fitted: null;
        byModel: [];
        holdoutWape: null;
      });

/** The answer goes out this long before the request's deadline, so that it is still read. */
const ANSWER_MARGIN_MS = 1000;

interface InFlight {
  fittedAt: Date;
  started: number;
  outcome: Promise<RefitOutcome>;
}

/** Each database's refits asked for by requests and not finished, by the SKUs they cover (`*`: all). */
const inFlight = new WeakMap<DataSource, Map<string, InFlight>>();

/** Refits asked for by a caller (`refitForecasts`). */
export const forecastRefitService = {
  /**
   * Starts a refit of these SKUs' stock levels (all when null) on the
   * process's pool, or joins the same refit if a request already started it,
   * and answers with its outcome when it is done. A refit of a whole
   * catalogue can take longer than a request may: the refit is not tied to
   * the request, and shortly before the deadline the answer says RUNNING
   * with the `fittedAt` its forecasts will carry when they land.
   */
  async refitNow(ctx: InventoryContext, skus: readonly string[] | null): Promise<RefitAnswer> {
    const key = skus ? [...new Set(skus)].sort().join('\u0000') : '*';
    const running = inFlight.get(ctx.db) ?? new Map<string, InFlight>();
    inFlight.set(ctx.db, running);
    let refit = running.get(key);
    if (!refit) {
      const settings = forecastSettingsOf(ctx.config);
      const fittedAt = new Date();
      const deps = { db: ctx.db, events: storeOutsideRequest(ctx), pool: sharedForecastPool(settings), settings };
      const mine: InFlight = {
        fittedAt,
        started: performance.now(),
        // In the background: the request's deadline must not stop it half way (it would store nothing).
        outcome: runInBackground(() => refitForecasts(deps, { skus, now: fittedAt })),
      };
      refit = mine;
      running.set(key, mine);
      const forget = () => {
        if (running.get(key) === mine) running.delete(key);
      };
      mine.outcome.then(forget, (err: unknown) => {
        forget();
        ctx.log.error({ err }, 'forecast refit failed');
      });
    }
    const deadline = ctx.scope?.deadline;
    const outcome = await (deadline === undefined
      ? refit.outcome
      : Promise.race([refit.outcome, delay(deadline - ANSWER_MARGIN_MS - Date.now())]));
    if (outcome) return { status: 'DONE', ...outcome };
    return {
      status: 'RUNNING',
      fitted: null,
      byModel: [],
      holdoutWape: null,
      fittedAt: refit.fittedAt,
      durationMs: Math.round(performance.now() - refit.started),
    };
  },
};

const delay = (ms: number) =>
  new Promise<null>((resolve) => {
    setTimeout(() => resolve(null), Math.max(0, ms)).unref();
  });

/**
 * Writes for a refit that may outlive its request: plain transactions, not
 * the request's audited `ctx.events`, whose audit entry belongs to whichever
 * mutation field is running when the write comes (the field's own entry is
 * written when it ends); the relay is still woken after each.
 */
function storeOutsideRequest(ctx: InventoryContext): Pick<ServiceEvents, 'transaction'> {
  return {
    async transaction(fn) {
      let tx: EventTransaction | undefined;
      const result = await ctx.db.transaction((manager) => {
        tx = eventTransaction(manager, ctx.events.service);
        return fn(tx);
      });
      ctx.events.committed();
      transactionCommitted(tx);
      return result;
    },
  };
}
