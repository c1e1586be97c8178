import type { OrderLinePayload } from '@supply-graph/shared';
import type { PlannedAllocation, StockOption } from '../reservation/routing/routing-strategy';

/**
 * Presale and regular stock are two pools the router must never mix. The
 * routing strategy knows nothing of presale: a presale line is handed to it
 * under its own key (`SKU-1 (presale)`), whose only stock is the presale
 * units, so a plan can take presale units for presale lines only and regular
 * units for regular lines only. Regular lines keep the plain SKU as their key.
 */

/** What the router sees for one SKU in one warehouse, with the row locked. */
export interface LockedStock {
  sku: string;
  warehouseId: string;
  onHand: number;
  /** on_hand - reserved - safety_stock */
  available: number;
  /** presale_on_hand - presale_reserved */
  presaleAvailable: number;
}

/** Units of one pool of one SKU that an order asks for, or that a plan takes. */
export interface PoolUnits {
  sku: string;
  warehouseId: string;
  quantity: number;
  presale: boolean;
}

export interface OrderPools {
  /** The lines as the router sees them: one per pool key. */
  routingLines: { sku: string; quantity: number }[];
  /** Regular units wanted per SKU (what channel quotas count). */
  regularDemand: Map<string, number>;
  /** Pool key -> the SKU and pool it stands for. */
  keys: Map<string, { sku: string; presale: boolean }>;
}

export const presaleKey = (sku: string): string => `${sku} (presale)`;

/** Splits an order's lines into the two pools; a line without the flag is regular. */
export function orderPools(lines: OrderLinePayload[]): OrderPools {
  const demand = new Map<string, number>();
  const keys = new Map<string, { sku: string; presale: boolean }>();
  const regularDemand = new Map<string, number>();
  for (const line of lines) {
    const presale = line.presale === true;
    const key = presale ? presaleKey(line.sku) : line.sku;
    keys.set(key, { sku: line.sku, presale });
    demand.set(key, (demand.get(key) ?? 0) + line.quantity);
    if (!presale) regularDemand.set(line.sku, (regularDemand.get(line.sku) ?? 0) + line.quantity);
  }
  return { routingLines: [...demand].map(([sku, quantity]) => ({ sku, quantity })), regularDemand, keys };
}

/** Stock options per pool key: regular keys see regular units only, presale keys presale units only. */
export function poolStockOptions(stock: LockedStock[], pools: OrderPools): StockOption[] {
  const options: StockOption[] = [];
  for (const [key, { sku, presale }] of pools.keys) {
    for (const row of stock) {
      if (row.sku !== sku) continue;
      options.push({
        sku: key,
        warehouseId: row.warehouseId,
        available: presale ? row.presaleAvailable : row.available,
      });
    }
  }
  return options;
}

/** The plan's allocations back in real SKUs, each tagged with its pool. */
export function poolAllocations(planned: PlannedAllocation[], pools: OrderPools): PoolUnits[] {
  return planned.map((a) => {
    const pool = pools.keys.get(a.sku);
    if (!pool) throw new Error(`the routing strategy planned an unknown line key "${a.sku}"`);
    return { sku: pool.sku, warehouseId: a.warehouseId, quantity: a.quantity, presale: pool.presale };
  });
}

/** What a failed plan is short of, in real SKUs (a SKU short in both pools appears twice). */
export function poolMissing(
  missing: { sku: string; quantity: number }[],
  pools: OrderPools,
): { sku: string; quantity: number }[] {
  return missing.map((m) => ({ sku: pools.keys.get(m.sku)?.sku ?? m.sku, quantity: m.quantity }));
}

/** Sum of regular on-hand units per SKU over warehouses (the pool a quota share is taken of). */
export function onHandBySku(stock: LockedStock[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of stock) totals.set(row.sku, (totals.get(row.sku) ?? 0) + row.onHand);
  return totals;
}
