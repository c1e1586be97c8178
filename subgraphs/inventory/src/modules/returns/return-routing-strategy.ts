import type { AddressPayload } from '@supply-graph/shared';

/** A warehouse that may receive a return: it accepts returns; `stocks` says which of the return's SKUs it keeps. */
export interface ReturnSite {
  id: string;
  code: string;
  city: string;
  latitude: number;
  longitude: number;
  /** The return's SKUs this warehouse has a stock level for. */
  stocks: string[];
}

/** What a return carries and where it comes from. */
export interface ReturnRoutingRequest {
  skus: string[];
  shipFrom: AddressPayload;
  /** The warehouses that shipped the order, preferred when as near as the nearest. */
  shippedFrom: string[];
}

export type ReturnRoutingDecision = { ok: true; warehouseId: string; reason: string } | { ok: false; reason: string };

/**
 * Decides which warehouse receives a return. The returns consumer hands it
 * every warehouse that accepts returns (with the return's SKUs each one
 * stocks) and writes the receipt and `return.routed` with its answer in one
 * transaction. A strategy is pure: no I/O, same answer for the same input.
 */
export interface ReturnRoutingStrategy {
  readonly name: string;
  route(request: ReturnRoutingRequest, sites: ReturnSite[]): ReturnRoutingDecision;
}
