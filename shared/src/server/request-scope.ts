import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors/app-error';

/**
 * The header the gateway sets on every subgraph fetch: how many milliseconds
 * it will wait for the answer. Past that nobody reads the answer, so the
 * subgraph stops working on it.
 */
export const REQUEST_TIMEOUT_HEADER = 'x-request-timeout-ms';

/** What the code running for one request can ask about it. */
export interface RequestScope {
  /** Aborted when the deadline passes or the caller hung up before the answer was sent. */
  signal: AbortSignal;
  /** Epoch milliseconds after which the request's work stops. */
  deadline: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * Gives one HTTP request its deadline: the smaller of the caller's budget
 * (`x-request-timeout-ms`) and the service's own maximum. The signal aborts at
 * the deadline, or when the connection closes before the response finished
 * (the gateway's own timeout closes it); once the response is sent it never
 * aborts, so work the request left behind (an outbox nudge) is unaffected.
 */
export function openRequestScope(
  req: IncomingMessage,
  res: ServerResponse,
  maxMs: number,
): { scope: RequestScope; close(): void } {
  const asked = Number(req.headers[REQUEST_TIMEOUT_HEADER]);
  const budget = Number.isFinite(asked) && asked > 0 ? Math.min(asked, maxMs) : maxMs;
  const controller = new AbortController();
  const deadline = Date.now() + budget;
  const timer = setTimeout(() => controller.abort(deadlineExceeded(budget)), budget);
  timer.unref();
  const onClose = () => {
    if (!res.writableFinished)
      controller.abort(
        new AppError('DEADLINE_EXCEEDED', 'The caller closed the connection before the answer was ready'),
      );
  };
  res.once('close', onClose);
  return {
    scope: { signal: controller.signal, deadline },
    close() {
      clearTimeout(timer);
      res.off('close', onClose);
    },
  };
}

/** Runs `fn` (and everything it starts) inside the request's scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The scope of the request this code runs for, if any (background work has none). */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** Throws DEADLINE_EXCEEDED when the current request's work should stop. */
export function throwIfRequestAborted(): void {
  const signal = scopes.getStore()?.signal;
  if (signal?.aborted) throw signal.reason instanceof AppError ? signal.reason : deadlineExceeded(0);
}

const deadlineExceeded = (budgetMs: number) =>
  new AppError('DEADLINE_EXCEEDED', `The request ran past its ${budgetMs} ms deadline and was stopped`, { budgetMs });
