import { graphql } from '../generated/suites';
import type { BuyerInput, OrderLineInput, PlaceOrderInput } from '../generated/suites/graphql';

/** Places an order (`placeOrder`); the answer says whether it was created, and its id and status. */
export const PLACE_ORDER = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }
`);

/** A carrier's scan (`recordTrackingEvent`); the answer is the shipment's id and status after it. */
export const RECORD_SCAN = graphql(`
  mutation RecordScan($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }
`);

/**
 * A webstore order in CNY from `buyer`, shipped to them at `line1` in Shanghai (near the SHA warehouse).
 * Suites placing many orders give each a street of its own: the velocity risk rule would hold many
 * orders to one address.
 */
export const shanghaiOrder = (
  externalId: string,
  buyer: BuyerInput,
  lines: OrderLineInput[],
  line1: string,
): PlaceOrderInput => ({
  channel: 'webstore',
  externalId,
  buyer,
  currency: 'CNY',
  lines,
  shippingAddress: {
    name: buyer.name,
    phone: buyer.phone,
    country: 'CN',
    province: 'Shanghai',
    city: 'Shanghai',
    line1,
  },
});
