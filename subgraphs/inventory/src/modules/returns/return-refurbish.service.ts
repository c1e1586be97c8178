import { badUserInput, conflict, isUuid, notFound, returnedRows, type InputProblem } from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { restockUnits } from '../ledger/return.service';
import type { CompleteRefurbishmentInput } from './return-refurbish.input';
import { RECEIPT_COLUMNS, type ReceiptLine, type ReceiptRow } from './return-receipt-row';
import { lockReceipt } from './return-receive.service';
import { ReturnReceiptStatus } from './return-status';

const LINES_SQL = `
  UPDATE return_receipt r SET lines = $2::jsonb WHERE r.return_id = $1
  RETURNING ${RECEIPT_COLUMNS}`;

/** Units of a line still in refurbishment: sent there at inspection, not yet mended or scrapped. */
export const inRefurbishment = (line: ReceiptLine): number =>
  (line.refurbished ?? 0) - (line.refurbishedRestocked ?? 0) - (line.refurbishedScrapped ?? 0);

/**
 * Units of an inspected return come out of refurbishment: mended ones go on hand at the receiving warehouse
 * (RETURN movements tied to the return, offered to waiting orders at once, as restocked units are at inspection),
 * the others are scrapped; both are added to the line's record on the receipt. Any number of times, until every
 * unit sent to refurbishment is accounted for. The refund is not touched: it was settled at inspection.
 *
 * @throws NOT_FOUND no receipt for the return
 * @throws FORBIDDEN a return of a channel outside the caller's
 * @throws CONFLICT not INSPECTED yet (extensions: status, action)
 * @throws BAD_USER_INPUT every problem of the lines at once (unknown or repeated lines, more units than are in
 *   refurbishment, nothing given)
 */
export async function completeRefurbishment(
  ctx: InventoryContext,
  input: CompleteRefurbishmentInput,
): Promise<ReceiptRow> {
  if (!isUuid(input.returnId)) throw notFound('Return', input.returnId);
  const id = input.returnId.toLowerCase();
  const row = await ctx.events.transaction(async (tx) => {
    const receipt = await lockReceipt(ctx, tx, id);
    if (receipt.status !== ReturnReceiptStatus.INSPECTED)
      throw conflict(`Return ${id} is ${receipt.status}: its units are judged at inspection first`, {
        returnId: id,
        status: receipt.status,
        action: 'refurbish',
      });
    const lines = applyRefurbishment(receipt.lines, input);
    const mended = new Map<string, number>();
    for (const given of input.lines) {
      const sku = receipt.lines.find((l) => l.lineNo === given.lineNo)!.sku;
      if (given.restock > 0) mended.set(sku, (mended.get(sku) ?? 0) + given.restock);
    }
    await restockUnits(
      tx,
      [...mended].map(([sku, quantity]) => ({ sku, warehouseId: receipt.warehouseId, quantity })),
      { orderId: receipt.orderId, returnId: id, reason: `return ${id} refurbished: restocked` },
      ctx,
    );
    return returnedRows<ReceiptRow>(await tx.manager.query(LINES_SQL, [id, JSON.stringify(lines)]))[0];
  });
  for (const line of input.lines) {
    const sku = row.lines.find((l) => l.lineNo === line.lineNo)?.sku;
    if (sku) ctx.loaders.stockLevelsBySku.clear(sku);
  }
  ctx.loaders.receiptByReturnId.clear(id).prime(id, row);
  return row;
}

/** The receipt's lines with the refurbishment outcome added; BAD_USER_INPUT listing every problem. */
export function applyRefurbishment(lines: ReceiptLine[], input: CompleteRefurbishmentInput): ReceiptLine[] {
  const problems: InputProblem[] = [];
  if (!input.lines.some((l) => l.restock + l.scrap > 0))
    problems.push({ field: 'lines', message: 'must give at least one unit mended or scrapped' });
  const given = new Map<number, { restock: number; scrap: number }>();
  input.lines.forEach((l, i) => {
    const at = `lines[${i}]`;
    const line = lines.find((r) => r.lineNo === l.lineNo);
    if (!line) problems.push({ field: `${at}.lineNo`, message: `the return has no line ${l.lineNo}` });
    else if (given.has(l.lineNo)) problems.push({ field: at, message: `line ${l.lineNo} is named twice` });
    else if (l.restock + l.scrap > inRefurbishment(line))
      problems.push({
        field: at,
        message: `restock + scrap is ${l.restock + l.scrap}, line ${l.lineNo} (${line.sku}) has ${inRefurbishment(line)} unit(s) in refurbishment`,
      });
    given.set(l.lineNo, l);
  });
  if (problems.length) throw badUserInput(`Invalid refurbishment: ${problems.length} problem(s)`, problems);
  return lines.map((line) => {
    const out = given.get(line.lineNo);
    if (!out) return line;
    return {
      ...line,
      refurbishedRestocked: (line.refurbishedRestocked ?? 0) + out.restock,
      refurbishedScrapped: (line.refurbishedScrapped ?? 0) + out.scrap,
    };
  });
}
