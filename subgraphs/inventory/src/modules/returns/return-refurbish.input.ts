import { TextLimits, checkInt, checkText, inputBound, problemsOf } from '@supply-graph/shared';
import { Field, ID, InputType, Int } from 'type-graphql';
import { INSPECTED_UNITS, MAX_INSPECTED_LINES } from './return-inspect.input';

@InputType({
  description:
    "What became of some of a line's units in refurbishment: mended (back on hand) or scrapped. Together at most " +
    'the units of the line still in refurbishment; the rest stay there.',
})
export class RefurbishedLineInput {
  @Field(() => Int, { description: `The order line returned, 1..${MAX_INSPECTED_LINES * 1000}.` })
  lineNo: number;

  @Field(() => Int, {
    description: `Units mended: back on hand at the receiving warehouse, offered to waiting orders; ${INSPECTED_UNITS.min}..${INSPECTED_UNITS.max}.`,
  })
  restock: number;

  @Field(() => Int, {
    description: `Units that could not be mended, scrapped; ${INSPECTED_UNITS.min}..${INSPECTED_UNITS.max}.`,
  })
  scrap: number;
}

@InputType({ description: 'Units of an inspected return coming out of refurbishment, for some of its lines.' })
export class CompleteRefurbishmentInput {
  @Field(() => ID, { description: `The return. At most ${TextLimits.id} characters.` })
  returnId: string;

  @Field(() => [RefurbishedLineInput], {
    description: `The lines with units out of refurbishment, each once. At most ${MAX_INSPECTED_LINES} lines.`,
  })
  lines: RefurbishedLineInput[];
}

/** The input's size and shape; the service checks the counts against the return. */
export const completeRefurbishmentBound = inputBound((input) => {
  const lines = Array.isArray(input.lines) ? (input.lines as RefurbishedLineInput[]) : [];
  return problemsOf(
    checkText('returnId', input.returnId, { max: TextLimits.id }),
    lines.length > MAX_INSPECTED_LINES
      ? { field: 'lines', message: `at most ${MAX_INSPECTED_LINES} lines, got ${lines.length}` }
      : null,
    ...lines
      .slice(0, MAX_INSPECTED_LINES)
      .flatMap((l, i) => [
        checkInt(`lines[${i}].lineNo`, l?.lineNo, { min: 1, max: MAX_INSPECTED_LINES * 1000 }),
        checkInt(`lines[${i}].restock`, l?.restock, INSPECTED_UNITS),
        checkInt(`lines[${i}].scrap`, l?.scrap, INSPECTED_UNITS),
      ]),
  );
});
