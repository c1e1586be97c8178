import { AppError, bearerToken, InternalTokens, type Principal } from '@supply-graph/shared';
import type { GatewayConfig } from '../config';
import type { ClientPolicy } from '../context';
import { loadSigningKey } from './signing-key';
import { TokenIssuer } from './token-issuer';
import { externalIssuer, ownIssuer, TokenVerifier, type TrustedIssuer } from './token-verifier';

/** What the gateway knows of one verified caller. */
export interface Caller {
  principal: Principal;
  /** The claims as the subgraphs receive them. */
  internalToken: string;
  client: ClientPolicy | null;
}

/** API clients as the gateway knows them (api-client-directory.ts): null for a caller that is not a client. */
export interface ClientLookup {
  /** The client's policy; throws UNAUTHENTICATED when it is disabled or unknown. */
  policyOf(clientId: string): Promise<ClientPolicy>;
}

/**
 * Who is calling: verifies the bearer token (own or external issuer), checks
 * that an API client's token belongs to a client still enabled, and signs the
 * internal token the subgraphs receive. One instance per gateway.
 */
export class Identity {
  private clients: ClientLookup | null = null;

  private constructor(
    private readonly verifier: TokenVerifier,
    readonly issuer: TokenIssuer | null,
    readonly internal: InternalTokens,
  ) {}

  static async create(config: GatewayConfig): Promise<Identity> {
    const { auth } = config;
    const issuers: TrustedIssuer[] = [];
    let issuer: TokenIssuer | null = null;
    if (auth.ownIssuer) {
      const key = await loadSigningKey(auth.signingKey);
      issuer = new TokenIssuer(key, auth.issuer, auth.audience);
      issuers.push(ownIssuer(auth.issuer, auth.audience, key.publishedJwks));
    }
    if (auth.external)
      issuers.push(
        externalIssuer(auth.external.issuer, auth.external.audience, auth.external.jwksUrl, auth.external.algorithms),
      );
    return new Identity(
      new TokenVerifier(issuers, auth.clockSkewSeconds),
      issuer,
      new InternalTokens(config.internalSecret, config.internalSecretPrevious),
    );
  }

  /** From now on client tokens are checked against this directory (disabled clients are refused). */
  useClients(clients: ClientLookup): void {
    this.clients = clients;
  }

  /** The caller behind an `authorization` header (HTTP, SSE) or graphql-ws connectionParams value. */
  async authenticate(authorization: string | string[] | undefined): Promise<Caller> {
    const verified = await this.verifier.verify(bearerToken(authorization));
    const client = verified.clientId ? await this.clientPolicy(verified.clientId) : null;
    return { principal: verified.principal, client, internalToken: await this.internal.sign(verified.principal) };
  }

  private async clientPolicy(clientId: string): Promise<ClientPolicy> {
    // Every gateway has a directory; this is for a gateway built without one (tests of the verifier alone).
    if (!this.clients) return { clientId, rateLimitPerMinute: null, trustedDocumentsOnly: false };
    return this.clients.policyOf(clientId);
  }
}

export const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);
