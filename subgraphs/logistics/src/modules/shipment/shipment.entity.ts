import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { CarrierEntity } from '../carrier/carrier.entity';
import { TrackingEventEntity } from '../tracking/tracking-event.entity';
import type { ShipmentDirection } from './shipment-direction.type';
import type { ShipmentStatus } from './shipment-status.type';

/**
 * One parcel handed to a carrier. Order, customer and warehouse belong to other
 * subgraphs: they are ids here, never foreign keys.
 */
@Entity({ name: 'shipment' })
@Unique('uq_shipment_tracking', ['carrierCode', 'trackingNumber'])
export class ShipmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_shipment_order')
  @Column('uuid', { name: 'order_id' })
  orderId: string;

  /** The buyer; null only for a guest's return shipment. */
  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId: string | null;

  @Column('uuid', { name: 'warehouse_id' })
  warehouseId: string;

  @Column('text', { name: 'carrier_code' })
  carrierCode: string;

  @ManyToOne(() => CarrierEntity)
  @JoinColumn({ name: 'carrier_code' })
  carrier?: Relation<CarrierEntity>;

  @Column('text', { name: 'tracking_number' })
  trackingNumber: string;

  @Column('text')
  status: ShipmentStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'estimated_delivery_at', nullable: true })
  estimatedDeliveryAt: Date | null;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  /** Planned distance, kept from the planning event for the carbon estimate; null when it was not known. */
  @Column('double precision', { name: 'distance_km', nullable: true })
  distanceKm: number | null;

  /** Units in the parcel, kept for the carbon estimate; null for shipments planned before it was recorded. */
  @Column('int', { nullable: true })
  units: number | null;

  /** Gross weight of its packages, kept for the carbon estimate; null when inventory sent none. */
  @Column('int', { name: 'weight_grams', nullable: true })
  weightGrams: number | null;

  /**
   * The order's sales channel; null for shipments planned before it was recorded (seen only by callers of every
   * channel).
   */
  @Column('text', { nullable: true })
  channel: string | null;

  /** OUTBOUND to the buyer, or RETURN from the buyer to a warehouse. */
  @Column('text', { default: 'OUTBOUND' })
  direction: ShipmentDirection;

  /** The return (orders) a RETURN shipment carries; null for OUTBOUND. */
  @Column('uuid', { name: 'return_id', nullable: true })
  returnId: string | null;

  /** The desk alert of the shipment's current EXCEPTION, cleared when it leaves that status (exception-alert.ts). */
  @Column('text', { name: 'open_alert_key', nullable: true })
  openAlertKey: string | null;

  @OneToMany(
    () => TrackingEventEntity,
    (event) => event.shipment,
  )
  events?: Relation<TrackingEventEntity[]>;
}

/**
 * The shipment columns under the entity's property names, for raw SQL whose
 * rows must look like `ShipmentEntity` (window functions the query builder
 * cannot express). `s` is the shipment table's alias.
 */
export const SHIPMENT_COLUMNS = `
  s.id, s.order_id AS "orderId", s.customer_id AS "customerId", s.warehouse_id AS "warehouseId",
  s.carrier_code AS "carrierCode", s.tracking_number AS "trackingNumber", s.status,
  s.created_at AS "createdAt", s.estimated_delivery_at AS "estimatedDeliveryAt", s.delivered_at AS "deliveredAt",
  s.channel, s.direction, s.return_id AS "returnId"`;
