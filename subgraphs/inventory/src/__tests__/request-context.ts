import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createLogger, serviceEvents, staticPeers, type Principal, type RequestScope } from '@supply-graph/shared';
import { loadInventoryConfig } from '../config';
import { createContext, type InventoryContext } from '../context';
import { defaultInventoryStrategies } from '../index';

/**
 * A request's context for schema-level tests, as the subgraph builds it for a
 * request from `who`, with every SQL statement its reads send pushed onto
 * `statements`: the suites check batching (one statement per DataLoader
 * batch, whatever the number of entities) on it.
 */
export function countingContext(
  db: DataSource,
  who: Principal,
  statements: string[],
  scope?: RequestScope,
): InventoryContext {
  return createContext(
    {
      requestId: randomUUID(),
      log: createLogger('inventory-test', 'silent'),
      db: countingDataSource(db, statements),
      events: serviceEvents('inventory', db, () => undefined),
      peers: staticPeers({}),
      config: loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-request-context-test-secret-0123456789' }),
      principal: who,
      scope,
    },
    defaultInventoryStrategies(),
  );
}

/**
 * One counting data source per data source, as a service has one: what a refit or a cache keys by the data source
 * must see the same object on every request. Each call points it at the statements list of the request.
 */
const counting = new WeakMap<DataSource, { proxy: DataSource; sink: { statements: string[] } }>();

function countingDataSource(db: DataSource, statements: string[]): DataSource {
  let found = counting.get(db);
  if (!found) {
    const sink = { statements };
    const proxy = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (sql: string, params?: unknown[]) => {
          sink.statements.push(sql);
          return target.query(sql, params);
        };
      },
    });
    found = { proxy, sink };
    counting.set(db, found);
  }
  found.sink.statements = statements;
  return found.proxy;
}
