import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A sellable item, keyed by the SKU every channel and subgraph uses. */
@Entity({ name: 'product' })
export class ProductEntity {
  @PrimaryColumn('text')
  sku: string;

  @Column('text')
  name: string;

  /** numeric(14,2); pg returns it as a string and it stays one (never a JS float). */
  @Column('numeric', { precision: 14, scale: 2 })
  price: string;

  @Column('int', { name: 'weight_grams' })
  weightGrams: number;

  /** Packed size in mm; all three null when nobody measured it (packing then assumes a default). */
  @Column('int', { name: 'length_mm', nullable: true })
  lengthMm: number | null;

  @Column('int', { name: 'width_mm', nullable: true })
  widthMm: number | null;

  @Column('int', { name: 'height_mm', nullable: true })
  heightMm: number | null;

  /** Can no longer be ordered (orders learns it from `product.catalogued`). */
  @Column('boolean', { default: false })
  discontinued: boolean;

  /**
   * Grows with each change orders can see; kept by a trigger that also announces the change (see the ProductCatalogue
   * migration).
   */
  @Column('int', { name: 'catalog_version', default: 1 })
  catalogVersion: number;
}
