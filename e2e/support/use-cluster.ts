import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type TestBackend, testBackends, testBuses } from '@supply-graph/shared/testing';
import { type Cluster, type ClusterOptions, startCluster } from './cluster';
import { gql } from './graphql';
import { type Sql, sqlClient } from './sql';
import { startedLater } from './started-later';
import type { PlatformUnderTest } from './use-platform';

/**
 * `describe` for a suite of the distributed deployment: it needs a NATS server and, unless it
 * brings its own PostgreSQL (`database: 'own'`), server PostgreSQL (DATABASE_URL). Without them
 * the block is registered as skipped and says why in its title.
 */
export function describeDistributed(
  title: string,
  body: (server: TestBackend) => void,
  database: 'server' | 'own' = 'server',
): void {
  const nats = testBuses().find((b) => b.bus === 'nats')!;
  const server = testBackends().find((b) => b.backend.name === 'server')!;
  if (database === 'own') {
    if (nats.skip) describe.skip(`${title} [skipped: ${nats.note}]`, () => body(server.backend));
    else
      describe(`${title} [separate processes, their own PostgreSQL server, NATS JetStream]`, () =>
        body(server.backend));
    return;
  }
  if (nats.skip || server.skip)
    describe.skip(`${title} [skipped: needs DATABASE_URL and NATS, ${nats.note}]`, () => body(server.backend));
  else describe(`${title} [separate processes, server PostgreSQL, NATS JetStream]`, () => body(server.backend));
}

/** What a distributed suite works with; valid inside its tests and hooks (see `startedLater`). */
export interface ClusterUnderTest extends Omit<PlatformUnderTest, 'platform'> {
  cluster: Cluster;
}

/**
 * The set-up of a suite that tests the distributed deployment (`startCluster`),
 * as `usePlatform` is for the in-process platform: started with an SQL client
 * on its database in `beforeAll`, both closed in `afterAll`.
 */
export function useCluster(backend: TestBackend, options: ClusterOptions = {}): ClusterUnderTest {
  let cluster: Cluster | undefined;
  let db: Sql | undefined;
  beforeAll(async () => {
    cluster = await startCluster(backend, options);
    db = await sqlClient(cluster.databaseUrl);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await cluster?.close();
  }, 60_000);
  const started = startedLater(() => cluster, 'the cluster');
  return {
    cluster: started,
    db: startedLater(() => db, 'the SQL client'),
    ask: <TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables> | string,
      variables?: TVariables,
      headers?: Record<string, string>,
    ) => gql(started.gatewayUrl, document, variables, headers),
  };
}
