import { distanceKm, locate, type Point } from '@supply-graph/shared';
import type {
  PlannedAllocation,
  RoutingPlan,
  RoutingRequest,
  RoutingStrategy,
  StockOption,
  WarehouseSite,
} from './routing-strategy';

/**
 * The default routing: one warehouse that can fill the whole order if any
 * (the nearest of those to the destination); otherwise the smallest set of
 * warehouses that can, nearest first; otherwise report what is missing.
 * With a handful of warehouses the smallest set is found exactly (all subsets
 * by size), not greedily.
 */
export class NearestFullFillStrategy implements RoutingStrategy {
  readonly name = 'nearest-full-fill';

  plan(request: RoutingRequest, stock: StockOption[], warehouses: WarehouseSite[]): RoutingPlan {
    const demand = new Map<string, number>();
    for (const line of request.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
    const availability = new Map(stock.map((s) => [`${s.sku}@${s.warehouseId}`, Math.max(0, s.available)]));
    const have = (w: WarehouseSite, sku: string) => availability.get(`${sku}@${w.id}`) ?? 0;
    const destination = locate(request.destination);
    const distance = (w: WarehouseSite) => (destination ? distanceKm(w, destination) : 0);
    const sites = [...warehouses].sort((a, b) => distance(a) - distance(b) || a.code.localeCompare(b.code));
    const where = destination
      ? `nearest to ${request.destination.city ?? request.destination.province}`
      : 'destination not on the map, by code';

    const whole = sites.filter((w) => [...demand].every(([sku, qty]) => have(w, sku) >= qty));
    if (whole.length) {
      const w = whole[0];
      return {
        ok: true,
        allocations: [...demand].map(([sku, quantity]) => ({ sku, warehouseId: w.id, quantity })),
        reason: `${w.code} holds every line (${whole.length} warehouse(s) could; ${where}${km(destination, w)})`,
      };
    }
    for (let size = 2; size <= Math.min(sites.length, 7); size += 1) {
      const set = smallestCovering(sites, size, demand, have);
      if (set) {
        const allocations = fill(set, demand, have);
        const parts = set.map(
          (w) =>
            `${w.code} (${allocations
              .filter((a) => a.warehouseId === w.id)
              .map((a) => `${a.sku} x${a.quantity}`)
              .join(', ')})`,
        );
        return {
          ok: true,
          allocations,
          reason: `no single warehouse holds every line; split across ${size}: ${parts.join(' + ')}; ${where}`,
        };
      }
    }
    const missing = [...demand]
      .map(([sku, qty]) => ({ sku, quantity: qty - sites.reduce((sum, w) => sum + have(w, sku), 0) }))
      .filter((m) => m.quantity > 0);
    return {
      ok: false,
      missing,
      reason: `not enough stock: ${missing.map((m) => `${m.sku} short by ${m.quantity}`).join(', ')}`,
    };
  }
}

function km(destination: Point | null, w: WarehouseSite): string {
  return destination ? `, ${Math.round(distanceKm(w, destination))} km` : '';
}

/** The first set of `size` warehouses (sites are sorted nearest first) whose stock covers the demand. */
function smallestCovering(
  sites: WarehouseSite[],
  size: number,
  demand: Map<string, number>,
  have: (w: WarehouseSite, sku: string) => number,
): WarehouseSite[] | null {
  let best: WarehouseSite[] | null = null;
  let bestScore = Infinity;
  const visit = (start: number, chosen: WarehouseSite[]) => {
    if (chosen.length === size) {
      if ([...demand].every(([sku, qty]) => chosen.reduce((s, w) => s + have(w, sku), 0) >= qty)) {
        const score = chosen.reduce((s, w) => s + sites.indexOf(w), 0);
        if (score < bestScore) [best, bestScore] = [chosen, score];
      }
      return;
    }
    for (let i = start; i < sites.length; i += 1) visit(i + 1, [...chosen, sites[i]]);
  };
  visit(0, []);
  return best;
}

/** Takes each SKU from the set's warehouses, nearest first. */
function fill(
  set: WarehouseSite[],
  demand: Map<string, number>,
  have: (w: WarehouseSite, sku: string) => number,
): PlannedAllocation[] {
  const out: PlannedAllocation[] = [];
  for (const [sku, qty] of demand) {
    let need = qty;
    for (const w of set) {
      const take = Math.min(need, have(w, sku));
      if (take > 0) out.push({ sku, warehouseId: w.id, quantity: take });
      need -= take;
      if (!need) break;
    }
  }
  return out;
}
