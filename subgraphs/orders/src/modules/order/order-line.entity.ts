import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrderEntity } from './order.entity';

/** One line of an order; priced in the order's currency. */
@Entity({ name: 'order_line' })
export class OrderLineEntity {
  @PrimaryColumn('uuid', { name: 'order_id' })
  orderId: string;

  @PrimaryColumn('int', { name: 'line_no' })
  lineNo: number;

  @ManyToOne(
    () => OrderEntity,
    (order) => order.lines,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  /** A product sku; products live in the inventory subgraph, so no foreign key. */
  @Column('text')
  sku: string;

  @Column('int')
  quantity: number;

  @Column('numeric', { name: 'unit_price', precision: 14, scale: 2 })
  unitPrice: string;

  @Column('boolean', { default: false })
  presale: boolean;
}
