import DataLoader from 'dataloader';
import { isUuid } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';

/** A customer's stored value facts (`customer_value`). */
export interface CustomerValueRow {
  customerId: string;
  orders: number;
  /** CNY fen, as text (bigint). */
  monetaryMinor: string;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  channelOrders: Record<string, number>;
}

/** Per-request loader of customers' value rows: one statement per request, whatever the page size. */
export function createValueLoader(db: DataSource) {
  return new DataLoader<string, CustomerValueRow | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = valid.length
      ? ((await db.query(
          `SELECT customer_id AS "customerId", orders, monetary_minor::text AS "monetaryMinor",
                  first_order_at AS "firstOrderAt", last_order_at AS "lastOrderAt", channel_orders AS "channelOrders"
             FROM customer_value WHERE customer_id = ANY($1::uuid[])`,
          [valid],
        )) as CustomerValueRow[])
      : [];
    const byId = new Map(rows.map((row) => [row.customerId, row]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}
