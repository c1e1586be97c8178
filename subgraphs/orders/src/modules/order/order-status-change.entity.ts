import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { OrderStatusName } from '@supply-graph/shared';
import { OrderEntity } from './order.entity';

/** One step of an order's status history; the first row has no `fromStatus`. */
@Entity({ name: 'order_status_change' })
@Index('ix_order_status_change_order', ['orderId', 'at', 'id'])
export class OrderStatusChangeEntity {
  /** bigint: pg returns it as a string. Breaks ties between changes at the same instant. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'order_id' })
  orderId: string;

  @ManyToOne(
    () => OrderEntity,
    (order) => order.history,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus: OrderStatusName | null;

  @Column('text', { name: 'to_status' })
  toStatus: OrderStatusName;

  @Column('timestamptz')
  at: Date;

  @Column('text', { nullable: true })
  reason: string | null;
}
