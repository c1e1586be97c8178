import { Field, ObjectType } from 'type-graphql';
import { ShipmentStatus } from '../shipment/shipment-status.type';

@ObjectType({ description: 'One carrier scan of a shipment.' })
export class TrackingEvent {
  @Field(() => Date, { description: "When the carrier scanned the parcel, by the carrier's clock." })
  at: Date;

  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;
}
