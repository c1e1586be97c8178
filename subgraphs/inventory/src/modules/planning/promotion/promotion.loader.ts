import DataLoader from 'dataloader';
import type { Queryable } from '@supply-graph/shared';
import { measurePromotions, type PromotionMeasurement } from './promotion-measure';
import { PROMOTION_COLUMNS, PROMOTION_FILTER, type PromotionQuery, type PromotionRow } from './promotion-rows';
import { dayOf, todayUtc } from './promotion.validation';

/** One product's promotions request: the SKU and the filter (see `PromotionQuery`). */
export interface ProductPromotionsKey extends PromotionQuery {
  sku: string;
}

// The first `first` promotions per SKU, newest window first: one statement for every product of a request.
const BY_SKU_SQL = `
  SELECT * FROM (
    SELECT s.sku AS "forSku", ${PROMOTION_COLUMNS},
           row_number() OVER (PARTITION BY s.sku ORDER BY p.starts_on DESC, p.name, p.id) AS n
    FROM unnest($5::text[]) AS s(sku) JOIN promotion p ON p.skus IS NULL OR s.sku = ANY(p.skus)
    WHERE ${PROMOTION_FILTER}
  ) ranked WHERE n <= $6 ORDER BY "forSku", n`;

const filterOf = (k: PromotionQuery) => JSON.stringify([k.scope, k.today, k.status, k.channel, k.first]);

/** Per-request promotion loaders. */
export function createPromotionLoaders(db: Queryable) {
  return {
    /** A product's promotions, one statement per distinct filter whatever the number of products. */
    productPromotions: new DataLoader<ProductPromotionsKey, PromotionRow[], string>(
      async (keys) => {
        const byFilter = new Map<string, ProductPromotionsKey[]>();
        for (const k of keys) byFilter.set(filterOf(k), [...(byFilter.get(filterOf(k)) ?? []), k]);
        const found = new Map<string, PromotionRow[]>();
        for (const [filter, group] of byFilter) {
          const { scope, today, status, channel, first } = group[0];
          const skus = [...new Set(group.map((k) => k.sku))];
          const rows = (await db.query(BY_SKU_SQL, [scope, today, status, channel, skus, first])) as (PromotionRow & {
            forSku: string;
          })[];
          for (const { forSku, n: _n, ...row } of rows as (PromotionRow & { forSku: string; n: number })[]) {
            const key = `${forSku}\u0000${filter}`;
            found.set(key, [...(found.get(key) ?? []), row]);
          }
        }
        return keys.map((k) => found.get(`${k.sku}\u0000${filterOf(k)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.sku}\u0000${filterOf(k)}` },
    ),

    /** A promotion's measured uplift over its finished days; null before its first day is over. */
    promotionMeasurement: new DataLoader<string, PromotionMeasurement | null>(async (ids) => {
      const measured = await measurePromotions(db, ids, dayOf(todayUtc() - 86_400_000));
      return ids.map((id) => measured.get(id) ?? null);
    }),
  };
}
