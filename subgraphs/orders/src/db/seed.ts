import { insertRows, pgTextArray, type DemoDataset, type Queryable } from '@supply-graph/shared';

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
    'TRUNCATE order_return_status_change, order_return_line, order_return, order_shipment, order_status_change, ' +
      'order_line, sales_order, channel, catalog_product, outbox, inbox RESTART IDENTITY',
  );
  await insertRows(
    db,
    'catalog_product',
    { sku: 'text', name: 'text', discontinued: 'bool', version: 'int' },
    data.products.map((p) => ({ sku: p.sku, name: p.name, discontinued: false, version: 1 })),
  );
  await insertRows(
    db,
    'channel',
    { code: 'text', name: 'text', kind: 'text' },
    data.channels.map((c) => ({ code: c.code, name: c.name, kind: c.kind })),
  );
  await insertRows(
    db,
    'sales_order',
    {
      id: 'uuid',
      channel_code: 'text',
      external_id: 'text',
      customer_id: 'uuid',
      status: 'text',
      version: 'int',
      currency: 'text',
      subtotal: 'numeric',
      discount: 'numeric',
      shipping_fee: 'numeric',
      total: 'numeric',
      ship_name: 'text',
      ship_phone: 'text',
      ship_country: 'text',
      ship_province: 'text',
      ship_city: 'text',
      ship_line1: 'text',
      ship_postal_code: 'text',
      placed_at: 'timestamptz',
      risk_score: 'float8',
      risk_flags: { type: 'text', cast: 'text[]' },
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    data.orders.map((o) => {
      const a = o.shippingAddress;
      return {
        id: o.id,
        channel_code: o.channel,
        external_id: o.externalId,
        customer_id: o.customerId,
        status: o.status,
        version: o.version,
        currency: o.currency,
        subtotal: o.subtotal,
        discount: o.discount,
        shipping_fee: o.shippingFee,
        total: o.total,
        ship_name: a.name,
        ship_phone: a.phone,
        ship_country: a.country,
        ship_province: a.province,
        ship_city: a.city,
        ship_line1: a.line1,
        ship_postal_code: a.postalCode,
        placed_at: o.placedAt,
        risk_score: o.riskScore,
        risk_flags: pgTextArray(o.riskFlags),
        created_at: o.placedAt,
        updated_at: o.history.length ? o.history[o.history.length - 1].at : o.placedAt,
      };
    }),
  );
  await insertRows(
    db,
    'order_line',
    { order_id: 'uuid', line_no: 'int', sku: 'text', quantity: 'int', unit_price: 'numeric' },
    data.orders.flatMap((o) =>
      o.lines.map((l) => ({
        order_id: o.id,
        line_no: l.lineNo,
        sku: l.sku,
        quantity: l.quantity,
        unit_price: l.unitPrice,
      })),
    ),
  );
  // Rows go in history order, so the serial id also breaks ties between equal timestamps.
  await insertRows(
    db,
    'order_status_change',
    { order_id: 'uuid', from_status: 'text', to_status: 'text', at: 'timestamptz', reason: 'text' },
    data.orders.flatMap((o) =>
      o.history.map((h) => ({ order_id: o.id, from_status: h.from, to_status: h.to, at: h.at, reason: h.reason })),
    ),
  );
}
