import type { Queryable } from '@supply-graph/shared';
import type { StockPair } from '../forecast/forecast-store';

/**
 * Units on their way to each SKU x warehouse (`pairKey`) and not yet
 * received: replenishment counts them as coming, and they are available at
 * neither end meanwhile. Pairs with nothing inbound are absent.
 *
 * TODO(issue 13, rebalancing): transfers are not stored yet, so nothing is in transit.
 */
export async function inboundInTransit(_db: Queryable, _pairs: readonly StockPair[]): Promise<Map<string, number>> {
  return new Map();
}
