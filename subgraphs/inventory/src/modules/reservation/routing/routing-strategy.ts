/** Where an order must go and what it needs. */
export interface RoutingRequest {
  lines: { sku: string; quantity: number }[];
  destination: { country: string; province: string | null; city: string | null };
}

/** Stock one warehouse can give for one SKU right now (rows are locked while planning). */
export interface StockOption {
  sku: string;
  warehouseId: string;
  available: number;
}

export interface WarehouseSite {
  id: string;
  code: string;
  latitude: number;
  longitude: number;
}

export interface PlannedAllocation {
  sku: string;
  warehouseId: string;
  quantity: number;
}

export type RoutingPlan =
  | { ok: true; allocations: PlannedAllocation[]; reason: string }
  | { ok: false; missing: { sku: string; quantity: number }[]; reason: string };

/**
 * Decides which warehouses fill an order. The reservation service locks the
 * stock rows, asks the strategy, and applies its plan in the same transaction,
 * so a plan can never promise stock another order took meanwhile.
 */
export interface RoutingStrategy {
  readonly name: string;
  plan(request: RoutingRequest, stock: StockOption[], warehouses: WarehouseSite[]): RoutingPlan;
}
