import { InternalTokens, isScope, type Principal } from '@supply-graph/shared';

/**
 * The caller that registered a webhook, with its access as it was then: the
 * webhook's payloads are resolved with these claims long after the token that
 * registered it expired.
 */
export interface WebhookOwner {
  sub: string;
  kind: Principal['kind'];
  scopes: string[];
  /** null: every channel. */
  channels: string[] | null;
}

/**
 * What is kept of the registering caller: its public scopes only, so a
 * webhook never carries the services' internal powers into a payload.
 */
export function ownerOf(principal: Principal): WebhookOwner {
  return {
    sub: principal.sub,
    kind: principal.kind,
    scopes: [...principal.scopes].filter(isScope).sort(),
    channels: principal.channels === null ? null : [...principal.channels],
  };
}

// One signer per secret (a process runs one orders subgraph, tests several): each keeps its own cache of signed tokens.
const signers = new Map<string, InternalTokens>();

/**
 * `Bearer <internal token>` carrying the owner's claims, for the gateway's
 * payload endpoint: it resolves the payload with them, so the subgraphs see
 * the owner (its channels, its PII access) and not the orders service.
 */
export async function ownerAuthorization(secret: string, owner: WebhookOwner): Promise<string> {
  let signer = signers.get(secret);
  if (!signer) {
    signer = new InternalTokens(secret);
    signers.set(secret, signer);
  }
  const principal: Principal = {
    sub: owner.sub,
    kind: owner.kind,
    scopes: new Set(owner.scopes),
    channels: owner.channels,
  };
  return `Bearer ${await signer.sign(principal)}`;
}
