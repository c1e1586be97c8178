import { AppError, parseScopeClaim, type Principal } from '@supply-graph/shared';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { OWN_ALGORITHM } from './signing-key';

/** One identity provider whose tokens the gateway accepts. */
export interface TrustedIssuer {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  /** The algorithm allow-list (a token signed otherwise is refused, whatever its header says). */
  algorithms: string[];
}

/**
 * The platform itself as an issuer: its own public keys (the current one, and the previous during a rotation),
 * ES256 only. A token's `kid` picks the key; a kid not among them is refused (ERR_JWKS_NO_MATCHING_KEY).
 */
export const ownIssuer = (issuer: string, audience: string, publicJwks: JWK[]): TrustedIssuer => ({
  issuer,
  audience,
  keys: createLocalJWKSet({ keys: publicJwks }),
  algorithms: [OWN_ALGORITHM],
});

/**
 * An external IdP (Keycloak, Auth0, Entra ID...) by its JWKS URL; jose fetches and caches its keys and follows
 * rotation.
 */
export const externalIssuer = (
  issuer: string,
  audience: string,
  jwksUrl: string,
  algorithms: string[],
): TrustedIssuer => ({
  issuer,
  audience,
  keys: createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 }),
  algorithms,
});

export interface VerifiedToken {
  principal: Principal;
  /** The API client the token was granted to (client-credentials tokens). */
  clientId: string | null;
  expiresAt: number;
}

const CACHE_LIMIT = 20_000;

/**
 * Verifies `Authorization: Bearer` tokens: signature against the issuer's
 * keys (algorithm allow-list), `iss`, `aud`, `exp`/`nbf` with clock skew. The
 * unverified `iss` only picks which issuer's keys to try. A verified token is
 * remembered until it expires, so a client re-using its token costs one map
 * lookup; revocation (a disabled API client) is checked by the caller on
 * every request, not cached here.
 */
export class TokenVerifier {
  private readonly byIssuer: Map<string, TrustedIssuer>;
  private readonly cache = new Map<string, VerifiedToken>();

  constructor(
    issuers: TrustedIssuer[],
    private readonly clockSkewSeconds: number,
  ) {
    this.byIssuer = new Map(issuers.map((i) => [i.issuer, i]));
  }

  async verify(token: string | undefined): Promise<VerifiedToken> {
    if (!token) throw unauthenticated('Authentication required: send Authorization: Bearer <token>');
    const cached = this.cache.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let issuerName: string | undefined;
    try {
      issuerName = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('The token is not a JWT');
    }
    const issuer = issuerName ? this.byIssuer.get(issuerName) : undefined;
    if (!issuer) throw unauthenticated('The token was not issued by an issuer this platform trusts');
    try {
      const { payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: issuer.algorithms,
        clockTolerance: this.clockSkewSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      const clientId = typeof payload.client_id === 'string' ? payload.client_id : null;
      const verified: VerifiedToken = {
        principal: {
          sub: String(payload.sub),
          scopes: parseScopeClaim(payload.scope),
          channels: Array.isArray(payload.channels) ? payload.channels.map((c) => String(c).toLowerCase()) : null,
          kind: clientId ? 'client' : 'user',
        },
        clientId,
        expiresAt: (payload.exp! + this.clockSkewSeconds) * 1000,
      };
      this.remember(token, verified);
      return verified;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired');
      if (err instanceof joseErrors.JOSEError) throw unauthenticated(`The token was refused (${err.code})`);
      throw err;
    }
  }

  private remember(token: string, verified: VerifiedToken): void {
    if (this.cache.size >= CACHE_LIMIT) {
      const now = Date.now();
      for (const [key, value] of this.cache)
        if (value.expiresAt <= now || this.cache.size > CACHE_LIMIT / 2) this.cache.delete(key);
    }
    this.cache.set(token, verified);
  }
}

const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);
