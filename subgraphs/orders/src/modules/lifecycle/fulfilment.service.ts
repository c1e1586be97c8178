import type { EventTransaction, ShipmentCreated, ShipmentStatusChanged } from '@supply-graph/shared';
import { OrderStatus } from '../order/order.type';
import { canTransition } from './order-status.machine';
import { transitionOrder } from './order-transition.service';

// EXCEPTION is left out: a label flagged before any pick-up scan was never handed over.
const HANDED_OVER = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'];

/**
 * Applies an event-driven transition only when the table allows it from the
 * order's current status. Events can legitimately arrive for an order that
 * moved on (stock reserved for an order cancelled a moment earlier: inventory
 * releases it on the cancel event), so a disallowed step is skipped, not an error.
 */
export async function moveIfAllowed(
  tx: EventTransaction,
  orderId: string,
  to: OrderStatus,
  reason: string,
  at?: Date,
): Promise<boolean> {
  const rows = (await tx.manager.query('SELECT status FROM sales_order WHERE id = $1 FOR UPDATE', [orderId])) as {
    status: OrderStatus;
  }[];
  if (!rows.length || !canTransition(rows[0].status, to)) return false;
  await transitionOrder(tx, orderId, to, reason, at);
  return true;
}

export async function recordShipment(tx: EventTransaction, created: ShipmentCreated): Promise<void> {
  await tx.manager.query(
    `INSERT INTO order_shipment (shipment_id, order_id, status, shipments_in_order, estimated_delivery_at, warehouse_id)
     VALUES ($1, $2, 'CREATED', $3, $4, $5)
     ON CONFLICT (shipment_id) DO UPDATE
       SET estimated_delivery_at = coalesce(order_shipment.estimated_delivery_at, EXCLUDED.estimated_delivery_at),
           warehouse_id = coalesce(order_shipment.warehouse_id, EXCLUDED.warehouse_id)`,
    // The ETA is kept for the on-time delivery KPI, the warehouse for returns (`shippedFrom`); a status event may
    // have created the row first.
    [created.shipmentId, created.orderId, created.shipmentsInOrder, created.estimatedDeliveryAt, created.warehouseId],
  );
}

/**
 * Follows one shipment's status and moves the order when all of its
 * shipments agree: every one handed to a carrier -> SHIPPED; every one
 * delivered -> DELIVERED (through SHIPPED if needed); every one returned -> RETURNED.
 */
export async function followShipment(tx: EventTransaction, change: ShipmentStatusChanged): Promise<void> {
  await tx.manager.query(
    `INSERT INTO order_shipment (shipment_id, order_id, status, shipments_in_order, warehouse_id)
     VALUES ($1, $2, $3, 1, $4)
     ON CONFLICT (shipment_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now(),
       warehouse_id = coalesce(order_shipment.warehouse_id, EXCLUDED.warehouse_id)`,
    [change.shipmentId, change.orderId, change.to, change.warehouseId ?? null],
  );
  const rows = (await tx.manager.query('SELECT status, shipments_in_order FROM order_shipment WHERE order_id = $1', [
    change.orderId,
  ])) as { status: string; shipments_in_order: number }[];
  const expected = Math.max(...rows.map((r) => r.shipments_in_order));
  if (rows.length < expected) return;
  // A carrier clock behind ours must not put SHIPPED or DELIVERED before the order's earlier history.
  const [last] = (await tx.manager.query('SELECT max(at) AS at FROM order_status_change WHERE order_id = $1', [
    change.orderId,
  ])) as { at: Date | null }[];
  const at = new Date(Math.max(new Date(change.at).getTime(), last?.at ? new Date(last.at).getTime() : 0));
  if (rows.every((r) => HANDED_OVER.includes(r.status))) {
    await moveIfAllowed(tx, change.orderId, OrderStatus.SHIPPED, 'every shipment handed to a carrier', at);
  }
  if (rows.every((r) => r.status === 'DELIVERED')) {
    await moveIfAllowed(tx, change.orderId, OrderStatus.DELIVERED, 'every shipment delivered', at);
  }
  if (rows.every((r) => r.status === 'RETURNED')) {
    await moveIfAllowed(tx, change.orderId, OrderStatus.RETURNED, 'every shipment returned', at);
  }
}
