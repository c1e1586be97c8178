import { badUserInput, type InputProblem } from '@supply-graph/shared';
import { lineProblems, type InspectReturnLineInput } from './return-inspect.input';
import type { ReceiptLine } from './return-receipt-row';

/** A receipt line with its units judged (refurbishment comes later: return-refurbish.service.ts). */
export type JudgedLine = Required<Omit<ReceiptLine, 'refurbishedRestocked' | 'refurbishedScrapped'>>;

/**
 * Matches an inspection to the return's lines and checks it: every line
 * judged exactly once, named by lineNo or by a SKU that only one line has,
 * and each line's restock + refurbish + scrap equal to its units.
 *
 * @throws BAD_USER_INPUT listing every problem at once
 */
export function judgeLines(receipt: ReceiptLine[], input: InspectReturnLineInput[]): JudgedLine[] {
  const problems: InputProblem[] = lineProblems(input);
  const claimed = new Map<number, JudgedLine>();
  input.forEach((given, i) => {
    const at = `lines[${i}]`;
    const line = target(receipt, given, at, problems);
    if (!line) return;
    if (claimed.has(line.lineNo)) {
      problems.push({ field: at, message: `line ${line.lineNo} is named twice` });
      return;
    }
    const sum = given.restock + given.refurbish + given.scrap;
    if (sum !== line.quantity)
      problems.push({
        field: at,
        message: `restock + refurbish + scrap is ${sum}, line ${line.lineNo} (${line.sku}) returned ${line.quantity}`,
      });
    claimed.set(line.lineNo, {
      lineNo: line.lineNo,
      sku: line.sku,
      quantity: line.quantity,
      restocked: given.restock,
      refurbished: given.refurbish,
      scrapped: given.scrap,
    });
  });
  for (const line of receipt)
    if (!claimed.has(line.lineNo))
      problems.push({ field: 'lines', message: `line ${line.lineNo} (${line.sku}) is not judged` });
  if (problems.length) throw badUserInput(`Invalid inspection: ${problems.length} problem(s)`, problems);
  return receipt.map((line) => claimed.get(line.lineNo) as JudgedLine);
}

/** The receipt line an inspection line names; records why when it names none. */
function target(
  receipt: ReceiptLine[],
  given: InspectReturnLineInput,
  at: string,
  problems: InputProblem[],
): ReceiptLine | null {
  const lineNo = given.lineNo ?? null;
  const sku = given.sku ?? null;
  if (lineNo !== null) {
    const line = receipt.find((l) => l.lineNo === lineNo);
    if (!line) problems.push({ field: `${at}.lineNo`, message: `the return has no line ${lineNo}` });
    else if (sku !== null && sku !== line.sku)
      problems.push({ field: `${at}.sku`, message: `line ${lineNo} is ${line.sku}, not ${sku}` });
    else return line;
    return null;
  }
  if (sku === null) return null;
  const lines = receipt.filter((l) => l.sku === sku);
  if (lines.length === 1) return lines[0];
  problems.push({
    field: `${at}.sku`,
    message: lines.length
      ? `${sku} is on lines ${lines.map((l) => l.lineNo).join(', ')}: name the line by lineNo`
      : `the return has no line of ${sku}`,
  });
  return null;
}
