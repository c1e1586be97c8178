import type { ReturnReceiptStatus } from './return-status';
import type { ReturnReceipt } from './return-receipt.type';

/** One line of a receipt: what came back and, once inspected, how its units were judged. */
export interface ReceiptLine {
  lineNo: number;
  sku: string;
  quantity: number;
  restocked?: number;
  refurbished?: number;
  scrapped?: number;
  /** Of the refurbished units, those mended and put back on hand since (completeRefurbishment). */
  refurbishedRestocked?: number;
  /** Of the refurbished units, those scrapped after all. */
  refurbishedScrapped?: number;
}

/** A `return_receipt` row as the services read it (camel-cased by the select list). */
export interface ReceiptRow {
  returnId: string;
  orderId: string;
  channel: string;
  warehouseId: string;
  status: ReturnReceiptStatus;
  reason: string;
  routingReason: string;
  lines: ReceiptLine[];
  createdAt: Date;
  receivedAt: Date | null;
  inspectedAt: Date | null;
}

/** The select list that yields a `ReceiptRow`; `r` is the table's alias. */
export const RECEIPT_COLUMNS = `r.return_id AS "returnId", r.order_id AS "orderId", r.channel,
  r.warehouse_id AS "warehouseId", r.status, r.reason, r.routing_reason AS "routingReason", r.lines,
  r.created_at AS "createdAt", r.received_at AS "receivedAt", r.inspected_at AS "inspectedAt"`;

/**
 * SQL condition: the receipt aliased `alias` is of one of the channels in the
 * `text[]` parameter `param`, or the parameter is NULL (the caller sees every
 * channel).
 */
export const receiptInChannels = (alias: string, param: string): string =>
  `(${param}::text[] IS NULL OR ${alias}.channel = ANY(${param}::text[]))`;

export const toReturnReceipt = (row: ReceiptRow): ReturnReceipt => ({
  returnId: row.returnId,
  orderId: row.orderId,
  warehouseId: row.warehouseId,
  status: row.status,
  reason: row.reason,
  routingReason: row.routingReason,
  createdAt: row.createdAt,
  receivedAt: row.receivedAt,
  inspectedAt: row.inspectedAt,
  lines: row.lines.map((l) => ({
    lineNo: l.lineNo,
    sku: l.sku,
    quantity: l.quantity,
    restocked: l.restocked ?? null,
    refurbished: l.refurbished ?? null,
    scrapped: l.scrapped ?? null,
    refurbishedRestocked: l.refurbished === undefined ? null : (l.refurbishedRestocked ?? 0),
    refurbishedScrapped: l.refurbished === undefined ? null : (l.refurbishedScrapped ?? 0),
  })),
});
