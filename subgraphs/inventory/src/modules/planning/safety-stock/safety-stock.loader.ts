import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { pairKey, type StockPair } from '../forecast/forecast-store';
import { planningTargets, type PlanningTargetsDetail } from './planning-targets';
import { CHANGE_COLUMNS, type SafetyStockChangeRecord } from './safety-stock-recompute';

/** One level's recent safety-stock changes: the pair and how many. */
export interface ChangesKey extends StockPair {
  first: number;
}

const changesKey = (k: ChangesKey) => `${pairKey(k)}\u0000${k.first}`;

// The newest `$3` changes of each level, in one statement for every level asked for.
const CHANGES_SQL = `
  SELECT c.* FROM unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id)
  CROSS JOIN LATERAL (
    SELECT ${CHANGE_COLUMNS} FROM safety_stock_change
    WHERE sku = p.sku AND warehouse_id = p.warehouse_id ORDER BY id DESC LIMIT $3
  ) c`;

/** Per-request planning loaders: one batch of statements per request, whatever the number of stock levels. */
export function createSafetyStockLoaders(db: DataSource) {
  return {
    /** Each level's planning targets (`planningTargets`); undefined for a pair without a stock level. */
    planningTargets: new DataLoader<StockPair, PlanningTargetsDetail | undefined, string>(
      async (pairs) => {
        const found = await planningTargets(db, pairs);
        return pairs.map((p) => found.get(pairKey(p)));
      },
      { cacheKeyFn: pairKey },
    ),
    /** Each level's newest changes, newest first. */
    safetyStockChanges: new DataLoader<ChangesKey, SafetyStockChangeRecord[], string>(
      async (keys) => {
        const byFirst = new Map<number, ChangesKey[]>();
        for (const k of keys) byFirst.set(k.first, [...(byFirst.get(k.first) ?? []), k]);
        const found = new Map<string, SafetyStockChangeRecord[]>();
        for (const [first, group] of byFirst) {
          const rows = (await db.query(CHANGES_SQL, [
            group.map((k) => k.sku),
            group.map((k) => k.warehouseId),
            first,
          ])) as SafetyStockChangeRecord[];
          for (const row of rows) {
            const key = changesKey({ ...row, first });
            found.set(key, [...(found.get(key) ?? []), row]);
          }
        }
        return keys.map((k) => found.get(changesKey(k)) ?? []);
      },
      { cacheKeyFn: changesKey },
    ),
  };
}
