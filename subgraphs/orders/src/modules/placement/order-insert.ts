import { insertRow, insertRows, type ColumnTypes, type Queryable } from '@supply-graph/shared';
import type { NormalizedOrder } from '../intake/normalized-order';
import type { RiskVerdict } from '../risk/assess-order-risk';

// The rows a newly placed order is stored as, each statement naming its columns (place-order.service.ts decides when).

/** The columns of `sales_order` an INSERT may set; the optional ones have defaults or are nullable. */
export interface SalesOrderInsert {
  id: string;
  channel_code: string;
  external_id: string;
  customer_id: string | null;
  status: string;
  version?: number;
  currency: string;
  subtotal: string;
  discount: string;
  shipping_fee: string;
  tax_minor?: number;
  total: string;
  ship_name?: string | null;
  ship_phone?: string | null;
  ship_country: string;
  ship_province?: string | null;
  ship_city?: string | null;
  ship_line1?: string | null;
  ship_postal_code?: string | null;
  placed_at: Date;
  risk_score?: number;
  risk_flags?: string[];
}

/** The order row, PENDING version 1; false when an identical call's order is already there. */
export async function insertOrder(
  db: Queryable,
  orderId: string,
  order: NormalizedOrder,
  customerId: string | null,
  risk: RiskVerdict | null,
) {
  const address = order.shippingAddress;
  const inserted = await insertRow<SalesOrderInsert, { id: string }>(
    db,
    'sales_order',
    {
      id: orderId,
      channel_code: order.channel,
      external_id: order.externalId,
      customer_id: customerId,
      status: 'PENDING',
      version: 1,
      currency: order.currency,
      subtotal: subtotalOf(order),
      discount: order.discount,
      shipping_fee: order.shippingFee,
      tax_minor: order.taxMinor,
      total: order.total,
      ship_name: address.name,
      ship_phone: address.phone,
      ship_country: address.country,
      ship_province: address.province,
      ship_city: address.city,
      ship_line1: address.line1,
      ship_postal_code: address.postalCode,
      placed_at: order.placedAt,
      risk_score: risk?.score ?? 0,
      risk_flags: risk?.flags ?? [],
    },
    { onConflict: '(channel_code, external_id) DO NOTHING', returning: 'id' },
  );
  return inserted.length > 0;
}

interface OrderLineInsert {
  order_id: string;
  line_no: number;
  sku: string;
  quantity: number;
  unit_price: string;
  presale: boolean;
}

const ORDER_LINE_COLUMNS: ColumnTypes<OrderLineInsert> = {
  order_id: 'uuid',
  line_no: 'int',
  sku: 'text',
  quantity: 'int',
  unit_price: 'numeric',
  presale: 'boolean',
};

/** The lines and the PENDING history entry; returns the lines as events carry them. */
export async function insertLinesAndHistory(db: Queryable, orderId: string, order: NormalizedOrder, reason: string) {
  const lines = order.lines.map((l, i) => ({
    lineNo: i + 1,
    sku: l.sku,
    quantity: l.quantity,
    presale: l.presale === true,
  }));
  await insertRows<OrderLineInsert>(
    db,
    'order_line',
    ORDER_LINE_COLUMNS,
    lines.map((l, i) => ({
      order_id: orderId,
      line_no: l.lineNo,
      sku: l.sku,
      quantity: l.quantity,
      unit_price: order.lines[i].unitPrice,
      presale: l.presale,
    })),
  );
  await db.query(
    `INSERT INTO order_status_change (order_id, from_status, to_status, at, reason)
     VALUES ($1, NULL, 'PENDING', $2, $3)`,
    [orderId, order.placedAt, reason],
  );
  return lines;
}

/** Sum of the lines in exact decimal arithmetic (integer cents), never floats. */
function subtotalOf(order: NormalizedOrder): string {
  const cents = order.lines.reduce((sum, l) => sum + BigInt(l.quantity) * BigInt(l.unitPrice.replace('.', '')), 0n);
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
