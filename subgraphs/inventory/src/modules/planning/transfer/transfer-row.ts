import type { TransferStatus } from './transfer-status';
import type { StockTransfer } from './transfer.type';

/** A `stock_transfer` row as the services read it (camel-cased by the select list). */
export interface TransferRow {
  id: string;
  sku: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  received: number;
  returned: number;
  status: TransferStatus;
  reason: string;
  reference: string | null;
  belowSafetyStock: boolean;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/** The select list that yields a `TransferRow`; `t` is the table's alias. */
export const TRANSFER_COLUMNS = `t.id, t.sku, t.from_warehouse_id AS "fromWarehouseId",
  t.to_warehouse_id AS "toWarehouseId", t.quantity, t.received, t.returned, t.status, t.reason, t.reference,
  t.below_safety_stock AS "belowSafetyStock", t.cancel_reason AS "cancelReason", t.created_at AS "createdAt",
  t.updated_at AS "updatedAt", t.closed_at AS "closedAt"`;

/** Units of the transfer still on the way. */
export const inTransitOf = (row: Pick<TransferRow, 'quantity' | 'received' | 'returned'>): number =>
  row.quantity - row.received - row.returned;

export const toStockTransfer = (row: TransferRow): StockTransfer => ({ ...row, inTransit: inTransitOf(row) });
