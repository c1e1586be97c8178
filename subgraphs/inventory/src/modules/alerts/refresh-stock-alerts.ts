import {
  appendEvents,
  type AlertCleared,
  type AlertRaised,
  type NewEvent,
  type SqlExecutor,
  alertRaisedEvent,
  alertClearedEvent,
} from '@supply-graph/shared';

/**
 * The alert rules, evaluated for a set of SKUs at the end of every
 * transaction that changes their stock or their backorders:
 *
 * - LOW_STOCK (per stock level): available (on_hand - reserved - safety_stock)
 *   is below the safety stock, i.e. on_hand - reserved < 2 x safety_stock. The
 *   buffer itself is being eaten into next; a level with no safety stock never
 *   raises it (an empty shelf shows up as demand exceeding supply instead).
 * - DEMAND_EXCEEDS_SUPPLY (per SKU): regular units on backordered orders
 *   exceed the regular units available over all warehouses.
 *
 * A condition that holds opens an alert unless one is open for the same
 * (sku, warehouse, kind) (a unique index over open alerts makes that exact);
 * an open alert whose condition no longer holds is closed. Presale stock is
 * not watched: it is sold ahead of supply on purpose. Each opened and closed
 * alert is announced to the operations desk (`alert.raised` / `alert.cleared`).
 */
const REFRESH_SQL = `
  WITH level AS (
    SELECT s.sku, s.warehouse_id, w.code, s.on_hand - s.reserved - s.safety_stock AS available, s.safety_stock
    FROM stock_level s JOIN warehouse w ON w.id = s.warehouse_id
    WHERE s.sku = ANY($1::text[])
  ),
  supply AS (
    SELECT sku, sum(greatest(available, 0))::int AS units FROM level GROUP BY sku
  ),
  demand AS (
    SELECT l->>'sku' AS sku, sum((l->>'quantity')::int)::int AS units
    FROM backorder b CROSS JOIN LATERAL jsonb_array_elements(b.request->'lines') AS l
    WHERE l->>'sku' = ANY($1::text[]) AND NOT coalesce((l->>'presale')::boolean, false)
    GROUP BY 1
  ),
  balance AS (
    SELECT p.sku, coalesce(d.units, 0) AS demand, coalesce(s.units, 0) AS supply
    FROM product p LEFT JOIN demand d ON d.sku = p.sku LEFT JOIN supply s ON s.sku = p.sku
    WHERE p.sku = ANY($1::text[])
  ),
  raised AS (
    INSERT INTO stock_alert (id, sku, warehouse_id, kind, message)
    SELECT gen_random_uuid(), sku, warehouse_id, 'LOW_STOCK',
           format('%s: %s unit(s) available at %s, below the safety stock of %s', sku, greatest(available, 0), code,
             safety_stock)
    FROM level WHERE available < safety_stock
    UNION ALL
    SELECT gen_random_uuid(), sku, NULL, 'DEMAND_EXCEEDS_SUPPLY',
           format('%s: %s unit(s) on backordered orders, %s available in all warehouses', sku, demand, supply)
    FROM balance WHERE demand > supply
    ON CONFLICT (sku, kind, (coalesce(warehouse_id, '00000000-0000-0000-0000-000000000000'::uuid)))
      WHERE closed_at IS NULL
    DO NOTHING
    RETURNING id, sku, warehouse_id, kind, message, opened_at
  ),
  cleared AS (
    UPDATE stock_alert a SET closed_at = now()
    WHERE a.closed_at IS NULL AND a.sku = ANY($1::text[]) AND (
      (a.kind = 'LOW_STOCK' AND EXISTS (
        SELECT 1 FROM level l WHERE l.sku = a.sku AND l.warehouse_id = a.warehouse_id
          AND l.available >= l.safety_stock))
      OR (a.kind = 'DEMAND_EXCEEDS_SUPPLY' AND EXISTS (
        SELECT 1 FROM balance b WHERE b.sku = a.sku AND b.demand <= b.supply)))
    RETURNING a.id, a.kind, a.closed_at
  )
  SELECT (SELECT coalesce(json_agg(r), '[]') FROM raised r) AS raised,
         (SELECT coalesce(json_agg(c), '[]') FROM cleared c) AS cleared`;

interface RaisedRow {
  id: string;
  sku: string;
  warehouse_id: string | null;
  kind: 'LOW_STOCK' | 'DEMAND_EXCEEDS_SUPPLY';
  message: string;
  opened_at: string;
}

/** The desk's work item kind of a stock alert: demand beyond supply is the risk of overselling. */
const DESK_KIND = { LOW_STOCK: 'LOW_STOCK', DEMAND_EXCEEDS_SUPPLY: 'OVERSELL_RISK' } as const;

const alertKey = (kind: string, id: string) => `inventory:${kind}:${id}`;

/**
 * Tells the desk about the alerts just opened (`alert.raised`, one per alert
 * row: a new occurrence after one closed is a new work item) and closed
 * (`alert.cleared`), in the caller's transaction through the outbox.
 */
async function announce(
  db: SqlExecutor,
  raised: RaisedRow[],
  cleared: { id: string; kind: string; closed_at: string }[],
): Promise<void> {
  const events: NewEvent[] = [];
  for (const r of raised) {
    const payload: AlertRaised = {
      alertKey: alertKey(r.kind, r.id),
      source: 'inventory',
      kind: DESK_KIND[r.kind],
      subject: r.warehouse_id
        ? { type: 'StockLevel', id: `${r.sku}@${r.warehouse_id}` }
        : { type: 'Product', id: r.sku },
      orderId: null,
      channel: null,
      summary: r.message,
      raisedAt: new Date(r.opened_at).toISOString(),
      detail: { alertKind: r.kind, sku: r.sku, warehouseId: r.warehouse_id },
    };
    events.push(alertRaisedEvent(payload));
  }
  for (const c of cleared) {
    const payload: AlertCleared = {
      alertKey: alertKey(c.kind, c.id),
      source: 'inventory',
      at: new Date(c.closed_at).toISOString(),
      reason: 'the stock condition no longer holds',
    };
    events.push(alertClearedEvent(payload));
  }
  if (events.length) await appendEvents(db, 'inventory', events);
}

/**
 * Opens and closes the stock alerts of these SKUs to match their stock now.
 * Call it last in the transaction, after every stock row it changes: it
 * first locks the SKUs' product rows (in SKU order, FOR NO KEY UPDATE, which
 * foreign-key checks do not wait for), so two transactions never judge the
 * same SKU's alerts at once, and the judging statement then sees every change
 * committed before it.
 */
export async function refreshStockAlerts(
  db: SqlExecutor,
  skus: Iterable<string>,
): Promise<{ raised: number; cleared: number }> {
  const list = [...new Set(skus)].sort();
  if (!list.length) return { raised: 0, cleared: 0 };
  await db.query('SELECT sku FROM product WHERE sku = ANY($1) ORDER BY sku FOR NO KEY UPDATE', [list]);
  const [row] = (await db.query(REFRESH_SQL, [list])) as {
    raised: RaisedRow[];
    cleared: { id: string; kind: string; closed_at: string }[];
  }[];
  await announce(db, row.raised, row.cleared);
  return { raised: row.raised.length, cleared: row.cleared.length };
}
