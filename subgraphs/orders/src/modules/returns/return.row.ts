import { encodeCursor } from '@supply-graph/shared';
import type { Return, ReturnReason, ReturnStatus } from './return.type';

/** The columns of an order_return row as `ReturnRow` names them (table alias r). */
export const RETURN_COLUMNS = `
  r.id, r.order_id AS "orderId", r.channel_code AS "channelCode", r.status, r.reason, r.note, r.source,
  r.external_id AS "externalId", r.currency, r.refund, r.refund_shipping AS "refundShipping",
  r.requested_at AS "requestedAt", r.authorised_at AS "authorisedAt", r.received_at AS "receivedAt",
  r.inspected_at AS "inspectedAt", r.refunded_at AS "refundedAt", r.version`;

export interface ReturnRow {
  id: string;
  orderId: string;
  channelCode: string;
  status: ReturnStatus;
  reason: ReturnReason;
  note: string | null;
  source: string;
  externalId: string | null;
  currency: string;
  refund: string | null;
  refundShipping: string;
  requestedAt: Date;
  authorisedAt: Date | null;
  receivedAt: Date | null;
  inspectedAt: Date | null;
  refundedAt: Date | null;
  version: number;
}

export function toReturn(row: ReturnRow): Return {
  return {
    id: row.id,
    orderId: row.orderId,
    channelCode: row.channelCode,
    currency: row.currency,
    status: row.status,
    reason: row.reason,
    note: row.note,
    source: row.source,
    externalId: row.externalId,
    refund: row.refund === null ? null : { amount: row.refund, currency: row.currency },
    shippingRefund: { amount: row.refundShipping, currency: row.currency },
    requestedAt: row.requestedAt,
    authorisedAt: row.authorisedAt,
    receivedAt: row.receivedAt,
    inspectedAt: row.inspectedAt,
    refundedAt: row.refundedAt,
    version: row.version,
  };
}

export const returnCursor = (r: Return): string => encodeCursor(r.requestedAt.toISOString(), r.id);

/** The columns `requestReturn` and imports write; the rest keep their defaults until the return moves on. */
export interface OrderReturnInsert {
  id: string;
  order_id: string;
  channel_code: string;
  customer_id: string | null;
  status: string;
  reason: string;
  note: string | null;
  source: string;
  external_id: string | null;
  currency: string;
  requested_at: Date;
}

export interface OrderReturnLineInsert {
  return_id: string;
  line_no: number;
  sku: string;
  quantity: number;
}
