import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid } from '@supply-graph/shared';

/** Per-request backorder loaders: one SQL statement per request, whatever the number of orders. */
export function createBackorderLoaders(db: DataSource) {
  return {
    /** Why each order waits for stock; null for an order that is not waiting. */
    backorderReasonByOrderId: new DataLoader<string, string | null>(async (orderIds) => {
      const valid = orderIds.filter(isUuid).map((id) => id.toLowerCase());
      const rows = valid.length
        ? ((await db.query('SELECT order_id, reason FROM backorder WHERE order_id = ANY($1::uuid[])', [valid])) as {
            order_id: string;
            reason: string | null;
          }[])
        : [];
      // Backorders queued before reasons were recorded were all short of stock.
      const byId = new Map(rows.map((r) => [r.order_id, r.reason ?? 'not enough stock']));
      return orderIds.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
