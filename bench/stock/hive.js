'use strict';
// Stock Hive Gateway (its runtime, served by node:http as its documentation shows) over the repository's
// supergraph.graphql, with a plugin whose onFetch adds the internal token to every subgraph call.
// Settings from the environment: PORT, SUPERGRAPH_PATH, ORDERS_URL/CUSTOMERS_URL/INVENTORY_URL/LOGISTICS_URL
// (override the supergraph's URLs), INTERNAL_TOKEN_SECRET;
// HIVE_DEDUP=false turns off its in-flight deduplication of identical subgraph requests (on by default);
// HIVE_PLANNER=rust plans with its Rust query planner (@graphql-hive/router-runtime).
// Prints "listening on <port>" when up.
const { createServer } = require('node:http');
const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime');
const { internalAuthorization, supergraphSdl, subgraphUrls, exitOnSignal } = require('./common');

async function main() {
  const authorization = await internalAuthorization();
  const supergraph = supergraphSdl();
  const transportEntries = {
    '*.http': { options: { deduplicateInflightRequests: process.env.HIVE_DEDUP !== 'false' } },
  };
  for (const [name, location] of Object.entries(subgraphUrls())) transportEntries[name] = { location };
  const gateway = createGatewayRuntime({
    supergraph,
    transportEntries,
    logging: 'error',
    ...(process.env.HIVE_PLANNER === 'rust'
      ? { unifiedGraphHandler: require('@graphql-hive/router-runtime').unifiedGraphHandler }
      : {}),
    plugins: () => [
      {
        onFetch({ options, setOptions }) {
          setOptions({ ...options, headers: { ...options.headers, authorization: authorization.current() } });
        },
      },
    ],
  });
  const server = createServer(gateway);
  await new Promise((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  exitOnSignal(async () => {
    await new Promise((resolve) => server.close(resolve));
    await gateway.dispose();
  });
  console.log(`listening on ${server.address().port}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
