'use strict';
// What both stock gateways share: the proof the sealed subgraphs answer to (the same internal token this
// project's gateway sends for a staff caller with every scope, pii:read included, signed with the platform's
// INTERNAL_TOKEN_SECRET by the repository's own built code, so the stock gateways take no weaker path), the
// subgraph URLs and a clean exit.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
// The built @supply-graph/shared (npm run build): only its token module, not the whole toolkit.
const { InternalTokens } = require(path.join(REPO, 'shared/dist/access/internal-token.js'));
const { SCOPES } = require(path.join(REPO, 'shared/dist/access/scopes.js'));

/** The staff principal bench/lib.js mints a gateway token for (`--sub bench --scope all`). */
const STAFF = { sub: 'bench', scopes: new Set(SCOPES), channels: null, kind: 'user' };
// Tokens live 60 s and a signer hands out the same one for 30 s: renewing every 10 s leaves at least 20 s.
const RENEW_MS = 10_000;

/** Resolves to `{ current() }`: the `authorization` header value, renewed in the background. */
async function internalAuthorization(secret = process.env.INTERNAL_TOKEN_SECRET) {
  if (!secret) throw new Error('INTERNAL_TOKEN_SECRET is not set');
  const tokens = new InternalTokens(secret);
  let value = `Bearer ${await tokens.sign(STAFF)}`;
  const timer = setInterval(() => {
    tokens.sign(STAFF).then(
      (token) => {
        value = `Bearer ${token}`;
      },
      (err) => console.error('internal token not renewed', err),
    );
  }, RENEW_MS);
  timer.unref();
  return { current: () => value };
}

/**
 * The repository's supergraph.graphql (or SUPERGRAPH_PATH) as this project's gateway reads it: the subgraphs
 * enforce `@authenticated` and `@requiresScopes` themselves, so their specs' `for: SECURITY` (which makes
 * @apollo/gateway refuse the supergraph) is dropped by the project's own built function.
 */
function supergraphSdl() {
  const { acceptEnforcedSecurityFeatures } = require(path.join(REPO, 'gateway/dist/auth/supergraph-security.js'));
  const file = process.env.SUPERGRAPH_PATH ?? path.join(REPO, 'supergraph.graphql');
  return acceptEnforcedSecurityFeatures(readFileSync(file, 'utf8'));
}

/** `ORDERS_URL` etc. by subgraph name, as the project's gateway reads them. */
function subgraphUrls() {
  const urls = {};
  for (const name of ['orders', 'customers', 'inventory', 'logistics']) {
    const url = process.env[`${name.toUpperCase()}_URL`];
    if (url) urls[name] = url;
  }
  return urls;
}

/** Stops the server on SIGTERM/SIGINT and exits normally (so `--cpu-prof` writes its profile). */
function exitOnSignal(stopServer) {
  const exit = () => {
    Promise.resolve(stopServer())
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', exit);
  process.once('SIGINT', exit);
}

module.exports = { REPO, internalAuthorization, supergraphSdl, subgraphUrls, exitOnSignal };
