import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { AppError } from '@supply-graph/shared';
import type { GatewayContext } from '../context';
import { requestMetrics } from '../metrics';
import type { RateDecision, RateLimiter } from './rate-limiter';

/** Who is asking, as far as rate limits care. */
export type RateLimitCaller = Pick<GatewayContext, 'principal' | 'client'>;

/**
 * Takes one request from the caller's budget: its API client's
 * `rateLimitPerMinute`, else `defaultPerMinute`, keyed by `principal.sub`.
 * Resolves to the refusal, or null when the request may go on. The
 * platform's own calls (`service:*`) are not limited: throttling itself would
 * only delay its event work. A context without a principal is not limited
 * here: authentication refuses it.
 */
async function refusal(
  limiter: RateLimiter,
  defaultPerMinute: number,
  caller: RateLimitCaller,
): Promise<RateDecision | null> {
  const { principal, client } = caller;
  if (!principal || principal.kind === 'service') return null;
  const decision = await limiter.take(principal.sub, client?.rateLimitPerMinute ?? defaultPerMinute);
  return decision.allowed ? null : decision;
}

const rateLimited = (decision: RateDecision, extensions: Record<string, unknown> = {}): AppError =>
  new AppError('RATE_LIMITED', `Too many requests: retry after ${decision.retryAfterSeconds} s`, {
    retryAfterSeconds: decision.retryAfterSeconds,
    ...extensions,
  });

/**
 * Refuses requests past the caller's budget with HTTP 429, a Retry-After
 * header and RATE_LIMITED. The token is taken as the request starts (so
 * requests that fail to parse or validate count too, and the Redis round trip
 * overlaps parsing); the refusal is thrown from didResolveOperation, the hook
 * where Apollo turns an error's `extensions.http` into the response's status
 * and headers (thrown from requestDidStart, didResolveSource or any later
 * hook, Apollo answers a bare 500 INTERNAL_SERVER_ERROR instead).
 */
export function rateLimit(limiter: RateLimiter, defaultPerMinute: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      // Never rejects (an unobserved rejection would crash): a failing check lets the request through.
      const pending = refusal(limiter, defaultPerMinute, contextValue).catch((err: unknown) => {
        contextValue.log?.warn({ err }, 'rate limit check failed: request let through');
        return null;
      });
      return {
        async didResolveOperation() {
          const refused = await pending;
          if (!refused) return;
          requestMetrics.rateLimitRefusals.inc({ transport: 'http' });
          const headers = new HeaderMap([['retry-after', String(refused.retryAfterSeconds)]]);
          throw rateLimited(refused, { http: { status: 429, headers } });
        },
      };
    },
  };
}

/**
 * For subscriptions (graphql-ws, SSE): call on subscribe, before the hub; each
 * subscribe counts as one request. Throws RATE_LIMITED with
 * `extensions.retryAfterSeconds` (the transports return it as the
 * subscription's error; there is no HTTP status to set there).
 */
export function rateLimitSubscribe(
  limiter: RateLimiter,
  defaultPerMinute: number,
): (caller: RateLimitCaller) => Promise<void> {
  return async (caller) => {
    const refused = await refusal(limiter, defaultPerMinute, caller);
    if (!refused) return;
    requestMetrics.rateLimitRefusals.inc({ transport: 'subscription' });
    throw rateLimited(refused);
  };
}
