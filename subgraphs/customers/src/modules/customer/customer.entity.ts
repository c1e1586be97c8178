import { Column, Entity, Index, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { ChannelIdentityEntity } from './channel-identity.entity';

/** The golden customer: one row per real buyer, whatever channels they use. */
@Entity({ name: 'customer' })
export class CustomerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  /** Lower-cased, trimmed email: the key the golden-customer match uses. */
  @Index()
  @Column('text', { name: 'email_normalized', nullable: true })
  emailNormalized: string | null;

  /** E.164 digits only: the key the golden-customer match uses. */
  @Index()
  @Column('text', { name: 'phone_normalized', nullable: true })
  phoneNormalized: string | null;

  /** A channel's guest (an order that named nobody, a store's walk-ins): never matched by email or phone. */
  @Column('boolean', { default: false })
  guest: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @OneToMany(
    () => ChannelIdentityEntity,
    (identity) => identity.customer,
  )
  identities?: Relation<ChannelIdentityEntity[]>;
}
