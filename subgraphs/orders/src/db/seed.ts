import { bulkInsert, pgTextArray, type DemoDataset, type Queryable } from '@supply-graph/shared';

/** True when the orders schema holds no order yet. */
export async function ordersEmpty(db: Queryable): Promise<boolean> {
  const rows = (await db.query('SELECT NOT EXISTS (SELECT 1 FROM sales_order) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/**
 * Writes the orders' part of the demo data set: channels, orders, their lines
 * and status history, and the local copy of the product catalogue (version 1,
 * what inventory's own seed announces), so intake can check SKUs from the
 * first request instead of waiting for the announcements to arrive.
 */
export async function seedOrders(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query(
    'TRUNCATE order_shipment, order_status_change, order_line, sales_order, channel, catalog_product, outbox, inbox RESTART IDENTITY',
  );
  await bulkInsert(
    db,
    'catalog_product',
    [
      { name: 'sku', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'discontinued', type: 'bool' },
      { name: 'version', type: 'int' },
    ],
    data.products.map((p) => [p.sku, p.name, false, 1]),
  );
  await bulkInsert(
    db,
    'channel',
    [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'kind', type: 'text' },
    ],
    data.channels.map((c) => [c.code, c.name, c.kind]),
  );
  await bulkInsert(
    db,
    'sales_order',
    [
      { name: 'id', type: 'uuid' },
      { name: 'channel_code', type: 'text' },
      { name: 'external_id', type: 'text' },
      { name: 'customer_id', type: 'uuid' },
      { name: 'status', type: 'text' },
      { name: 'version', type: 'int' },
      { name: 'currency', type: 'text' },
      { name: 'subtotal', type: 'numeric' },
      { name: 'discount', type: 'numeric' },
      { name: 'shipping_fee', type: 'numeric' },
      { name: 'total', type: 'numeric' },
      { name: 'ship_name', type: 'text' },
      { name: 'ship_phone', type: 'text' },
      { name: 'ship_country', type: 'text' },
      { name: 'ship_province', type: 'text' },
      { name: 'ship_city', type: 'text' },
      { name: 'ship_line1', type: 'text' },
      { name: 'ship_postal_code', type: 'text' },
      { name: 'placed_at', type: 'timestamptz' },
      { name: 'risk_score', type: 'float8' },
      { name: 'risk_flags', type: 'text', cast: 'text[]' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ],
    data.orders.map((o) => {
      const a = o.shippingAddress;
      const lastChange = o.history.length ? o.history[o.history.length - 1].at : o.placedAt;
      return [
        o.id,
        o.channel,
        o.externalId,
        o.customerId,
        o.status,
        o.version,
        o.currency,
        o.subtotal,
        o.discount,
        o.shippingFee,
        o.total,
        a.name,
        a.phone,
        a.country,
        a.province,
        a.city,
        a.line1,
        a.postalCode,
        o.placedAt,
        o.riskScore,
        pgTextArray(o.riskFlags),
        o.placedAt,
        lastChange,
      ];
    }),
  );
  await bulkInsert(
    db,
    'order_line',
    [
      { name: 'order_id', type: 'uuid' },
      { name: 'line_no', type: 'int' },
      { name: 'sku', type: 'text' },
      { name: 'quantity', type: 'int' },
      { name: 'unit_price', type: 'numeric' },
    ],
    data.orders.flatMap((o) => o.lines.map((l) => [o.id, l.lineNo, l.sku, l.quantity, l.unitPrice])),
  );
  // Rows go in history order, so the serial id also breaks ties between equal timestamps.
  await bulkInsert(
    db,
    'order_status_change',
    [
      { name: 'order_id', type: 'uuid' },
      { name: 'from_status', type: 'text' },
      { name: 'to_status', type: 'text' },
      { name: 'at', type: 'timestamptz' },
      { name: 'reason', type: 'text' },
    ],
    data.orders.flatMap((o) => o.history.map((h) => [o.id, h.from, h.to, h.at, h.reason])),
  );
}
