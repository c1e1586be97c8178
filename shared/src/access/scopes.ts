/**
 * The twelve scopes of the public contract (`contract/access.graphql`), by
 * name. A token's `scope` claim is a space-separated list of them.
 */
export const CONTRACT_SCOPES = [
  'orders:read',
  'orders:write',
  'orders:review',
  'customers:read',
  'pii:read',
  'inventory:read',
  'inventory:write',
  'logistics:read',
  'logistics:write',
  'webhooks:manage',
  'clients:manage',
  'audit:read',
] as const;

/**
 * Scopes the platform added after the published contract (which must stay as
 * published): listed in the README's scope table instead. `desk:read` opens the
 * operations desk's work items, operators, `workItemChanged` and the risk-rule
 * precision KPI; `desk:write` manages operators and assigns, comments and
 * resolves work items.
 */
export const EXTENSION_SCOPES = ['desk:read', 'desk:write'] as const;

/** Every scope a token may carry: the contract's and the extensions. */
export const SCOPES = [...CONTRACT_SCOPES, ...EXTENSION_SCOPES] as const;

export type Scope = (typeof SCOPES)[number];

/**
 * Held only by the services themselves (never put in a client's token): opens
 * the `@inaccessible` fields the services ask each other (the gateway's event
 * replay, API client policies, client authentication).
 */
export const INTERNAL_SCOPE = 'internal';

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** `"orders:read pii:read"` -> a set; unknown names are kept (an external IdP may add its own) but open nothing. */
export function parseScopeClaim(claim: unknown): Set<string> {
  if (Array.isArray(claim)) return new Set(claim.filter((s): s is string => typeof s === 'string'));
  if (typeof claim !== 'string') return new Set();
  return new Set(claim.split(/\s+/).filter(Boolean));
}
