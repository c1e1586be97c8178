import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderStatusChangeEntity } from './order-status-change.entity';
import { ORDER_COLUMNS, type OrderRow } from './order.row';

// $2: the caller's channel scope, NULL for every channel.
const ORDERS = preparedRead<OrderRow>(
  'orders.orders-by-id',
  `SELECT ${ORDER_COLUMNS} FROM sales_order o
    WHERE o.id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR o.channel_code = ANY($2::text[]))`,
);
const LINES = preparedRead<OrderLineEntity>(
  'orders.lines-by-order',
  `SELECT order_id AS "orderId", line_no AS "lineNo", sku, quantity, unit_price AS "unitPrice", presale
     FROM order_line WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, line_no`,
);
// id breaks ties between changes recorded at the same instant.
const HISTORY = preparedRead<OrderStatusChangeEntity>(
  'orders.history-by-order',
  `SELECT id, order_id AS "orderId", from_status AS "fromStatus", to_status AS "toStatus", at, reason
     FROM order_status_change WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, at, id`,
);

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
}

/**
 * Per-request order loaders: one SQL statement per relation per request,
 * whatever the page size. `channels` is the caller's channel scope (null:
 * every channel): an order of another channel loads as null, so lookups by id
 * and `Order` references from other subgraphs read it as absent. Lines and
 * history are keyed by orders already loaded through that scope.
 */
export function createOrderLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    orderById: new DataLoader<string, OrderRow | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await readRows(db, ORDERS, [valid, channels]) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),

    linesByOrderId: new DataLoader<string, OrderLineEntity[]>(async (orderIds) => {
      const valid = orderIds.filter(isUuid);
      const rows = valid.length ? await readRows(db, LINES, [valid]) : [];
      const grouped = groupBy(rows, (row) => row.orderId);
      return orderIds.map((id) => grouped.get(id) ?? []);
    }),

    historyByOrderId: new DataLoader<string, OrderStatusChangeEntity[]>(async (orderIds) => {
      const valid = orderIds.filter(isUuid);
      const rows = valid.length ? await readRows(db, HISTORY, [valid]) : [];
      const grouped = groupBy(rows, (row) => row.orderId);
      return orderIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
