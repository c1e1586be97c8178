import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { OWN_ALGORITHM, type SigningKey } from './signing-key';

export interface TokenRequest {
  sub: string;
  scopes: readonly string[];
  /** Absent or null: every channel. */
  channels?: readonly string[] | null;
  ttlSeconds: number;
  /** Set for client-credentials tokens: the API client the token was granted to. */
  clientId?: string;
}

/**
 * Signs the platform's own access tokens (the contract's claims: sub, scope,
 * channels; plus iss, aud, iat, exp, jti, and client_id for API clients).
 */
export class TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  async mint(request: TokenRequest): Promise<string> {
    return new SignJWT({
      scope: request.scopes.join(' '),
      ...(request.channels ? { channels: [...request.channels] } : {}),
      ...(request.clientId ? { client_id: request.clientId } : {}),
    })
      .setProtectedHeader({ alg: OWN_ALGORITHM, kid: this.key.kid, typ: 'JWT' })
      .setSubject(request.sub)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(Math.floor(Date.now() / 1000) + request.ttlSeconds)
      .sign(this.key.privateKey);
  }

  /** The document served at /.well-known/jwks.json: the signing key first, then the previous one in a rotation. */
  jwks(): { keys: object[] } {
    return { keys: this.key.publishedJwks };
  }
}
