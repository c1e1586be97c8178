import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Identity } from './identity';
import { sendJson } from '../route-helpers';

export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * The endpoints beside /graphql that the access contract names: the public
 * keys of the platform's own tokens (for partners and tools that verify them).
 */
export function authRoutes(identity: Identity) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== JWKS_PATH) return false;
    if (!identity.issuer)
      return sendJson(res, 404, { error: 'this platform does not issue tokens (AUTH_OWN_ISSUER=false)' });
    res.setHeader('cache-control', 'public, max-age=300');
    return sendJson(res, 200, identity.issuer.jwks());
  };
}
