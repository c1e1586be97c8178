import { graphql } from '../generated/suites';
import type { ShipmentStatus } from '../generated/suites/graphql';
import { RECORD_SCAN } from '../support/documents';
import type { PlatformUnderTest } from '../support/use-platform';
import { eventually } from '../support/wait';

/** A buyer's request to send units back (`requestReturn`); the answer is the return as created. */
export const REQUEST_RETURN = graphql(`
  mutation ReturnsRequest($input: RequestReturnInput!) {
    requestReturn(input: $input) { id status reason lines { lineNo sku quantity } }
  }
`);

const OUTBOUND = graphql(`
  query ReturnsOutboundParcels($id: ID!) {
    order(id: $id) { status shipments { id trackingNumber carrier { code } } }
  }
`);

export interface Parcel {
  id: string;
  trackingNumber: string;
  carrier: { code: string };
}

/**
 * The moves of the return suites: a carrier's scan of a parcel, and an order taken from ALLOCATED to
 * DELIVERED the way a carrier does it (only a delivered or shipped order may be returned).
 */
export function returnsDriver({ ask }: Pick<PlatformUnderTest, 'ask'>) {
  /**
   * The carrier scans `parcel` as `status`, now: a scan in the future would sort after steps that follow it
   * (a return's history is in time order), so a later scan of a parcel waits for the earlier one's effect.
   */
  const scan = async (parcel: Parcel, status: ShipmentStatus) => {
    const result = await ask(RECORD_SCAN, {
      input: {
        carrier: parcel.carrier.code,
        trackingNumber: parcel.trackingNumber,
        status,
        at: new Date().toISOString(),
      },
    });
    if (result.errors) throw new Error(`recordTrackingEvent failed: ${JSON.stringify(result.errors)}`);
  };

  /**
   * Waits for the order to be ALLOCATED with its parcels, has the carrier scan every one of them DELIVERED,
   * waits for the order to be DELIVERED and returns its parcels.
   */
  const deliver = async (orderId: string): Promise<Parcel[]> => {
    const parcels = await eventually(
      async () => {
        const o = (await ask(OUTBOUND, { id: orderId })).data?.order;
        return o?.status === 'ALLOCATED' && o.shipments?.length ? o.shipments : undefined;
      },
      `order ${orderId} ALLOCATED with its shipments`,
      15_000,
    );
    for (const parcel of parcels) await scan(parcel, 'DELIVERED');
    await eventually(
      async () => (await ask(OUTBOUND, { id: orderId })).data?.order?.status === 'DELIVERED',
      `order ${orderId} DELIVERED`,
    );
    return parcels;
  };

  return { scan, deliver };
}
