import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ShipmentDirection } from './shipment-direction.type';
import { ShipmentStatus } from './shipment-status.type';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'One parcel of an order with one carrier: from one warehouse to the buyer (OUTBOUND), or back from the buyer to ' +
    'one warehouse (RETURN).',
})
export class Shipment {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "The carrier's tracking number; unique per carrier." })
  trackingNumber: string;

  @Field(() => ShipmentStatus, {
    description: 'The furthest step its tracking events reached, in whatever order they arrived (see ShipmentStatus).',
  })
  status: ShipmentStatus;

  @Field(() => Date, { description: 'When the shipment was planned.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  estimatedDeliveryAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The time of the latest DELIVERED scan (never earlier than createdAt); set exactly when one exists.',
  })
  deliveredAt: Date | null;

  @Field(() => ShipmentDirection, { description: 'OUTBOUND to the buyer, or RETURN to the warehouse.' })
  direction: ShipmentDirection;

  @Field(() => ID, { nullable: true, description: 'The return a RETURN shipment carries; null for OUTBOUND.' })
  returnId: string | null;

  // Ids the field resolvers turn into references; not exposed as fields.
  orderId: string;
  customerId: string | null;
  warehouseId: string;
  carrierCode: string;
  /** The order's channel, kept for access checks; not exposed (Order.channel says it). */
  channel: string | null;
}
