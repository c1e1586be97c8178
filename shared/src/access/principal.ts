import { INTERNAL_SCOPE, SCOPES } from './scopes';

/**
 * Who is asking, as every service sees it once the gateway has verified the
 * caller's token: the claims the contract names (`sub`, `scope`, `channels`).
 */
export interface Principal {
  /** A staff member, an API client's clientId, or `service:<name>` for the platform itself. */
  sub: string;
  scopes: ReadonlySet<string>;
  /** Channel codes the caller is limited to; null: every channel. */
  channels: readonly string[] | null;
  /** 'client' for client-credentials tokens (sub is the clientId); 'service' for the platform's own calls. */
  kind: 'user' | 'client' | 'service';
}

/**
 * The platform acting for itself (event consumers, jobs, intake's questions to its peers): every scope, every
 * channel.
 */
export const servicePrincipal = (service: string): Principal => ({
  sub: `service:${service}`,
  scopes: new Set([...SCOPES, INTERNAL_SCOPE]),
  channels: null,
  kind: 'service',
});

/**
 * `@requiresScopes` semantics: the outer list is "any of", each inner list
 * "all of" (`[["orders:read"], ["orders:review"]]` = either one).
 */
export function grants(principal: Principal, anyOf: readonly (readonly string[])[]): boolean {
  return anyOf.some((allOf) => allOf.every((scope) => principal.scopes.has(scope)));
}

/** True when the caller may see and change this channel's data. */
export function seesChannel(principal: Principal, channel: string): boolean {
  return principal.channels === null || principal.channels.includes(channel);
}

/**
 * The channels a query must be limited to: null when the caller sees every
 * channel, else the caller's channels intersected with what it asked for
 * (an empty list: nothing matches, whatever the filter said).
 */
export function visibleChannels(principal: Principal, asked?: readonly string[] | null): readonly string[] | null {
  if (principal.channels === null) return asked ?? null;
  if (!asked) return principal.channels;
  return asked.filter((channel) => principal.channels!.includes(channel));
}
