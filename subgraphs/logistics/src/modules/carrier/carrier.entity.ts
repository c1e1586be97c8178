import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CarrierMode } from './carrier.service';

/** A parcel carrier; its code is what webhooks and tracking numbers are scoped by. */
@Entity({ name: 'carrier' })
export class CarrierEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  mode: CarrierMode;
}
