import {
  EventTypes,
  nextAggregateVersion,
  returnedRows,
  type EventTransaction,
  type ReturnAuthorised,
  type ReturnRouted,
} from '@supply-graph/shared';
import type { ReturnRoutingStrategy, ReturnSite } from './return-routing-strategy';

// Every warehouse that accepts returns, with the return's SKUs it has a stock level for.
const SITES_SQL = `
  SELECT w.id, w.code, w.city, w.latitude, w.longitude,
         coalesce(array_agg(s.sku ORDER BY s.sku) FILTER (WHERE s.sku IS NOT NULL), '{}') AS stocks
  FROM warehouse w LEFT JOIN stock_level s ON s.warehouse_id = w.id AND s.sku = ANY($1::text[])
  WHERE w.accepts_returns
  GROUP BY w.id ORDER BY w.code`;

// The primary key makes a concurrent second delivery wait for the first and then insert nothing.
const INSERT_RECEIPT_SQL = `
  INSERT INTO return_receipt (return_id, order_id, channel, warehouse_id, status, reason, routing_reason, lines)
  VALUES ($1, $2, $3, $4, 'ROUTED', $5, $6, $7::jsonb)
  ON CONFLICT (return_id) DO NOTHING
  RETURNING return_id`;

/**
 * An authorised return gets its receiving warehouse: the strategy picks one
 * among those that accept returns, and the receipt (ROUTED) and
 * `return.routed` are written in the caller's transaction. Repeat-safe: a
 * return that already has a receipt changes nothing.
 *
 * When no warehouse accepts returns the event fails, is retried and then
 * parked: an operator lets a warehouse take returns
 * (setWarehouseAcceptsReturns) and retries the parked event.
 *
 * @returns whether a receipt was written
 */
export async function routeReturn(
  tx: EventTransaction,
  authorised: ReturnAuthorised,
  strategy: ReturnRoutingStrategy,
): Promise<boolean> {
  const known = await tx.manager.query('SELECT 1 FROM return_receipt WHERE return_id = $1', [authorised.returnId]);
  if (known.length) return false;
  const skus = [...new Set(authorised.lines.map((l) => l.sku))].sort();
  const sites = (await tx.manager.query(SITES_SQL, [skus])) as ReturnSite[];
  const decision = strategy.route(
    { skus, shipFrom: authorised.shipFrom, shippedFrom: authorised.shippedFrom ?? [] },
    sites,
  );
  if (!decision.ok) throw new Error(`return ${authorised.returnId} cannot be routed: ${decision.reason}`);
  const site = sites.find((s) => s.id === decision.warehouseId);
  if (!site) throw new Error(`strategy ${strategy.name} chose ${decision.warehouseId}, not a warehouse it was offered`);

  const lines = authorised.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity }));
  const inserted = returnedRows(
    await tx.manager.query(INSERT_RECEIPT_SQL, [
      authorised.returnId,
      authorised.orderId,
      authorised.channel,
      site.id,
      authorised.reason,
      decision.reason,
      JSON.stringify(lines),
    ]),
  );
  if (!inserted.length) return false;

  const payload: ReturnRouted = {
    returnId: authorised.returnId,
    orderId: authorised.orderId,
    channel: authorised.channel,
    lines,
    warehouse: { id: site.id, code: site.code, city: site.city, latitude: site.latitude, longitude: site.longitude },
    shipFrom: authorised.shipFrom,
    reason: decision.reason,
    customerId: authorised.customerId,
  };
  await tx.emit({
    type: EventTypes.returnRouted,
    aggregateType: 'return',
    aggregateId: authorised.returnId,
    aggregateVersion: await nextAggregateVersion(tx.manager, 'return', authorised.returnId),
    payload,
  });
  return true;
}
