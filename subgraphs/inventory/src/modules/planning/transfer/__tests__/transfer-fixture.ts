import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import {
  createLogger,
  eventTransaction,
  SCOPES,
  serviceEvents,
  staticPeers,
  type Principal,
  type ServiceEvents,
} from '@supply-graph/shared';
import type { TestBackend } from '@supply-graph/shared/testing';
import { loadInventoryConfig } from '../../../../config';
import { createContext, type InventoryContext } from '../../../../context';
import { defaultInventoryStrategies, inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture, type LevelSpec } from '../../../quota/__tests__/inventory-fixture';

export const caller = (sub: string, scopes: readonly string[] = SCOPES): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels: null,
  kind: 'client',
});
export const staff = caller('staff-1');

type Code = 'SHA' | 'PEK';

/**
 * The inventory fixture (SHA, PEK) with what transfer tests need: products
 * whose opening stock is in the ledger (so the ledger check holds), a request
 * context per call, and the subgraph's schema to query.
 */
export interface TransferFixture extends InventoryFixture {
  schema: GraphQLSchema;
  /**
   * A fresh request context. `retry: false` runs transactions without the
   * deadlock retry of `ctx.events`, so a lock-order mistake fails the test
   * instead of being retried away.
   */
  ctx(who?: Principal, options?: { retry?: boolean }): InventoryContext;
  /** A product with stock, its opening on-hand and reserved units in the ledger (RECEIVE, RESERVE). */
  stock(sku: string, levels: Partial<Record<Code, LevelSpec>>): Promise<void>;
  ask(
    source: string,
    variables?: Record<string, unknown>,
    who?: Principal,
  ): Promise<{ data: Record<string, unknown> | null | undefined; codes: unknown[]; fields: string[] }>;
  count(sql: string, params?: unknown[]): Promise<number>;
  /** The statements `ask` sent outside transactions (loaders, lists), since the last `ask`. */
  statements: string[];
}

export async function startTransferDb(backend: TestBackend): Promise<TransferFixture> {
  const fx = await startInventoryDb(backend);
  const schema = await inventorySubgraph.buildSchema();
  const config = loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-transfer-test-secret-0123456789abcdef' });
  const statements: string[] = [];
  const recording = new Proxy(fx.db, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return (sql: string, params?: unknown[]) => {
        statements.push(sql);
        return target.query(sql, params);
      };
    },
  });
  const ctx = (who: Principal = staff, options: { retry?: boolean } = {}): InventoryContext => {
    const retrying = serviceEvents('inventory', fx.db, () => undefined);
    const events: ServiceEvents =
      options.retry === false
        ? { ...retrying, transaction: (fn) => fx.db.transaction((m) => fn(eventTransaction(m, 'inventory'))) }
        : retrying;
    return createContext(
      {
        requestId: randomUUID(),
        log: createLogger('inventory-test', 'silent'),
        db: recording,
        events,
        peers: staticPeers({}),
        config,
        principal: who,
      },
      defaultInventoryStrategies(),
    );
  };
  return {
    ...fx,
    schema,
    ctx,
    async stock(sku, levels) {
      await fx.addProduct(sku, levels);
      for (const [code, spec] of Object.entries(levels) as [Code, LevelSpec][]) {
        for (const [kind, units] of [
          ['RECEIVE', spec.onHand],
          ['RESERVE', spec.reserved],
        ] as const) {
          if (!units) continue;
          await fx.db.query(
            `INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason) VALUES ($1, $2, $3, $4, 'opening')`,
            [sku, fx.warehouses[code], kind, units],
          );
        }
      }
    },
    statements,
    async ask(source, variables = {}, who = staff) {
      statements.length = 0;
      const result = await graphql({ schema, source, contextValue: ctx(who), variableValues: variables });
      return {
        data: result.data as Record<string, unknown> | null | undefined,
        codes: (result.errors ?? []).map((e) => e.extensions.code ?? e.message),
        fields: (result.errors ?? []).flatMap((e) =>
          ((e.extensions.problems ?? []) as { field: string }[]).map((p) => p.field),
        ),
      };
    },
    async count(sql, params = []) {
      const [row] = (await fx.db.query(sql, params)) as { n: number }[];
      return Number(row.n);
    },
  };
}
