import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { ShipmentEntity } from '../shipment/shipment.entity';
import type { ShipmentStatus } from '../shipment/shipment-status.type';

/** One carrier scan. (shipment, at, status) is unique so a resent webhook stores nothing new. */
@Entity({ name: 'tracking_event' })
@Unique('uq_tracking_event', ['shipmentId', 'at', 'status'])
export class TrackingEventEntity {
  /** bigserial: pg returns int8 as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'shipment_id' })
  shipmentId: string;

  @ManyToOne(
    () => ShipmentEntity,
    (shipment) => shipment.events,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'shipment_id' })
  shipment?: Relation<ShipmentEntity>;

  /** When the carrier scanned the parcel (the carrier's clock, not ours). */
  @Column('timestamptz')
  at: Date;

  @Column('text')
  status: ShipmentStatus;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text', { nullable: true })
  description: string | null;
}
