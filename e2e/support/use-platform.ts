import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { TestBackend } from '@supply-graph/shared/testing';
import { gql, type GraphQLResponse } from './graphql';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from './platform';
import { type Sql, sqlClient } from './sql';
import { startedLater } from './started-later';

export interface UsePlatformOptions extends TestPlatformOptions {
  /** How long starting may take (the `beforeAll` timeout); the run's test timeout when not given. */
  startTimeoutMs?: number;
}

/** What a suite works with; valid inside its tests and hooks (see `startedLater`). */
export interface PlatformUnderTest {
  platform: TestPlatform;
  /** SQL on the platform's database. */
  db: Sql;
  /**
   * An operation through the gateway, as the suite's staff member unless `headers` say otherwise (see `gql`):
   * a codegen document, or text for what codegen cannot type (built at run time, or invalid on purpose).
   */
  ask<TData = Record<string, unknown>, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
}

/**
 * The set-up of a suite that tests one platform: registers a `beforeAll` that
 * starts it on a fresh database of the backend (`startTestPlatform`) and opens
 * an SQL client on that database, and an `afterAll` that closes both. Hooks
 * run in the order they are registered: a suite's own `beforeAll` after this
 * call sees the platform; an `afterAll` that must run while the platform is
 * still up is registered before this call.
 */
export function usePlatform(backend: TestBackend, options: UsePlatformOptions = {}): PlatformUnderTest {
  const { startTimeoutMs, ...platformOptions } = options;
  let platform: TestPlatform | undefined;
  let db: Sql | undefined;
  beforeAll(async () => {
    platform = await startTestPlatform(backend, platformOptions);
    db = await sqlClient(platform.databaseUrl);
  }, startTimeoutMs);
  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });
  const started = startedLater(() => platform, 'the platform');
  return {
    platform: started,
    db: startedLater(() => db, 'the SQL client'),
    ask: (document, variables, headers) => gql(started.gatewayUrl, document, variables, headers),
  };
}
