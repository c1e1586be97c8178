import type { GraphiQLExample } from './graphiql-examples';

/** Where the page finds an asset: its URL, versioned by content so it can be cached for good. */
export type AssetUrl = (name: string) => string;

/**
 * The GraphiQL page. Everything it runs comes from the gateway (no CDN, works
 * offline); the only script is the boot script, so the CSP needs no inline script.
 */
export function graphiqlPage(assetUrl: AssetUrl): string {
  const script = (name: string) => `<script src="${assetUrl(name)}"></script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>supply-graph GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl('graphiql.min.css')}">
<link rel="stylesheet" href="${assetUrl('graphiql-page.css')}">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
${script('react.production.min.js')}
${script('react-dom.production.min.js')}
${script('graphql-ws.min.js')}
${script('graphiql.min.js')}
${script('graphiql-boot.js')}
</body>
</html>
`;
}

/** Full-height layout, in a stylesheet of its own like everything else the page loads. */
export const GRAPHIQL_PAGE_CSS = `html, body, #graphiql { height: 100%; margin: 0; }
body { font-family: system-ui, sans-serif; }
`;

/**
 * The browser side: a fetcher for the gateway's own origin, with one lazy
 * graphql-ws client (from its UMD bundle) for subscriptions, and the example tabs.
 */
export function graphiqlBootScript(examples: readonly GraphiQLExample[]): string {
  return `(function () {
  'use strict';
  var url = location.origin + '/graphql';
  var subscriptionUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
  var examples = ${JSON.stringify(examples)};
  function render(token) {
    var authorization = token ? 'Bearer ' + token : undefined;
    var fetcher = GraphiQL.createFetcher({
      url: url,
      subscriptionUrl: subscriptionUrl,
      // A header typed in the Headers tab (another token) overrides this one for queries and mutations.
      headers: authorization ? { authorization: authorization } : {},
      // Given only a subscriptionUrl, GraphiQL builds a client (and a socket) per subscription from the
      // copy bundled in it; this one client multiplexes them on one socket and takes precedence over the URL.
      wsClient: graphqlWs.createClient({
        url: subscriptionUrl,
        lazy: true,
        retryAttempts: 5,
        connectionParams: authorization ? { authorization: authorization } : {},
      }),
    });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultTabs: examples,
        defaultEditorToolsVisibility: 'variables',
        shouldPersistHeaders: false,
      }),
    );
  }
  // Outside production, a browser on the gateway's own machine gets a short-lived staff token;
  // anywhere else the page starts without one (paste one in the Headers tab: {"authorization": "Bearer ..."}).
  fetch('${GRAPHIQL_TOKEN_PATH}', { credentials: 'same-origin' })
    .then(function (res) { return res.ok ? res.json() : null; })
    .then(function (body) { render(body && body.token); }, function () { render(undefined); });
})();
`;
}

/** Where the page asks for its token (graphiql-routes.ts answers only loopback browsers outside production). */
export const GRAPHIQL_TOKEN_PATH = '/graphiql/token';

/**
 * Only the gateway itself: scripts, styles and connections (HTTP and, for
 * subscriptions, WebSocket). GraphiQL's fonts and icons are data: URLs in its
 * stylesheet; its dialogs and popups set inline styles, hence 'unsafe-inline'
 * for styles (never for scripts). `host` is the request's Host header, named
 * for browsers whose 'self' does not cover ws:/wss: (older Safari); left out
 * when malformed.
 */
export function graphiqlContentSecurityPolicy(host: string | undefined): string {
  const sockets =
    host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
      ? ` ws://${host} wss://${host}`
      : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
