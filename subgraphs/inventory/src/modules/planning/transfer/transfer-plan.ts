import { distanceKm } from '@supply-graph/shared';
import type { WarehouseSite } from '../../reservation/routing/routing-strategy';

/** One SKU in one warehouse, as the suggestions see it over the planning days. */
export interface SitePosition {
  warehouse: WarehouseSite;
  onHand: number;
  reserved: number;
  /** The level's safety stock (planning targets), kept back at both ends. */
  safetyStock: number;
  /** Units on their way here, not yet received. */
  inbound: number;
  /** Planned demand over the days: the baseline forecast times the promotions' uplift. */
  demand: number;
}

export interface PlannedMove {
  sku: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  distanceKm: number;
  unitKm: number;
  destinationDemand: number;
  destinationSupply: number;
  sourceSurplus: number;
  reason: string;
}

/** What the warehouse has for the coming days: available now (after safety stock) plus what is on its way. */
export const supplyOf = (p: SitePosition): number => p.onHand - p.reserved - p.safetyStock + p.inbound;

/** Units the warehouse lacks to meet its demand and keep its safety stock. */
export const shortfallOf = (p: SitePosition): number => Math.max(0, Math.ceil(p.demand - supplyOf(p)));

/**
 * Units the warehouse can give without falling short itself: what it holds
 * over its reservations, safety stock and own demand. Inbound units are not
 * counted: they cannot be sent on before they arrive.
 */
export const surplusOf = (p: SitePosition): number =>
  Math.max(0, Math.floor(p.onHand - p.reserved - p.safetyStock - p.demand));

/**
 * Transfers that cover the SKU's shortfalls from its surpluses: the warehouse
 * short by most is served first, each from the nearest warehouse with surplus
 * (fewest unit-km), then the next nearest, until it is covered or no surplus
 * is left. A warehouse is never both a source and a destination, since a
 * shortfall and a surplus exclude each other. Deterministic: ties go by code.
 */
export function planTransfers(sku: string, positions: readonly SitePosition[], days: number): PlannedMove[] {
  const byCode = (a: SitePosition, b: SitePosition) => a.warehouse.code.localeCompare(b.warehouse.code);
  const short = positions
    .filter((p) => shortfallOf(p) > 0)
    .sort((a, b) => shortfallOf(b) - shortfallOf(a) || byCode(a, b));
  const left = new Map(positions.map((p) => [p.warehouse.id, surplusOf(p)]));
  const moves: PlannedMove[] = [];
  for (const to of short) {
    let need = shortfallOf(to);
    const sources = positions
      .filter((p) => (left.get(p.warehouse.id) ?? 0) > 0)
      .map((p) => ({ p, km: distanceKm(p.warehouse, to.warehouse) }))
      .sort((a, b) => a.km - b.km || byCode(a.p, b.p));
    for (const { p: from, km } of sources) {
      if (need <= 0) break;
      const quantity = Math.min(need, left.get(from.warehouse.id) ?? 0);
      left.set(from.warehouse.id, (left.get(from.warehouse.id) ?? 0) - quantity);
      need -= quantity;
      moves.push({
        sku,
        fromWarehouseId: from.warehouse.id,
        toWarehouseId: to.warehouse.id,
        quantity,
        distanceKm: round1(km),
        unitKm: round1(quantity * km),
        destinationDemand: round1(to.demand),
        destinationSupply: supplyOf(to),
        sourceSurplus: surplusOf(from),
        reason:
          `${to.warehouse.code} needs ${round1(to.demand)} over ${days} day(s) and has ${supplyOf(to)} ` +
          `(available ${to.onHand - to.reserved - to.safetyStock} + inbound ${to.inbound}): short by ` +
          `${shortfallOf(to)}; ${from.warehouse.code} holds ${surplusOf(from)} over its own ${round1(from.demand)} ` +
          `and safety stock ${from.safetyStock}, ${Math.round(km)} km away`,
      });
    }
  }
  return moves;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
