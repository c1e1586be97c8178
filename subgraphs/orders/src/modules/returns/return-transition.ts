import {
  EventTypes,
  returnedRows,
  type AlertCleared,
  type EventTransaction,
  type ReturnAuthorised,
  alertClearedEvent,
} from '@supply-graph/shared';
import { type ReturnStatus, returnSourcesOf, stampColumnOf } from './return-status.machine';

export interface ReturnMove {
  returnId: string;
  orderId: string;
  channel: string;
  from: ReturnStatus;
  to: ReturnStatus;
  version: number;
}

/**
 * Moves a return to `to` inside the caller's transaction when the table allows
 * it from its current status: one guarded UPDATE (concurrent moves cannot both
 * win), the status's timestamp, version + 1 and a history entry. Null when the
 * return is not in a status `to` can be reached from (the caller decides:
 * CONFLICT for an operator, skip for a late or repeated event).
 */
export async function moveReturn(
  tx: EventTransaction,
  returnId: string,
  to: ReturnStatus,
  reason: string | null,
  at: Date = new Date(),
): Promise<ReturnMove | null> {
  const stamp = stampColumnOf(to);
  const rows = returnedRows<{ previous: ReturnStatus; version: number; order_id: string; channel_code: string }>(
    await tx.manager.query(
      `UPDATE order_return r SET status = $2, version = r.version + 1
         ${stamp ? `, ${stamp} = coalesce(r.${stamp}, $4)` : ''}
       FROM (SELECT id, status AS previous FROM order_return WHERE id = $1 FOR UPDATE) p
       WHERE r.id = p.id AND p.previous = ANY($3::text[])
       RETURNING p.previous, r.version, r.order_id, r.channel_code`,
      stamp ? [returnId, to, returnSourcesOf(to), at] : [returnId, to, returnSourcesOf(to)],
    ),
  );
  if (!rows.length) return null;
  const [row] = rows;
  await recordReturnChange(tx, returnId, row.previous, to, at, reason);
  return { returnId, orderId: row.order_id, channel: row.channel_code, from: row.previous, to, version: row.version };
}

export async function recordReturnChange(
  tx: EventTransaction,
  returnId: string,
  from: ReturnStatus | null,
  to: ReturnStatus,
  at: Date,
  reason: string | null,
): Promise<void> {
  await tx.manager.query(
    'INSERT INTO order_return_status_change (return_id, from_status, to_status, at, reason) VALUES ($1, $2, $3, $4, $5)',
    [returnId, from, to, at, reason],
  );
}

interface AuthorisedRow {
  order_id: string;
  channel_code: string;
  customer_id: string | null;
  reason: string;
  authorised_at: Date;
  version: number;
  ship_country: string;
  ship_province: string | null;
  ship_city: string | null;
  lines: { lineNo: number; sku: string; quantity: number }[];
  shipped_from: string[];
}

/**
 * `return.authorised`, built from the stored return: where the parcel comes
 * from is the order's shipping address without street or name, and the
 * warehouses that shipped the order are the ones its shipment events named.
 */
export async function emitReturnAuthorised(tx: EventTransaction, returnId: string): Promise<ReturnAuthorised> {
  const [row] = (await tx.manager.query(
    `SELECT r.order_id, r.channel_code, r.customer_id, r.reason, r.authorised_at, r.version,
            o.ship_country, o.ship_province, o.ship_city,
            (SELECT json_agg(json_build_object('lineNo', l.line_no, 'sku', l.sku, 'quantity', l.quantity)
                    ORDER BY l.line_no) FROM order_return_line l WHERE l.return_id = r.id) AS lines,
            (SELECT coalesce(array_agg(DISTINCT s.warehouse_id::text), '{}') FROM order_shipment s
              WHERE s.order_id = r.order_id AND s.warehouse_id IS NOT NULL) AS shipped_from
       FROM order_return r JOIN sales_order o ON o.id = r.order_id WHERE r.id = $1`,
    [returnId],
  )) as AuthorisedRow[];
  const payload: ReturnAuthorised = {
    returnId,
    orderId: row.order_id,
    channel: row.channel_code,
    customerId: row.customer_id,
    lines: row.lines ?? [],
    reason: row.reason,
    shipFrom: { country: row.ship_country, province: row.ship_province, city: row.ship_city },
    shippedFrom: row.shipped_from,
    authorisedAt: new Date(row.authorised_at).toISOString(),
  };
  await tx.emit({
    type: EventTypes.returnAuthorised,
    aggregateType: 'return',
    aggregateId: returnId,
    aggregateVersion: row.version,
    payload,
  });
  return payload;
}

/** The desk's dedupe key of a return's review item. */
export const reviewAlertKey = (returnId: string) => `orders:RETURN_REVIEW:${returnId}`;

/** An operator decided a return outside the desk (or through it): its review item has nothing left to do. */
export async function clearReviewAlert(tx: EventTransaction, returnId: string, reason: string): Promise<void> {
  const payload: AlertCleared = {
    alertKey: reviewAlertKey(returnId),
    source: 'orders',
    at: new Date().toISOString(),
    reason,
  };
  await tx.emit(alertClearedEvent(payload));
}
