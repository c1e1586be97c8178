import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { CustomerEntity } from './customer.entity';

/** A buyer's account on one channel; (channel, externalId) names exactly one customer. */
@Entity({ name: 'channel_identity' })
@Unique('uq_channel_identity', ['channel', 'externalId'])
export class ChannelIdentityEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @ManyToOne(
    () => CustomerEntity,
    (customer) => customer.identities,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity>;

  @Column('text')
  channel: string;

  @Column('text', { name: 'external_id' })
  externalId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
