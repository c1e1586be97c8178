import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Why stock moved: every change of on-hand or reserved writes one row. */
export type StockMovementKind =
  | 'RECEIVE'
  | 'RESERVE'
  | 'RELEASE'
  | 'SHIP'
  | 'ADJUST'
  | 'RETURN'
  | 'TRANSFER_OUT'
  | 'TRANSFER_IN';

/** The append-only stock ledger, written in the same transaction as the change it records. */
@Entity({ name: 'stock_movement' })
@Index('ix_stock_movement_sku_warehouse', ['sku', 'warehouseId'])
export class StockMovementEntity {
  /** bigserial: pg returns int8 as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('text')
  sku: string;

  @Column('uuid', { name: 'warehouse_id' })
  warehouseId: string;

  @Column('text')
  kind: StockMovementKind;

  /** Signed for ADJUST and the transfers (negative: stock leaving); the other kinds count up, their kind says which way. */
  @Column('int')
  quantity: number;

  @Column('text')
  reason: string;

  /** The order in the orders subgraph that caused the movement, if any (an id, not a foreign key). */
  @Column('uuid', { name: 'order_id', nullable: true })
  orderId: string | null;

  /** The transfer between warehouses that moved the units (TRANSFER_OUT, TRANSFER_IN), if any. */
  @Column('uuid', { name: 'transfer_id', nullable: true })
  transferId: string | null;

  /** The return whose restocked units these are (RETURN after an inspection), if any. */
  @Column('uuid', { name: 'return_id', nullable: true })
  returnId: string | null;

  @Column('timestamptz')
  at: Date;

  /** The movement concerns the presale pool rather than regular stock. */
  @Column('boolean', { default: false })
  presale: boolean;
}
