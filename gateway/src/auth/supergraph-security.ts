/**
 * The composed supergraph states the access rules (`@authenticated`,
 * `@requiresScopes`) and links their specs `for: SECURITY`, which tells a
 * router "refuse to serve this graph unless you enforce these". Stock
 * @apollo/gateway does not know the two features and refuses to load. This
 * platform does enforce them (the gateway verifies the caller; each subgraph
 * applies the rules of its own fields, shared/src/access/enforce-access.ts),
 * so the gateway loads the graph with the two links' purpose removed; the
 * committed supergraph keeps them.
 */
const SECURITY_LINK =
  /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes)\/v0\.\d+"), for: SECURITY\)/g;

export function acceptEnforcedSecurityFeatures(supergraphSdl: string): string {
  return supergraphSdl.replace(SECURITY_LINK, '$1)');
}
