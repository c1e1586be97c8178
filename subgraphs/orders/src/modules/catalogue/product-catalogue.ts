import type { Queryable } from '@supply-graph/shared';

/** What orders' copy of the catalogue says about the SKUs of one order. */
export interface CatalogueAnswer {
  /** false: no announcement has arrived yet (a fresh database before inventory's events); the copy cannot judge. */
  known: boolean;
  /** The SKUs asked for that the copy has, with their discontinued flag. */
  products: Map<string, { discontinued: boolean }>;
}

/** One statement: whether the copy holds anything at all, and the rows of the SKUs asked for. */
export async function lookUpSkus(db: Queryable, skus: readonly string[]): Promise<CatalogueAnswer> {
  const rows = (await db.query(
    `SELECT EXISTS (SELECT 1 FROM catalog_product) AS known,
       coalesce((SELECT json_agg(json_build_object('sku', sku, 'discontinued', discontinued))
                 FROM catalog_product WHERE sku = ANY($1::text[])), '[]'::json) AS products`,
    [skus],
  )) as { known: boolean; products: { sku: string; discontinued: boolean }[] }[];
  const [row] = rows;
  return { known: row.known, products: new Map(row.products.map((p) => [p.sku, { discontinued: p.discontinued }])) };
}
