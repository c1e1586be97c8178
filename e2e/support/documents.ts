import { graphql } from '../generated/suites';

/** Places an order (`placeOrder`); the answer says whether it was created, and its id and status. */
export const PLACE_ORDER = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }
`);

/** A carrier's scan (`recordTrackingEvent`); the answer is the shipment's id and status after it. */
export const RECORD_SCAN = graphql(`
  mutation RecordScan($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }
`);
