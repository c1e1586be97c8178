import { Field, InputType } from 'type-graphql';
import { ShipmentStatus } from '../shipment/shipment-status';

@InputType({ description: "A carrier's tracking webhook: one scan of one parcel." })
export class TrackingEventInput {
  @Field(() => String, { description: 'Carrier code, e.g. "sf".' })
  carrier: string;

  @Field(() => String)
  trackingNumber: string;

  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => Date, { description: 'Scan time; at most one hour ahead of our clock.' })
  at: Date;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
