import { registerEnumType } from 'type-graphql';

/** Which way a parcel goes. */
export enum ShipmentDirection {
  OUTBOUND = 'OUTBOUND',
  RETURN = 'RETURN',
}

registerEnumType(ShipmentDirection, {
  name: 'ShipmentDirection',
  description: 'Which way a parcel goes.',
  valuesConfig: {
    OUTBOUND: { description: "From a warehouse to the buyer: it drives the order's fulfilment status." },
    RETURN: {
      description: "From the buyer back to a warehouse (a return): its scans never change the order's own status.",
    },
  },
});
