import { NearestFullFillStrategy } from './modules/reservation/routing/nearest-full-fill.strategy';
import type { RoutingStrategy } from './modules/reservation/routing/routing-strategy';
import { NearestReturnsWarehouse } from './modules/returns/nearest-returns.strategy';
import type { ReturnRoutingStrategy } from './modules/returns/return-routing-strategy';
import type { PackingStrategy } from './modules/packing/packing-strategy';
import { SmallestBoxPacking } from './modules/packing/smallest-box.strategy';

/**
 * The swappable parts of the inventory subgraph. They are chosen here and
 * nowhere else: the composition root (`createInventorySubgraph`) hands them to
 * the event consumers and puts them on every request's context, so an order
 * is routed the same way whether it arrives as an event or waits for stock an
 * operator adds.
 */
export interface InventoryStrategies {
  /** Which warehouses fill an order (new orders, backorders, freed and returned stock). */
  routing: RoutingStrategy;
  /** Which warehouse receives an authorised return. */
  returnRouting: ReturnRoutingStrategy;
  /** Which boxes a reserved order's units go in, per warehouse (the parcels `stock.reserved` carries). */
  packing: PackingStrategy;
}

/** The strategies `npm start` and the standalone service run with. */
export function defaultInventoryStrategies(): InventoryStrategies {
  return {
    routing: new NearestFullFillStrategy(),
    returnRouting: new NearestReturnsWarehouse(),
    packing: new SmallestBoxPacking(),
  };
}
