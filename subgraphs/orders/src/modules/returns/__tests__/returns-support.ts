import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { insertOrder } from '../../order/__tests__/scope-support';

export { ask, contextFor, data, principal } from '../../order/__tests__/scope-support';

const DAY_MS = 86_400_000;

export interface ShippedOrder {
  id: string;
  channel: string;
  externalId: string;
  customerId: string;
}

export interface OrderSpec {
  channel?: string;
  externalId?: string;
  status?: string;
  lines?: { sku: string; quantity: number; unitPrice: string }[];
  discount?: string;
  shippingFee?: string;
  /** Tax added on top of the prices (decimal). */
  taxOnTop?: string;
  /** Days ago it was delivered (a DELIVERED history entry); none when the order is only SHIPPED. */
  deliveredDaysAgo?: number | null;
  placedDaysAgo?: number;
  /** The warehouses its shipments left from (order_shipment rows). */
  shippedFrom?: string[];
}

const minor = (decimal: string) => Math.round(Number(decimal) * 100);
const decimal = (m: number) => (m / 100).toFixed(2);

/** A shipped (by default delivered yesterday) order with its lines, history and shipments. */
export async function insertShippedOrder(db: DataSource, spec: OrderSpec = {}): Promise<ShippedOrder> {
  const lines = spec.lines ?? [
    { sku: 'SKU-0001', quantity: 2, unitPrice: '10.00' },
    { sku: 'SKU-0002', quantity: 1, unitPrice: '5.00' },
  ];
  const subtotal = lines.reduce((sum, l) => sum + l.quantity * minor(l.unitPrice), 0);
  const total = subtotal - minor(spec.discount ?? '0') + minor(spec.shippingFee ?? '0') + minor(spec.taxOnTop ?? '0');
  const order: ShippedOrder = {
    id: randomUUID(),
    channel: spec.channel ?? 'webstore',
    externalId: spec.externalId ?? `R-${randomUUID().slice(0, 8)}`,
    customerId: randomUUID(),
  };
  const deliveredDaysAgo = spec.deliveredDaysAgo === undefined ? 1 : spec.deliveredDaysAgo;
  const status = spec.status ?? (deliveredDaysAgo === null ? 'SHIPPED' : 'DELIVERED');
  await insertOrder(db, {
    ...order,
    status,
    total: decimal(total),
    placedAt: new Date(Date.now() - (spec.placedDaysAgo ?? 3) * DAY_MS),
  });
  await db.query(
    `UPDATE sales_order SET subtotal = $2, discount = $3, shipping_fee = $4, tax_minor = $5, ship_province = 'Zhejiang'
      WHERE id = $1`,
    [order.id, decimal(subtotal), spec.discount ?? '0', spec.shippingFee ?? '0', minor(spec.taxOnTop ?? '0')],
  );
  for (const [i, line] of lines.entries()) {
    await db.query(
      'INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price) VALUES ($1, $2, $3, $4, $5)',
      [order.id, i + 1, line.sku, line.quantity, line.unitPrice],
    );
  }
  if (deliveredDaysAgo !== null) {
    await db.query(
      "INSERT INTO order_status_change (order_id, from_status, to_status, at) VALUES ($1, 'SHIPPED', 'DELIVERED', $2)",
      [order.id, new Date(Date.now() - deliveredDaysAgo * DAY_MS)],
    );
  }
  for (const warehouseId of spec.shippedFrom ?? []) {
    await db.query(
      `INSERT INTO order_shipment (shipment_id, order_id, status, shipments_in_order, warehouse_id)
       VALUES ($1, $2, 'DELIVERED', $3, $4)`,
      [randomUUID(), order.id, spec.shippedFrom!.length, warehouseId],
    );
  }
  return order;
}

/** The payloads of the orders outbox's events of a type about one aggregate, oldest first. */
export async function outboxPayloads(db: DataSource, type: string, aggregateId: string): Promise<any[]> {
  const rows = (await db.query('SELECT payload FROM outbox WHERE type = $1 AND aggregate_id = $2 ORDER BY seq', [
    type,
    aggregateId,
  ])) as { payload: unknown }[];
  return rows.map((r) => r.payload);
}

export const REQUEST = `mutation($input: RequestReturnInput!) { requestReturn(input: $input) {
  id status reason note source lines { lineNo sku quantity } history { from to reason } } }`;
export const RETURN = `query($id: ID!) { return(id: $id) { id status refund { amount currency } shippingRefund { amount }
  lines { lineNo sku quantity restocked refurbished scrapped refund { amount } } history { from to reason }
  receivedAt inspectedAt refundedAt order { id returnState refunded { amount } lines { sku returnedQuantity } } } }`;
