import { distanceKm, locate } from '@supply-graph/shared';
import type {
  ReturnRoutingDecision,
  ReturnRoutingRequest,
  ReturnRoutingStrategy,
  ReturnSite,
} from './return-routing-strategy';

/** Distances within this many kilometres of the nearest count as a tie (default of `NearestReturnsWarehouse`). */
export const RETURN_TIE_MARGIN_KM = 100;

/**
 * The default return routing: the nearest warehouse to where the parcel
 * comes from, among those that stock every SKU of the return (else those
 * that stock the most of them: restocking there opens a stock level). A
 * warehouse that shipped the order wins a tie, i.e. when it is within
 * `tieMarginKm` of the nearest: its units go back where they were counted
 * out, at no real cost in distance. An origin not on the map routes by the
 * shipping warehouse, then by code.
 */
export class NearestReturnsWarehouse implements ReturnRoutingStrategy {
  readonly name = 'nearest-returns-warehouse';

  constructor(private readonly tieMarginKm = RETURN_TIE_MARGIN_KM) {}

  route(request: ReturnRoutingRequest, sites: ReturnSite[]): ReturnRoutingDecision {
    if (!sites.length) return { ok: false, reason: 'no warehouse accepts returns' };
    const skus = new Set(request.skus);
    const coverage = (s: ReturnSite) => s.stocks.filter((sku) => skus.has(sku)).length;
    const best = Math.max(...sites.map(coverage));
    const suitable = sites.filter((s) => coverage(s) === best);
    const origin = locate(request.shipFrom);
    const km = (s: ReturnSite) => (origin ? distanceKm(s, origin) : 0);
    const shipped = (s: ReturnSite) => request.shippedFrom.includes(s.id);
    const byDistance = [...suitable].sort((a, b) => km(a) - km(b) || a.code.localeCompare(b.code));
    const nearest = byDistance[0];
    const margin = origin ? this.tieMarginKm : 0;
    const chosen = byDistance.find((s) => shipped(s) && km(s) - km(nearest) <= margin) ?? nearest;

    const from = origin ? `from ${request.shipFrom.city ?? request.shipFrom.province}` : 'origin not on the map';
    const stock =
      best === skus.size ? 'stocks every SKU' : `stocks ${best} of ${skus.size} SKU(s), no warehouse stocks all`;
    const distance = origin ? `, ${Math.round(km(chosen))} km` : '';
    const why =
      chosen === nearest
        ? `nearest of ${suitable.length} suitable warehouse(s)${shipped(chosen) ? ', shipped the order' : ''}`
        : `shipped the order, within ${margin} km of the nearest (${nearest.code}, ${Math.round(km(nearest))} km)`;
    return { ok: true, warehouseId: chosen.id, reason: `${chosen.code}: ${why}; ${stock} (${from}${distance})` };
  }
}
