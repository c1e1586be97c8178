import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, Unique, type Relation } from 'typeorm';
import type { OrderStatusName } from '@supply-graph/shared';
import { ChannelEntity } from '../channel/channel.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatusChangeEntity } from './order-status-change.entity';

/**
 * One order as a channel sent it. `sales_order` because ORDER is reserved in SQL.
 * The buyer is a customer id (customers live in another subgraph, so no foreign key).
 */
@Entity({ name: 'sales_order' })
@Unique('uq_sales_order_channel_external', ['channelCode', 'externalId'])
@Index('ix_sales_order_customer_placed', ['customerId', 'placedAt', 'id'])
@Index('ix_sales_order_placed', ['placedAt', 'id'])
export class OrderEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'channel_code' })
  channelCode: string;

  @ManyToOne(() => ChannelEntity)
  @JoinColumn({ name: 'channel_code' })
  channel?: Relation<ChannelEntity>;

  /** The channel's own order number; unique per channel. */
  @Column('text', { name: 'external_id' })
  externalId: string;

  /** Null while the buyer awaits identification (accepted while customers was unavailable). */
  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId: string | null;

  @Index('ix_sales_order_status')
  @Column('text')
  status: OrderStatusName;

  /** Increases by one on every status change (optimistic concurrency). */
  @Column('int', { default: 1 })
  version: number;

  @Column('char', { length: 3 })
  currency: string;

  @Column('numeric', { precision: 14, scale: 2 })
  subtotal: string;

  @Column('numeric', { precision: 14, scale: 2 })
  discount: string;

  @Column('numeric', { precision: 14, scale: 2, name: 'shipping_fee' })
  shippingFee: string;

  /**
   * Tax the buyer pays, in minor units, whether the channel put it in the prices
   * or on top of them. bigint, so the driver reads it as a string.
   */
  @Column('bigint', { name: 'tax_minor', default: 0 })
  taxMinor: string;

  /** subtotal - discount + shippingFee, plus tax the channel added on top of the prices: what the buyer pays. */
  @Column('numeric', { precision: 14, scale: 2 })
  total: string;

  @Column('text', { name: 'ship_name', nullable: true })
  shipName: string | null;

  @Column('text', { name: 'ship_phone', nullable: true })
  shipPhone: string | null;

  @Column('char', { name: 'ship_country', length: 2 })
  shipCountry: string;

  @Column('text', { name: 'ship_province', nullable: true })
  shipProvince: string | null;

  @Column('text', { name: 'ship_city', nullable: true })
  shipCity: string | null;

  @Column('text', { name: 'ship_line1', nullable: true })
  shipLine1: string | null;

  @Column('text', { name: 'ship_postal_code', nullable: true })
  shipPostalCode: string | null;

  /** Millisecond precision, so a cursor built from a JS Date points at exactly this row. */
  @Column({ type: 'timestamptz', name: 'placed_at', precision: 3 })
  placedAt: Date;

  /**
   * The shipping address reduced to a match key, a column PostgreSQL generates
   * (see the Risk migration; risk checks look for other orders to the same
   * address). Never written, and not selected unless asked for. Declared
   * without TypeORM's `generatedType`, which would add a typeorm_metadata table.
   */
  @Column({ type: 'text', name: 'ship_address_key', nullable: true, insert: false, update: false, select: false })
  shipAddressKey?: string | null;

  @Column('double precision', { name: 'risk_score', default: 0 })
  riskScore: number;

  @Column('text', { name: 'risk_flags', array: true, default: () => "'{}'" })
  riskFlags: string[];

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @OneToMany(
    () => OrderLineEntity,
    (line) => line.order,
  )
  lines?: Relation<OrderLineEntity[]>;

  @OneToMany(
    () => OrderStatusChangeEntity,
    (change) => change.order,
  )
  history?: Relation<OrderStatusChangeEntity[]>;
}
