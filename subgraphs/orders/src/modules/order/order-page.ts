import { badUserInput, pageArgs, toPage, type DecodedCursor, type Page, type Principal } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { isUuid, readBuiltRows } from '@supply-graph/shared';
import {
  normalizeOrderFilter,
  orderFilterConditions,
  SqlParams,
  whereClause,
  type NormalizedOrderFilter,
} from './order-filter';
import type { OrderFilter } from './order.input';
import { ORDER_COLUMNS, orderCursor, toOrder, type OrderRow } from './order.row';
import type { Order } from './order.type';

/**
 * Validated arguments of an order list (the root `orders` and `Customer.orders`).
 * `filter` is null when nothing can match.
 */
export interface OrderPageArgs {
  first: number;
  after: { placedAt: string; id: string } | null;
  filter: NormalizedOrderFilter | null;
}

/** Checks `first` and `after` (BAD_USER_INPUT) and normalises the filter, limited to the caller's channels. */
export function orderPageArgs(
  first: number | null | undefined,
  after: string | null | undefined,
  filter: OrderFilter | null | undefined,
  caller: Principal,
): OrderPageArgs {
  const page = pageArgs(first, after);
  return {
    first: page.first,
    after: page.after && checkCursor(page.after),
    filter: normalizeOrderFilter(filter, caller),
  };
}

// A well-formed cursor from another list (or a forged one) must not reach SQL as garbage.
function checkCursor(cursor: DecodedCursor): { placedAt: string; id: string } {
  const at = typeof cursor.sortKey === 'string' ? new Date(cursor.sortKey) : null;
  if (!at || Number.isNaN(at.getTime()) || !isUuid(cursor.id)) {
    throw badUserInput('"after" is not a cursor of an order list. Use a cursor returned by this API.');
  }
  return { placedAt: at.toISOString(), id: cursor.id.toLowerCase() };
}

const emptyPage = (): Page<Order> => ({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });

/** Conditions shared by both lists: the filter, then (for the page only) the cursor. */
function conditions(filter: NormalizedOrderFilter, params: SqlParams, customerIds?: readonly string[]): string[] {
  const where = orderFilterConditions(filter, params);
  if (customerIds) where.unshift(`o.customer_id = ANY(${params.add(customerIds, 'uuid[]')})`);
  return where;
}

function afterCondition(after: OrderPageArgs['after'], params: SqlParams): string[] {
  if (!after) return [];
  return [`(o.placed_at, o.id) < (${params.add(after.placedAt, 'timestamptz')}, ${params.add(after.id, 'uuid')})`];
}

/** One page of all orders, newest first (ORDER BY placed_at DESC, id DESC). Two statements. */
export async function findOrderPage(db: DataSource, args: OrderPageArgs): Promise<Page<Order>> {
  if (!args.filter) return emptyPage();
  const countParams = new SqlParams();
  const countSql = `SELECT count(*)::int AS n FROM sales_order o ${whereClause(conditions(args.filter, countParams))}`;
  const pageParams = new SqlParams();
  const where = [...conditions(args.filter, pageParams), ...afterCondition(args.after, pageParams)];
  const pageSql = `SELECT ${ORDER_COLUMNS} FROM sales_order o ${whereClause(where)}
    ORDER BY o.placed_at DESC, o.id DESC LIMIT ${pageParams.add(args.first + 1, 'int')}`;
  const [[{ n }], rows] = await Promise.all([
    readBuiltRows<{ n: number }>(db, countSql, countParams.values),
    readBuiltRows<OrderRow>(db, pageSql, pageParams.values),
  ]);
  return toPage(rows.map(toOrder), args.first, n, orderCursor);
}

/**
 * The same page for many customers at once: one windowed statement for the
 * rows (first + 1 per customer) and one grouped count, whatever the number of
 * customers. Pages come back in the order of `customerIds`.
 */
export async function findCustomerOrderPages(
  db: DataSource,
  customerIds: readonly string[],
  args: OrderPageArgs,
): Promise<Page<Order>[]> {
  const ids = [...new Set(customerIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (!args.filter || ids.length === 0) return customerIds.map(emptyPage);
  const countParams = new SqlParams();
  const countSql = `SELECT o.customer_id AS "customerId", count(*)::int AS n FROM sales_order o
    ${whereClause(conditions(args.filter, countParams, ids))} GROUP BY o.customer_id`;
  const pageParams = new SqlParams();
  const where = [...conditions(args.filter, pageParams, ids), ...afterCondition(args.after, pageParams)];
  const pageSql = `SELECT * FROM (
      SELECT ${ORDER_COLUMNS},
        row_number() OVER (PARTITION BY o.customer_id ORDER BY o.placed_at DESC, o.id DESC) AS rn
      FROM sales_order o ${whereClause(where)}
    ) p WHERE p.rn <= ${pageParams.add(args.first + 1, 'int')} ORDER BY p."customerId", p.rn`;
  const [counts, rows] = await Promise.all([
    readBuiltRows<{ customerId: string; n: number }>(db, countSql, countParams.values),
    readBuiltRows<OrderRow>(db, pageSql, pageParams.values),
  ]);
  const countOf = new Map(counts.map((c) => [c.customerId, c.n]));
  const rowsOf = new Map<string, Order[]>();
  for (const row of rows) {
    // Rows are filtered by customer: every one has its customer.
    const customerId = row.customerId as string;
    const list = rowsOf.get(customerId) ?? [];
    list.push(toOrder(row));
    rowsOf.set(customerId, list);
  }
  return customerIds.map((raw) => {
    const id = raw.toLowerCase();
    return toPage(rowsOf.get(id) ?? [], args.first, countOf.get(id) ?? 0, orderCursor);
  });
}
