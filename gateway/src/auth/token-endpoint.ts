import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AppError,
  callPeer,
  servicePrincipal,
  staticPeers,
  type InternalTokens,
  type Logger,
} from '@supply-graph/shared';
import type { TokenIssuer } from './token-issuer';
import { readBody, sendJson } from '../route-helpers';

export const TOKEN_PATH = '/oauth/token';
const MAX_BODY = 8 * 1024;

const AUTHENTICATE = `mutation AuthenticateApiClient($clientId: String!, $clientSecret: String!) {
  _authenticateApiClient(clientId: $clientId, clientSecret: $clientSecret) { clientId scopes channels }
}`;

interface AuthenticatedClient {
  clientId: string;
  scopes: string[];
  channels: string[] | null;
}

export interface TokenEndpointOptions {
  issuer: TokenIssuer;
  tokens: InternalTokens;
  ordersUrl: () => string;
  ttlSeconds: number;
  logger: Logger;
  /** The client was just verified: the gateway's directory learns of it before its first token comes back. */
  onGranted?: (clientId: string) => Promise<void>;
  /** Attempts per client id are limited (secrets cannot be guessed by trying): one token of this bucket per attempt. */
  limitAttempt?: (clientId: string) => Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/** Token requests per client id and minute: plenty for a client renewing an hourly token, too few to guess a secret. */
export const TOKEN_ATTEMPTS_PER_MINUTE = 30;

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4) at POST /oauth/token:
 * the client authenticates by HTTP Basic or by client_id/client_secret form
 * fields; the orders subgraph, which keeps the secrets' hashes, checks them;
 * the gateway signs a token carrying the client's scopes (narrowed by an
 * optional `scope`) and channels. Errors are RFC 6749 section 5.2 JSON.
 */
export function tokenEndpoint(options: TokenEndpointOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? '').split('?')[0] !== TOKEN_PATH) return false;
    res.setHeader('cache-control', 'no-store');
    res.setHeader('pragma', 'no-cache');
    if (req.method !== 'POST') return oauthError(res, 405, 'invalid_request', 'POST only');
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return oauthError(res, 400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    }
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(await readBody(req, MAX_BODY));
    } catch {
      return oauthError(res, 400, 'invalid_request', `the body must be at most ${MAX_BODY} bytes`);
    }
    if (form.get('grant_type') !== 'client_credentials')
      return oauthError(res, 400, 'unsupported_grant_type', 'only client_credentials is supported');
    const credentials = clientCredentials(req, form);
    if (!credentials)
      return oauthError(
        res,
        401,
        'invalid_client',
        'client authentication is required (HTTP Basic, or client_id and client_secret)',
      );
    const attempt = await options.limitAttempt?.(credentials.id);
    if (attempt && !attempt.allowed) {
      res.setHeader('retry-after', String(attempt.retryAfterSeconds));
      return oauthError(
        res,
        429,
        'invalid_request',
        `too many token requests for this client: retry after ${attempt.retryAfterSeconds} s`,
      );
    }
    let client: AuthenticatedClient | null;
    try {
      client = await authenticate(options, credentials.id, credentials.secret);
    } catch (err) {
      options.logger.warn({ err }, 'client credentials could not be checked');
      return oauthError(res, 503, 'temporarily_unavailable', 'client credentials cannot be checked now');
    }
    if (!client) return oauthError(res, 401, 'invalid_client', 'unknown client, wrong secret, or a disabled client');
    const requested = form.get('scope')?.split(/\s+/).filter(Boolean);
    const beyond = requested?.filter((scope) => !client.scopes.includes(scope)) ?? [];
    if (beyond.length) return oauthError(res, 400, 'invalid_scope', `not granted to this client: ${beyond.join(' ')}`);
    const scopes = requested?.length ? requested : client.scopes;
    await options.onGranted?.(client.clientId);
    const token = await options.issuer.mint({
      sub: client.clientId,
      clientId: client.clientId,
      scopes,
      channels: client.channels,
      ttlSeconds: options.ttlSeconds,
    });
    return sendJson(res, 200, {
      access_token: token,
      token_type: 'Bearer',
      expires_in: options.ttlSeconds,
      scope: scopes.join(' '),
    });
  };
}

async function authenticate(
  options: TokenEndpointOptions,
  clientId: string,
  clientSecret: string,
): Promise<AuthenticatedClient | null> {
  const token = await options.tokens.sign(servicePrincipal('gateway'));
  // staticPeers: the orders URL may list its replicas (asked in turn, the next when one refuses).
  const peers = { ...staticPeers({ orders: options.ordersUrl() }), authorization: async () => `Bearer ${token}` };
  try {
    const data = await callPeer<{ _authenticateApiClient: AuthenticatedClient | null }>(
      peers,
      'orders',
      'oauth-token',
      AUTHENTICATE,
      { clientId, clientSecret },
    );
    return data._authenticateApiClient;
  } catch (err) {
    // Credentials too long for the field's bound are simply wrong credentials.
    if (err instanceof AppError && err.code === 'BAD_USER_INPUT') return null;
    throw err;
  }
}

/** HTTP Basic (RFC 6749 2.3.1: form-urlencoded id and secret, base64) or the two form fields; not both. */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): { id: string; secret: string } | null {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : null;
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): true {
  if (status === 401) res.setHeader('www-authenticate', 'Basic realm="supply-graph"');
  return sendJson(res, status, { error, error_description: description });
}
