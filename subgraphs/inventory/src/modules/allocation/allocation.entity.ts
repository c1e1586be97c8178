import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Units of one order line reserved in one warehouse. Released allocations stay
 * (with `releasedAt`) so the history of a cancelled order remains readable.
 */
@Entity({ name: 'allocation' })
export class AllocationEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The order in the orders subgraph: an id, never a foreign key. */
  @Index('ix_allocation_order')
  @Column('uuid', { name: 'order_id' })
  orderId: string;

  @Column('text')
  sku: string;

  @Column('uuid', { name: 'warehouse_id' })
  warehouseId: string;

  @Column('int')
  quantity: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'released_at', nullable: true })
  releasedAt: Date | null;

  /** Why the router chose this warehouse, for operators. */
  @Column('text', { nullable: true })
  reason: string | null;

  /** When the units left with a carrier (stock then leaves on_hand too). */
  @Column('timestamptz', { name: 'shipped_at', nullable: true })
  shippedAt: Date | null;

  /** When shipped units came back into stock. */
  @Column('timestamptz', { name: 'returned_at', nullable: true })
  returnedAt: Date | null;

  /** The channel whose quota the units count against; null for allocations made before quotas existed. */
  @Column('text', { nullable: true })
  channel: string | null;

  /** Reserved from the presale pool rather than regular stock. */
  @Column('boolean', { default: false })
  presale: boolean;
}
