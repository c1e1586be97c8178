import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createLogger, serviceEvents, staticPeers, type Principal } from '@supply-graph/shared';
import { ask, principal } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { loadInventoryConfig } from '../../../../config';
import { createContext } from '../../../../context';
import { defaultInventoryStrategies } from '../../../../index';

const DAY = 86_400_000;

/** The UTC day `offset` days from today, YYYY-MM-DD. */
export const dayFromToday = (offset: number): string =>
  new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY).toISOString().slice(0, 10);

export const staff = principal('planner-1', null);
export const tmallPartner = principal('tmall-team', ['tmall'], ['inventory:read', 'inventory:write'], 'client');
export const reader = principal('viewer', null, ['inventory:read']);

/** Runs an operation on the inventory schema as `who`, counting the SQL statements it sends. */
export function asker(schema: () => GraphQLSchema, db: () => DataSource) {
  const statements: string[] = [];
  const run = async (who: Principal, source: string, variables?: Record<string, unknown>) => {
    statements.length = 0;
    const counted = new Proxy(db(), {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (sql: string, params?: unknown[]) => {
          statements.push(sql);
          return target.query(sql, params);
        };
      },
    });
    const context = createContext(
      {
        requestId: randomUUID(),
        log: createLogger('inventory-test', 'silent'),
        db: counted,
        events: serviceEvents('inventory', db(), () => undefined),
        peers: staticPeers({}),
        config: loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-promotion-test-secret-0123456789abc' }),
        principal: who,
      },
      defaultInventoryStrategies(),
    );
    const answer = await ask(schema(), context, source, variables);
    return { ...answer, codes: answer.errors.map((e) => e.extensions.code ?? e.message) };
  };
  return { run, statements };
}

/** Inserts demand_daily rows: [sku, warehouse id, channel, day, units]. */
export async function addDemand(db: DataSource, rows: [string, string, string, string, number][]): Promise<void> {
  await db.query(
    `INSERT INTO demand_daily (sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short, orders)
     SELECT sku, warehouse_id, channel, day, units, units, 0, 1
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::date[], $5::int[]) AS r(sku, warehouse_id, channel, day, units)
     ON CONFLICT (sku, warehouse_id, channel, day) DO UPDATE
       SET units_demanded = demand_daily.units_demanded + EXCLUDED.units_demanded,
           units_fulfilled = demand_daily.units_fulfilled + EXCLUDED.units_fulfilled`,
    [0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i])),
  );
}

/** Inserts a promotion directly; returns its id. */
export async function addPromotion(
  db: DataSource,
  p: { channels: string[] | null; skus: string[] | null; startsOn: string; endsOn: string; uplift: number },
  cancelled = false,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO promotion (id, name, channels, skus, starts_on, ends_on, uplift, planned_by, cancelled_at, cancelled_by)
     VALUES ($1, 'test', $2::text[], $3::text[], $4, $5, $6, 'test', $7, $8)`,
    [id, p.channels, p.skus, p.startsOn, p.endsOn, p.uplift, cancelled ? new Date() : null, cancelled ? 'test' : null],
  );
  return id;
}
