import { BalancedCarrierSelection, type CarrierSelectionStrategy } from './modules/planning/carrier-selection.strategy';

/**
 * The swappable parts of the logistics subgraph. They are chosen here and
 * nowhere else; the composition root (`createLogisticsSubgraph`) hands them
 * to the code that uses them.
 */
export interface LogisticsStrategies {
  /** Which carrier takes each parcel of a reserved order, and its tracking number. */
  carrierSelection: CarrierSelectionStrategy;
}

/** The strategies `npm start` and the standalone service run with. */
export function defaultLogisticsStrategies(): LogisticsStrategies {
  return { carrierSelection: new BalancedCarrierSelection() };
}
