import { encodeCursor, isUuid, pageArgs, toPage, type Page } from '@supply-graph/shared';
import type { InventoryContext } from '../../../context';
import { cancelTransfer, receiveTransfer } from './transfer-close';
import { TRANSFER_COLUMNS, toStockTransfer, type TransferRow } from './transfer-row';
import { sendTransfer, type TransferStockRequest } from './transfer-send';
import type { TransferStatus } from './transfer-status';
import type { StockTransfer } from './transfer.type';

export interface TransferListFilter {
  sku?: string | null;
  warehouseId?: string | null;
  status?: TransferStatus | null;
}

// Newest first; the id breaks ties between transfers of one transaction time.
const WHERE = `($1::text IS NULL OR t.sku = $1) AND ($2::uuid IS NULL OR $2 IN (t.from_warehouse_id, t.to_warehouse_id))
  AND ($3::text IS NULL OR t.status = $3)`;
const MICROS = /^\d{1,18}$/;
const cursorOf = (t: StockTransfer) => encodeCursor((t as StockTransfer & { cursorMicros: string }).cursorMicros, t.id);

/** Transfers between warehouses: sending, receiving, cancelling, and reading them. */
export const transferService = {
  async send(ctx: InventoryContext, input: TransferStockRequest): Promise<StockTransfer> {
    return toStockTransfer(await sendTransfer(ctx, input));
  },

  async receive(ctx: InventoryContext, id: string, quantity: number | null): Promise<StockTransfer> {
    return toStockTransfer(await receiveTransfer(ctx, id, quantity));
  },

  async cancel(ctx: InventoryContext, id: string, reason: string): Promise<StockTransfer> {
    return toStockTransfer(await cancelTransfer(ctx, id, reason));
  },

  /** A transfer by id through the request's loader; null when there is none. */
  async findById(ctx: InventoryContext, id: string): Promise<StockTransfer | null> {
    const row = await ctx.loaders.transferById.load(id);
    return row && toStockTransfer(row);
  },

  /** Transfers matching the filter, newest first, cursor-paged. */
  async page(
    ctx: InventoryContext,
    filter: TransferListFilter,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<StockTransfer>> {
    const { first, after } = pageArgs(args.first, args.after);
    // A warehouse id that is no id names no warehouse: no transfers, as for an unknown one.
    if (filter.warehouseId && !isUuid(filter.warehouseId)) return toPage([], first, 0, cursorOf);
    const params = [filter.sku ?? null, filter.warehouseId?.toLowerCase() ?? null, filter.status ?? null];
    const [{ count }] = (await ctx.db.query(
      `SELECT count(*)::int AS count FROM stock_transfer t WHERE ${WHERE}`,
      params,
    )) as {
      count: number;
    }[];
    // The cursor holds created_at in whole microseconds, as PostgreSQL keeps it: no row of the same millisecond is
    // skipped or repeated between pages.
    const afterKey =
      after && MICROS.test(String(after.sortKey)) && isUuid(after.id) ? [String(after.sortKey), after.id] : null;
    if (after && !afterKey) return toPage([], first, count, cursorOf);
    const rows = (await ctx.db.query(
      `SELECT ${TRANSFER_COLUMNS}, (extract(epoch FROM t.created_at) * 1000000)::bigint::text AS "cursorMicros"
       FROM stock_transfer t
       WHERE ${WHERE} AND ($4::bigint IS NULL
         OR (t.created_at, t.id) < (timestamptz 'epoch' + $4::bigint * interval '1 microsecond', $5::uuid))
       ORDER BY t.created_at DESC, t.id DESC LIMIT $6`,
      [...params, ...(afterKey ?? [null, null]), first + 1],
    )) as (TransferRow & { cursorMicros: string })[];
    for (const row of rows) ctx.loaders.transferById.prime(row.id, row);
    return toPage(rows.map(toStockTransfer), first, count, cursorOf);
  },
};
