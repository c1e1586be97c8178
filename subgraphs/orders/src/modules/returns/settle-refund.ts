import { EventTypes, type EventTransaction, type ReturnInspected, type ReturnRefunded } from '@supply-graph/shared';
import { computeRefund, fromMinor, toMinor, type PaidOrder } from './refund';
import { ReturnStatus } from './return-status.machine';
import { moveReturn } from './return-transition';

interface OrderMoney {
  customer_id: string | null;
  currency: string;
  subtotal: string;
  discount: string;
  shipping_fee: string;
  total: string;
  lines: { lineNo: number; quantity: number; unitPrice: string }[];
}

/**
 * Inspection came back: records what became of each line's units, moves the
 * return to INSPECTED and settles its refund at once (REFUNDED, or CLOSED when
 * nothing is due). Every unit inspected is refunded, whatever became of it
 * (restocked, refurbished or scrapped): the buyer sent it and the warehouse
 * accepted it; units that never arrived are not. False when the return was not
 * in a status inspection can follow (a repeat or a stale event): nothing changes.
 */
export async function settleInspection(tx: EventTransaction, inspected: ReturnInspected): Promise<boolean> {
  const [ret] = (await tx.manager.query('SELECT order_id, reason FROM order_return WHERE id = $1', [
    inspected.returnId,
  ])) as { order_id: string; reason: string }[];
  if (!ret) return false;
  // Returns of one order are settled one after the other: each counts what the earlier ones refunded.
  const [order] = (await tx.manager.query(
    `SELECT o.customer_id, o.currency, o.subtotal, o.discount, o.shipping_fee, o.total,
            (SELECT json_agg(json_build_object('lineNo', l.line_no, 'quantity', l.quantity, 'unitPrice', l.unit_price)
                    ORDER BY l.line_no) FROM order_line l WHERE l.order_id = o.id) AS lines
       FROM sales_order o WHERE o.id = $1 FOR UPDATE`,
    [ret.order_id],
  )) as OrderMoney[];
  const at = new Date(inspected.at);
  const moved = await moveReturn(tx, inspected.returnId, ReturnStatus.INSPECTED, inspectionSummary(inspected), at);
  if (!moved) return false;
  for (const line of inspected.lines) {
    await tx.manager.query(
      `UPDATE order_return_line SET restocked = $3, refurbished = $4, scrapped = $5
        WHERE return_id = $1 AND line_no = $2`,
      [inspected.returnId, line.lineNo, line.restocked, line.refurbished, line.scrapped],
    );
  }
  await tx.manager.query('UPDATE order_return SET warehouse_id = coalesce(warehouse_id, $2) WHERE id = $1', [
    inspected.returnId,
    inspected.warehouseId,
  ]);
  const refund = computeRefund({
    order: paidOrder(order),
    reason: ret.reason,
    units: await unitsOf(tx, 'return_id = $1', inspected.returnId),
    refundedBefore: await unitsOf(
      tx,
      "return_id IN (SELECT id FROM order_return WHERE order_id = $1 AND status = 'REFUNDED')",
      ret.order_id,
    ),
    shippingRefundedBefore: await shippingRefunded(tx, ret.order_id),
  });
  for (const [lineNo, minor] of refund.lines) {
    await tx.manager.query('UPDATE order_return_line SET refund = $3 WHERE return_id = $1 AND line_no = $2', [
      inspected.returnId,
      lineNo,
      fromMinor(minor),
    ]);
  }
  await tx.manager.query('UPDATE order_return SET refund = $2, refund_shipping = $3 WHERE id = $1', [
    inspected.returnId,
    fromMinor(refund.totalMinor),
    fromMinor(refund.shippingMinor),
  ]);
  const to = refund.totalMinor > 0n ? ReturnStatus.REFUNDED : ReturnStatus.CLOSED;
  const settled = await moveReturn(tx, inspected.returnId, to, `refund ${fromMinor(refund.totalMinor)}`, at);
  if (settled?.to === ReturnStatus.REFUNDED) {
    const payload: ReturnRefunded = {
      returnId: inspected.returnId,
      orderId: ret.order_id,
      customerId: order.customer_id,
      channel: settled.channel,
      amount: fromMinor(refund.totalMinor),
      currency: order.currency,
      at: at.toISOString(),
    };
    await tx.emit({
      type: EventTypes.returnRefunded,
      aggregateType: 'return',
      aggregateId: inspected.returnId,
      aggregateVersion: settled.version,
      payload,
    });
  }
  return true;
}

function paidOrder(order: OrderMoney): PaidOrder {
  return {
    lines: (order.lines ?? []).map((l) => ({
      lineNo: l.lineNo,
      quantity: l.quantity,
      unitMinor: toMinor(String(l.unitPrice)),
    })),
    subtotalMinor: toMinor(order.subtotal),
    discountMinor: toMinor(order.discount),
    shippingMinor: toMinor(order.shipping_fee),
    totalMinor: toMinor(order.total),
  };
}

/** Inspected units per order line of the return lines matching `where` ($1 bound to `value`). */
async function unitsOf(tx: EventTransaction, where: string, value: string): Promise<Map<number, number>> {
  const rows = (await tx.manager.query(
    `SELECT line_no AS "lineNo", sum(restocked + refurbished + scrapped)::int AS units
       FROM order_return_line WHERE ${where} GROUP BY line_no`,
    [value],
  )) as { lineNo: number; units: number }[];
  return new Map(rows.map((r) => [r.lineNo, r.units]));
}

async function shippingRefunded(tx: EventTransaction, orderId: string): Promise<boolean> {
  const [row] = (await tx.manager.query(
    "SELECT bool_or(refund_shipping > 0) AS any FROM order_return WHERE order_id = $1 AND status = 'REFUNDED'",
    [orderId],
  )) as { any: boolean | null }[];
  return row?.any === true;
}

function inspectionSummary(inspected: ReturnInspected): string {
  const sum = (key: 'restocked' | 'refurbished' | 'scrapped') => inspected.lines.reduce((a, l) => a + l[key], 0);
  return `inspected: ${sum('restocked')} restocked, ${sum('refurbished')} refurbished, ${sum('scrapped')} scrapped`;
}
