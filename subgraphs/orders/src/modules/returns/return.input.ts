import {
  IntLimits,
  ListLimits,
  TextLimits,
  checkListSize,
  checkText,
  inputBound,
  problemsOf,
  textBound,
  type InputProblem,
} from '@supply-graph/shared';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ReturnReason, ReturnStatus } from './return.type';

const chars = (max: number) => textBound(max).description;
const QUANTITY = `${IntLimits.quantity.min}..${IntLimits.quantity.max}`;

@InputType({ description: 'One order line to return: by line number, or by SKU when the order has one line of it.' })
export class ReturnLineInput {
  @Field(() => Int, { nullable: true, description: `The order line's number (1..${ListLimits.orderLines}).` })
  lineNo?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `The line's SKU, when no lineNo is given. ${chars(TextLimits.sku)}`,
  })
  sku?: string | null;

  @Field(() => Int, { description: `Units to return, ${QUANTITY}, at most what was shipped and not returned yet.` })
  quantity: number;
}

@InputType({ description: 'A buyer (or the desk for a buyer) asks to return some units of a shipped order.' })
export class RequestReturnInput {
  @Field(() => ID, { description: `The order. ${chars(TextLimits.id)}` })
  orderId: string;

  @Field(() => [ReturnLineInput], { description: `The lines and units. At most ${ListLimits.orderLines} entries.` })
  lines: ReturnLineInput[];

  @Field(() => ReturnReason)
  reason: ReturnReason;

  @Field(() => String, { nullable: true, description: `In the buyer's words. ${chars(TextLimits.note)}` })
  note?: string | null;
}

/** Sizes only: what the lines mean is checked by the service, which lists every problem at once. */
export const requestReturnBound = inputBound((input): InputProblem[] => {
  const lines = Array.isArray(input.lines) ? (input.lines as Record<string, unknown>[]) : [];
  return problemsOf(
    checkText('input.orderId', input.orderId, { max: TextLimits.id }),
    checkListSize('input.lines', input.lines, ListLimits.orderLines),
    checkText('input.note', input.note, { max: TextLimits.note, multiline: true }),
    ...lines.map((line, i) => checkText(`input.lines[${i}].sku`, line.sku, { max: TextLimits.sku })),
  );
});

@InputType({ description: 'Conditions on returns; the given ones combine with AND.' })
export class ReturnFilter {
  @Field(() => [ReturnStatus], {
    nullable: true,
    description: `Any of these statuses. At most ${ListLimits.statusFilter} entries.`,
  })
  status?: ReturnStatus[] | null;

  @Field(() => String, { nullable: true, description: `Channel code (case-insensitive). ${chars(TextLimits.code)}` })
  channel?: string | null;

  @Field(() => ID, { nullable: true, description: `Returns of this order. ${chars(TextLimits.id)}` })
  orderId?: string | null;

  @Field(() => [ReturnReason], { nullable: true, description: 'Any of these reasons. At most 7 entries.' })
  reason?: ReturnReason[] | null;
}

export const returnFilterBound = inputBound((filter): InputProblem[] =>
  problemsOf(
    checkListSize('filter.status', filter.status, ListLimits.statusFilter),
    checkText('filter.channel', filter.channel, { max: TextLimits.code }),
    checkText('filter.orderId', filter.orderId, { max: TextLimits.id }),
    checkListSize('filter.reason', filter.reason, 7),
  ),
);
