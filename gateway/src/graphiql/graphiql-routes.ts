import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGraphiQLAssets, graphiqlAssetList, GRAPHIQL_ASSET_PREFIX } from './graphiql-assets';
import { GRAPHIQL_EXAMPLES, type GraphiQLExample } from './graphiql-examples';
import { graphiqlContentSecurityPolicy, graphiqlPage, GRAPHIQL_TOKEN_PATH } from './graphiql-page';

/** A `routes` hook of the HTTP server: true when it answered the request. */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface GraphiQLRoutesOptions {
  /** The tabs GraphiQL opens with on a first visit; default: the 360 view and the order subscription. */
  examples?: readonly GraphiQLExample[];
  /**
   * A short-lived staff token for a browser on this machine (the gateway sets it
   * outside production only): GraphiQL then works without set-up.
   */
  localToken?: () => Promise<{ token: string; expiresIn: number }>;
}

/**
 * GraphiQL on the GraphQL endpoint itself: a browser's GET `/graphql` (it
 * accepts text/html) gets the page, `/graphiql/assets/*` the files it loads.
 * Every other request falls through: API clients' GETs, POSTs, SSE and
 * WebSocket upgrades on `/graphql` never reach the page.
 */
export function graphiqlRoutes(options: GraphiQLRoutesOptions = {}): Route {
  const assets = createGraphiQLAssets(graphiqlAssetList(options.examples ?? GRAPHIQL_EXAMPLES));
  let page: string | undefined;
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) {
      return assets.serve(req, res, pathname.slice(GRAPHIQL_ASSET_PREFIX.length)).then(() => true);
    }
    if (pathname === GRAPHIQL_TOKEN_PATH) return serveLocalToken(req, res, options.localToken);
    if (pathname !== '/graphql' || !wantsPage(req)) return false;
    // Built on first view: it names the assets by content hash, which reads them.
    page ??= graphiqlPage(assets.url);
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', graphiqlContentSecurityPolicy(req.headers.host));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.end(req.method === 'HEAD' ? undefined : page);
    return true;
  };
}

/**
 * A browser navigating to the endpoint: a GET (or HEAD) that prefers HTML to
 * the GraphQL response types, the rule Apollo's landing page followed.
 */
function wantsPage(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accept = req.headers.accept ?? '';
  const html = quality(accept, 'text/html');
  return (
    html > 0 &&
    ['application/json', 'application/graphql-response+json', 'multipart/mixed'].every(
      (type) => html > quality(accept, type),
    )
  );
}

/** The q of the most specific media range in `accept` that matches `type` (0: not accepted). */
function quality(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [rawRange, ...params] = part.toLowerCase().split(';');
    const range = rawRange.trim();
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    best = { specificity, q: q ? Number(q[1]) : 1 };
  }
  return best.q;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * The page's token: only to a caller on this machine that also names this
 * machine in Host (a page of another site whose name was made to resolve to
 * 127.0.0.1, DNS rebinding, sends its own name), and never cross-origin (no
 * CORS headers here, so another origin's script cannot read the answer).
 */
async function serveLocalToken(
  req: IncomingMessage,
  res: ServerResponse,
  mint: GraphiQLRoutesOptions['localToken'],
): Promise<true> {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'application/json');
  const local = LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '') && LOOPBACK_HOST.test(req.headers.host ?? '');
  if (!mint || !local || req.method !== 'GET') {
    res.statusCode = 404;
    res.end(JSON.stringify({ error: 'no token is handed out here: send your own in the Headers tab' }));
    return true;
  }
  res.statusCode = 200;
  res.end(JSON.stringify(await mint()));
  return true;
}
