import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../errors/app-error';
import type { Principal } from './principal';
import { parseScopeClaim } from './scopes';

const ISSUER = 'supply-graph/internal';
const AUDIENCE = 'supply-graph/services';
/** Internal tokens live a minute; a signer re-uses one for half of that, so a busy gateway signs rarely. */
const LIFETIME_S = 60;
const REUSE_MS = 30_000;
const CACHE_LIMIT = 10_000;

/**
 * The proof a service's request carries to another (gateway -> subgraph,
 * subgraph -> subgraph, orders -> gateway for webhook payloads): a JWT, HS256
 * over the platform's internal secret, carrying the verified caller's claims
 * for 60 s. The receiver checks it with jose (which compares MACs in constant
 * time), so a request that reaches a subgraph without passing the gateway
 * has no principal and gets nothing.
 *
 * Rotation: a service given the previous secret too still accepts tokens
 * signed with it, and signs only with the current one. The header's `kid` (a
 * short hash of the secret, never the secret) names the secret, so the
 * receiver checks the one MAC it names instead of trying each.
 */
export class InternalTokens {
  private readonly current: { kid: string; key: Uint8Array };
  private readonly keys: Map<string, Uint8Array>;
  private readonly signed = new Map<string, { token: string; renewAt: number }>();
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(secret: string, previous?: string | null) {
    if (secret.length < 32) throw new Error('the internal token secret must be at least 32 characters');
    if (previous !== undefined && previous !== null && previous.length < 32)
      throw new Error('the previous internal token secret must be at least 32 characters');
    if (previous === secret) throw new Error('the previous internal token secret is the current one');
    this.current = { kid: kidOf(secret), key: new TextEncoder().encode(secret) };
    this.keys = new Map([[this.current.kid, this.current.key]]);
    if (previous) this.keys.set(kidOf(previous), new TextEncoder().encode(previous));
  }

  /** A token carrying this principal; the same string for the same claims for 30 s. */
  async sign(principal: Principal): Promise<string> {
    const key = principalKey(principal);
    const cached = this.signed.get(key);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const token = await new SignJWT({
      scope: [...principal.scopes].join(' '),
      ...(principal.channels ? { channels: principal.channels } : {}),
      knd: principal.kind,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: this.current.kid })
      .setSubject(principal.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_S}s`)
      .sign(this.current.key);
    remember(this.signed, key, { token, renewAt: Date.now() + REUSE_MS });
    return token;
  }

  /** The principal a token carries; UNAUTHENTICATED when it is missing, forged, edited or expired. */
  async verify(token: string | undefined): Promise<Principal> {
    if (!token) throw unauthenticated('This service answers only the platform: the request carries no internal token');
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.principal;
    try {
      const { payload } = await jwtVerify(token, ({ kid }) => this.keyFor(kid), {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTolerance: 5,
      });
      const principal: Principal = {
        sub: String(payload.sub),
        scopes: parseScopeClaim(payload.scope),
        channels: Array.isArray(payload.channels) ? payload.channels.map(String) : null,
        kind: payload.knd === 'client' || payload.knd === 'service' ? payload.knd : 'user',
      };
      remember(this.verified, token, { principal, expiresAt: (payload.exp ?? 0) * 1000 });
      return principal;
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) throw unauthenticated(`The internal token was refused (${err.code})`);
      throw err;
    }
  }

  /** The secret a token's `kid` names; a token without one (signed before kids) is checked against the current. */
  private keyFor(kid: string | undefined): Uint8Array {
    const key = kid === undefined ? this.current.key : this.keys.get(kid);
    if (!key)
      throw unauthenticated('The internal token was signed with a secret this service does not hold (rotated out?)');
    return key;
  }
}

/** A secret's name in token headers: 12 characters of a domain-separated SHA-256, which reveal nothing of it. */
const kidOf = (secret: string): string =>
  createHash('sha256').update('supply-graph/internal-token-kid\n').update(secret).digest('base64url').slice(0, 12);

const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);

function principalKey(principal: Principal): string {
  const scopes = [...principal.scopes].sort().join(' ');
  const text = `${principal.kind}\n${principal.sub}\n${scopes}\n${principal.channels?.join(',') ?? '*'}`;
  return createHash('sha256').update(text).digest('base64url');
}

/** Bounded maps: past the limit the oldest half goes (a Map iterates in insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= CACHE_LIMIT) {
    let drop = CACHE_LIMIT / 2;
    for (const k of map.keys()) {
      if (drop-- <= 0) break;
      map.delete(k);
    }
  }
  map.set(key, value);
}

/** `Authorization: Bearer <token>` -> the token. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}
