import { TextLimits, checkText, inputBound, problemsOf, textBound } from '@supply-graph/shared';
import { Field, InputType } from 'type-graphql';
import { ShipmentStatus } from '../shipment/shipment-status.type';

const chars = (max: number, multiline = false) => textBound(max, { multiline }).description;

/** The bounds of a `TrackingEventInput`; the scan time's range is the service's (at most an hour ahead). */
export const trackingEventBound = inputBound((input) =>
  problemsOf(
    checkText('carrier', input.carrier, { max: TextLimits.code }),
    checkText('trackingNumber', input.trackingNumber, { max: TextLimits.externalId }),
    checkText('location', input.location, { max: TextLimits.note }),
    checkText('description', input.description, { max: TextLimits.note, multiline: true }),
  ),
);

@InputType({ description: "A carrier's tracking webhook: one scan of one parcel." })
export class TrackingEventInput {
  @Field(() => String, { description: `Carrier code, e.g. "sf". ${chars(TextLimits.code)}` })
  carrier: string;

  @Field(() => String, { description: chars(TextLimits.externalId) })
  trackingNumber: string;

  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => Date, { description: 'Scan time; at most one hour ahead of our clock.' })
  at: Date;

  @Field(() => String, { nullable: true, description: chars(TextLimits.note) })
  location?: string | null;

  @Field(() => String, { nullable: true, description: chars(TextLimits.note, true) })
  description?: string | null;
}
