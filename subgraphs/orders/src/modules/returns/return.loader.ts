import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import { RETURN_COLUMNS, toReturn, type ReturnRow } from './return.row';
import type { Return, ReturnLine, ReturnStatusChange } from './return.type';

// $2: the caller's channel scope, NULL for every channel.
const BY_ID = preparedRead<ReturnRow>(
  'orders.returns-by-id',
  `SELECT ${RETURN_COLUMNS} FROM order_return r
    WHERE r.id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR r.channel_code = ANY($2::text[]))`,
);
const BY_ORDER = preparedRead<ReturnRow>(
  'orders.returns-by-order',
  `SELECT ${RETURN_COLUMNS} FROM order_return r
    WHERE r.order_id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR r.channel_code = ANY($2::text[]))
    ORDER BY r.order_id, r.requested_at, r.id`,
);
type LineRow = Omit<ReturnLine, 'refund'> & { returnId: string; refund: string | null };
const LINES = preparedRead<LineRow>(
  'orders.return-lines',
  `SELECT return_id AS "returnId", line_no AS "lineNo", sku, quantity, restocked, refurbished, scrapped, refund
     FROM order_return_line WHERE return_id = ANY($1::uuid[]) ORDER BY return_id, line_no`,
);
type HistoryRow = ReturnStatusChange & { returnId: string };
const HISTORY = preparedRead<HistoryRow>(
  'orders.return-history',
  `SELECT return_id AS "returnId", from_status AS "from", to_status AS "to", at, reason
     FROM order_return_status_change WHERE return_id = ANY($1::uuid[]) ORDER BY return_id, at, id`,
);
/** Units of each order line in returns that are not rejected: what `returnedQuantity` and `returnState` count. */
type ReturnedRow = { orderId: string; lineNo: number; units: number };
const RETURNED = preparedRead<ReturnedRow>(
  'orders.returned-units',
  `SELECT r.order_id AS "orderId", l.line_no AS "lineNo", sum(l.quantity)::int AS units
     FROM order_return r JOIN order_return_line l ON l.return_id = r.id
    WHERE r.order_id = ANY($1::uuid[]) AND r.status <> 'REJECTED'
    GROUP BY r.order_id, l.line_no`,
);

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

const uuids = (ids: readonly string[]) => [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];

/**
 * Per-request return loaders. `channels` is the caller's channel scope (null:
 * every channel), applied in the SQL: another channel's return loads as null.
 * Lines and history are keyed by returns already loaded through that scope;
 * returned units by orders already loaded through the order loaders' scope.
 */
export function createReturnLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    returnById: new DataLoader<string, Return | null>(async (ids) => {
      const valid = uuids(ids);
      const rows = valid.length ? await readRows(db, BY_ID, [valid, channels]) : [];
      const byId = new Map(rows.map((row) => [row.id, toReturn(row)]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
    returnsByOrderId: new DataLoader<string, Return[]>(async (orderIds) => {
      const valid = uuids(orderIds);
      const rows = valid.length ? await readRows(db, BY_ORDER, [valid, channels]) : [];
      const grouped = groupBy(rows.map(toReturn), (r) => r.orderId);
      return orderIds.map((id) => grouped.get(id.toLowerCase()) ?? []);
    }),
    returnLinesByReturnId: new DataLoader<string, LineRow[]>(async (ids) => {
      const valid = uuids(ids);
      const grouped = groupBy(valid.length ? await readRows(db, LINES, [valid]) : [], (r) => r.returnId);
      return ids.map((id) => grouped.get(id.toLowerCase()) ?? []);
    }),
    returnHistoryByReturnId: new DataLoader<string, HistoryRow[]>(async (ids) => {
      const valid = uuids(ids);
      const grouped = groupBy(valid.length ? await readRows(db, HISTORY, [valid]) : [], (r) => r.returnId);
      return ids.map((id) => grouped.get(id.toLowerCase()) ?? []);
    }),
    returnedUnitsByOrderId: new DataLoader<string, Map<number, number>>(async (orderIds) => {
      const valid = uuids(orderIds);
      const grouped = groupBy(valid.length ? await readRows(db, RETURNED, [valid]) : [], (r) => r.orderId);
      return orderIds.map(
        (id) => new Map((grouped.get(id.toLowerCase()) ?? []).map((r) => [r.lineNo, r.units] as [number, number])),
      );
    }),
  };
}

export type ReturnLoaders = ReturnType<typeof createReturnLoaders>;
