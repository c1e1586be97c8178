import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Stock of one SKU in one warehouse. `reserved` counts units promised to
 * allocated orders; the table's checks keep 0 <= reserved <= on_hand.
 */
@Entity({ name: 'stock_level' })
export class StockLevelEntity {
  @PrimaryColumn('text')
  sku: string;

  @PrimaryColumn('uuid', { name: 'warehouse_id' })
  warehouseId: string;

  @Column('int', { name: 'on_hand' })
  onHand: number;

  @Column('int')
  reserved: number;

  /** Presale units, kept apart from the regular ones with the same guards: 0 <= presale_reserved <= presale_on_hand. */
  @Column('int', { name: 'presale_on_hand', default: 0 })
  presaleOnHand: number;

  @Column('int', { name: 'presale_reserved', default: 0 })
  presaleReserved: number;

  @Column('int', { name: 'safety_stock', default: 0 })
  safetyStock: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
