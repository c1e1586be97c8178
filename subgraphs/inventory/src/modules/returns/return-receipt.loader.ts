import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import { RECEIPT_COLUMNS, receiptInChannels, type ReceiptRow } from './return-receipt-row';

const RECEIPTS = preparedRead<ReceiptRow>(
  'inventory.return-receipts-by-id',
  `SELECT ${RECEIPT_COLUMNS} FROM return_receipt r WHERE r.return_id = ANY($1::uuid[]) AND
    ${receiptInChannels('r', '$2')}`,
);

/**
 * Per-request receipt loader: one SQL statement per request, however many
 * returns are referenced, limited to the caller's channels (`channels`, null:
 * every channel): another channel's receipt loads as null.
 */
export function createReturnReceiptLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    receiptByReturnId: new DataLoader<string, ReceiptRow | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await readRows(db, RECEIPTS, [valid, channels]) : [];
      const byId = new Map(rows.map((row) => [row.returnId, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
