'use strict';
// Stock @apollo/gateway on @apollo/server, as its documentation sets it up, over the repository's
// supergraph.graphql (read as this project's gateway reads it, common.js): each subgraph call a
// RemoteGraphQLDataSource whose willSendRequest adds the internal token.
// Settings from the environment: PORT, SUPERGRAPH_PATH, ORDERS_URL/CUSTOMERS_URL/INVENTORY_URL/LOGISTICS_URL
// (override the supergraph's URLs), INTERNAL_TOKEN_SECRET. Prints "listening on <port>" when up.
const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway');
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');
const { internalAuthorization, supergraphSdl, subgraphUrls, exitOnSignal } = require('./common');

async function main() {
  const authorization = await internalAuthorization();
  const urls = subgraphUrls();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl(),
    buildService: ({ name, url }) =>
      new (class extends RemoteGraphQLDataSource {
        willSendRequest({ request }) {
          request.http.headers.set('authorization', authorization.current());
        }
      })({ url: urls[name] ?? url }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
  });
  exitOnSignal(() => server.stop());
  console.log(`listening on ${new URL(url).port}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
