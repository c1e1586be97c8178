import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unavailableStatus, type EventBus, type Logger } from '@supply-graph/shared';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../context';
import { operationLimits } from '../limits';
import { rateLimit, type RateLimiter } from '../rate-limit';
import { trustedDocuments, type TrustedDocuments } from '../trusted-documents';
import { auditGatewayRefusals } from './audit-refusals.plugin';
import { staffOnlyIntrospection } from './introspection.plugin';
import { observeGateway } from './observe.plugin';
import { rejectUnresolvedOperation } from './operation-name.plugin';
import { sharedOperations } from './shared-operations.plugin';

export interface PluginDeps {
  manifest: TrustedDocuments;
  limiter: RateLimiter;
  bus: EventBus;
  logger: Logger;
}

/**
 * The gateway's Apollo plugins, in the order they must run: the checks that
 * spare the most work first (limits before validation), the refusals of
 * didResolveOperation in the order their answer should win, then
 * observation and the status of what is left.
 */
export function gatewayPlugins(
  config: GatewayConfig,
  { manifest, limiter, bus, logger }: PluginDeps,
): ApolloServerPlugin<GatewayContext>[] {
  return [
    ApolloServerPluginLandingPageDisabled(),
    // First: it keeps the request's own text before a refusing plugin puts a stand-in in its place.
    auditGatewayRefusals(bus, logger, config.limits.maxTokens),
    // Depth, aliases, root fields and tokens before validation; cost before any subgraph is called.
    operationLimits<GatewayContext>(config.limits),
    // Before the plugins that refuse in didResolveOperation: a trusted-only client's refusal wins.
    trustedDocuments<GatewayContext>(manifest),
    // HTTP 429 + Retry-After past the caller's budget (its client's rateLimitPerMinute, else the default).
    rateLimit(limiter, config.rateLimit.perMinute),
    staffOnlyIntrospection(config.production),
    observeGateway(logger),
    rejectUnresolvedOperation<GatewayContext>(),
    unavailableStatus<GatewayContext>(),
    // Last: only what passed every check above waits for an identical query in flight.
    ...(config.operationDedup ? [sharedOperations<GatewayContext>()] : []),
  ];
}
