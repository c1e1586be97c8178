import { loadGatewayConfig, loadSigningKey, TokenIssuer, type TokenRequest } from '@supply-graph/gateway';

/**
 * A token signed with this checkout's own key (the one `npm start` keeps
 * beside its data, or AUTH_SIGNING_KEY): what `npm run token` prints and what
 * the import command sends when given none. Anyone who can read the key file
 * can already mint any token, so this opens nothing new.
 */
export async function mintLocalToken(request: TokenRequest, env?: Record<string, string | undefined>): Promise<string> {
  const config = loadGatewayConfig(env);
  if (!config.auth.ownIssuer) throw new Error('AUTH_OWN_ISSUER=false: tokens come from the external identity provider');
  const key = await loadSigningKey(config.auth.signingKey);
  return new TokenIssuer(key, config.auth.issuer, config.auth.audience).mint(request);
}
