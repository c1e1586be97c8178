import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stocking location; shipments leave from one and allocations reserve stock in one. */
@Entity({ name: 'warehouse' })
export class WarehouseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  region: string;

  @Column('text')
  city: string;

  @Column('double precision')
  latitude: number;

  @Column('double precision')
  longitude: number;

  /** Returns may be routed here (modules/returns); an operator turns it off for a site that cannot take them. */
  @Column('boolean', { name: 'accepts_returns', default: true })
  acceptsReturns: boolean;
}
