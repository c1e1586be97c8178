import { SCOPES } from '@supply-graph/shared';
import type { RunningGateway, TokenRequest } from '@supply-graph/gateway';

/**
 * Tokens for the suites. Every suite acts as a staff member holding every
 * scope unless it says otherwise: `startTestPlatform` and `startCluster`
 * register such a token for their gateway, and `gql` and the live clients
 * send it when a test gives no `authorization` of its own.
 */
const defaults = new Map<string, string>();

export const originOf = (url: string): string => new URL(url.replace(/^ws/, 'http')).origin;

export function registerDefaultToken(gatewayUrl: string, token: string): void {
  defaults.set(originOf(gatewayUrl), token);
}

/** `Bearer <the registered token>` for this gateway, if a platform registered one. */
export function defaultAuthorization(url: string): string | undefined {
  const token = defaults.get(originOf(url));
  return token ? `Bearer ${token}` : undefined;
}

/** A token of the platform's own issuer. */
export function mintToken(
  gateway: Pick<RunningGateway, 'identity'>,
  request: Partial<TokenRequest> & { scopes: readonly string[] },
): Promise<string> {
  const issuer = gateway.identity.issuer;
  if (!issuer) throw new Error('this gateway issues no tokens');
  return issuer.mint({ sub: 'e2e-staff', ttlSeconds: 3600, ...request });
}

/** Every scope, every channel: what an operator in GraphiQL gets. */
export const staffToken = (gateway: Pick<RunningGateway, 'identity'>) => mintToken(gateway, { scopes: SCOPES });
