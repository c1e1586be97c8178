import {
  IntLimits,
  TextLimits,
  checkInt,
  checkText,
  inputBound,
  problemsOf,
  type InputProblem,
} from '@supply-graph/shared';
import { Field, ID, InputType, Int } from 'type-graphql';

/** Units of one return line, as one count: no line returns more than an order line holds. */
export const INSPECTED_UNITS = { min: 0, max: IntLimits.quantity.max } as const;
/** Lines one inspection may judge: as many as an order may have. */
export const MAX_INSPECTED_LINES = 200;

@InputType({
  description:
    "How one line's returned units were judged: restock + refurbish + scrap must equal the units returned on it. " +
    'Name the line by lineNo, or by sku when only one line of the return has it.',
})
export class InspectReturnLineInput {
  @Field(() => Int, { nullable: true, description: `The order line returned, 1..${MAX_INSPECTED_LINES * 1000}.` })
  lineNo?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: `The SKU, when it names one line. At most ${TextLimits.sku} characters.`,
  })
  sku?: string | null;

  @Field(() => Int, {
    description: `Units back on hand at the receiving warehouse, offered to waiting orders; ${INSPECTED_UNITS.min}..${INSPECTED_UNITS.max}.`,
  })
  restock: number;

  @Field(() => Int, {
    description: `Units sent to refurbishment, not on hand; ${INSPECTED_UNITS.min}..${INSPECTED_UNITS.max}.`,
  })
  refurbish: number;

  @Field(() => Int, { description: `Units scrapped, ${INSPECTED_UNITS.min}..${INSPECTED_UNITS.max}.` })
  scrap: number;
}

@InputType({ description: 'The inspection of a received return: every line of it, judged once.' })
export class InspectReturnInput {
  @Field(() => ID, { description: `The return. At most ${TextLimits.id} characters.` })
  returnId: string;

  @Field(() => [InspectReturnLineInput], {
    description: `Every line of the return. At most ${MAX_INSPECTED_LINES} lines.`,
  })
  lines: InspectReturnLineInput[];
}

/**
 * The bound of an `InspectReturnInput`: its size and text only, so nothing
 * large is read. The service reports every other problem at once (counts,
 * lines unknown, missing or named twice, sums) against the return.
 */
export const inspectReturnBound = inputBound((input) => {
  const lines = Array.isArray(input.lines) ? (input.lines as InspectReturnLineInput[]) : [];
  return problemsOf(
    checkText('returnId', input.returnId, { max: TextLimits.id }),
    lines.length > MAX_INSPECTED_LINES
      ? { field: 'lines', message: `at most ${MAX_INSPECTED_LINES} lines, got ${lines.length}` }
      : null,
    ...lines.slice(0, MAX_INSPECTED_LINES).map((l, i) => checkText(`lines[${i}].sku`, l?.sku, { max: TextLimits.sku })),
  );
});

/** Problems of the lines on their own: size, counts, each line named once. */
export function lineProblems(lines: InspectReturnLineInput[]): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!lines.length) problems.push({ field: 'lines', message: 'must name every line of the return' });
  if (lines.length > MAX_INSPECTED_LINES)
    problems.push({ field: 'lines', message: `at most ${MAX_INSPECTED_LINES} lines, got ${lines.length}` });
  lines.slice(0, MAX_INSPECTED_LINES).forEach((line, i) => {
    const at = `lines[${i}]`;
    problems.push(
      ...problemsOf(
        checkInt(`${at}.lineNo`, line.lineNo, { min: 1, max: MAX_INSPECTED_LINES * 1000 }),
        checkText(`${at}.sku`, line.sku, { max: TextLimits.sku }),
        checkInt(`${at}.restock`, line.restock, INSPECTED_UNITS),
        checkInt(`${at}.refurbish`, line.refurbish, INSPECTED_UNITS),
        checkInt(`${at}.scrap`, line.scrap, INSPECTED_UNITS),
      ),
    );
    if ((line.lineNo ?? null) === null && (line.sku ?? null) === null)
      problems.push({ field: at, message: 'must name the line by lineNo or sku' });
  });
  return problems;
}
