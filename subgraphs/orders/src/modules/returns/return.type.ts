import { PageInfo, Pii } from '@supply-graph/shared';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../common/money.type';
import { ReturnStatus } from './return-status.machine';

export { ReturnStatus };

/** Why the buyer sends goods back; the first four are the seller's fault (the shipping fee is refunded too). */
export enum ReturnReason {
  DAMAGED = 'DAMAGED',
  DEFECTIVE = 'DEFECTIVE',
  WRONG_ITEM = 'WRONG_ITEM',
  NOT_AS_DESCRIBED = 'NOT_AS_DESCRIBED',
  SIZE_FIT = 'SIZE_FIT',
  CHANGED_MIND = 'CHANGED_MIND',
  OTHER = 'OTHER',
}

/** How much of an order came back. */
export enum ReturnState {
  NONE = 'NONE',
  PARTIAL = 'PARTIAL',
  FULL = 'FULL',
}

registerEnumType(ReturnStatus, {
  name: 'ReturnStatus',
  description: 'Where a return stands; the transitions are the table in returns/return-status.machine.ts.',
  valuesConfig: {
    REQUESTED: { description: 'Waiting for an operator (outside the returns window, or a reason not auto-approved).' },
    AUTHORISED: { description: 'Accepted; inventory picks the receiving warehouse and logistics books the parcel.' },
    REJECTED: { description: 'Refused by an operator; final.' },
    IN_TRANSIT: { description: 'The return parcel is with the carrier.' },
    RECEIVED: { description: 'At the warehouse, waiting for inspection.' },
    INSPECTED: { description: 'Inspected; the refund is being settled (a moment, in the same step).' },
    REFUNDED: { description: 'Inspected and refunded (`refund`); final.' },
    CLOSED: { description: 'Inspected with nothing to refund; final.' },
  },
});
registerEnumType(ReturnReason, { name: 'ReturnReason', description: 'Why goods are returned.' });
registerEnumType(ReturnState, {
  name: 'ReturnState',
  description: 'How much of an order has been returned, counted in units of returns not rejected.',
  valuesConfig: {
    NONE: { description: 'No unit in a return (or only in rejected ones).' },
    PARTIAL: { description: 'Some units in returns, not all.' },
    FULL: { description: 'Every unit of every line in a return.' },
  },
});

@ObjectType({ description: 'One order line in a return, with what inspection made of its units.' })
export class ReturnLine {
  @Field(() => Int, { description: 'The order line returned.' })
  lineNo: number;

  @Field(() => String)
  sku: string;

  @Field(() => Int, { description: 'Units the buyer sends back.' })
  quantity: number;

  @Field(() => Int, { description: 'Units put back on hand after inspection.' })
  restocked: number;

  @Field(() => Int, { description: 'Units sent to refurbishment after inspection.' })
  refurbished: number;

  @Field(() => Int, { description: 'Units scrapped after inspection.' })
  scrapped: number;

  @Field(() => Money, { nullable: true, description: "This line's refund; null until the return is inspected." })
  refund: Money | null;
}

@ObjectType({ description: 'One step of a return status history.' })
export class ReturnStatusChange {
  @Field(() => ReturnStatus, { nullable: true, description: 'Null for the first entry (the return was created).' })
  from: ReturnStatus | null;

  @Field(() => ReturnStatus)
  to: ReturnStatus;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A return (RMA) of some units of one order.' })
export class Return {
  @Field(() => ID)
  id: string;

  /** Resolved by `Return.order`. */
  orderId: string;

  channelCode: string;

  currency: string;

  @Field(() => ReturnStatus)
  status: ReturnStatus;

  @Field(() => ReturnReason)
  reason: ReturnReason;

  @Pii('line')
  @Field(() => String, {
    nullable: true,
    description:
      'The buyer\'s or operator\'s words. PII (free text may name people): without pii:read masked as "***".',
  })
  note: string | null;

  @Field(() => String, { description: 'REQUEST (requestReturn) or the channel code it was imported from.' })
  source: string;

  @Field(() => String, { nullable: true, description: "The channel's own return or refund id, for imported returns." })
  externalId: string | null;

  @Field(() => Money, {
    nullable: true,
    description: 'What is refunded: the lines plus `shippingRefund`; null until the return is inspected.',
  })
  refund: Money | null;

  @Field(() => Money, { description: 'The part of `refund` that is the shipping fee ("0.00" when none).' })
  shippingRefund: Money;

  @Field(() => Date)
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  authorisedAt: Date | null;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  inspectedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the refund was settled (REFUNDED or CLOSED).' })
  refundedAt: Date | null;

  @Field(() => Int, { description: 'Increases by one on every status change.' })
  version: number;
}

@ObjectType()
export class ReturnEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Return)
  node: Return;
}

@ObjectType()
export class ReturnConnection {
  @Field(() => [ReturnEdge])
  edges: ReturnEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'All returns matching the filter, across pages.' })
  totalCount: number;
}

@ObjectType({ description: 'Result of requesting or importing a return.' })
export class ReturnPayload {
  @Field(() => Return)
  return: Return;

  @Field(() => Boolean, { description: "False when an earlier import of the same channel's return made it." })
  created: boolean;
}

@ObjectType({ description: 'Units sold and returned for one key (a SKU, a channel or a reason).' })
export class ReturnRateRow {
  @Field(() => String, { description: 'The SKU, channel code or reason.' })
  key: string;

  @Field(() => Int, {
    description: 'Units shipped in the window (orders placed in it and shipped); for a reason: every SKU.',
  })
  unitsSold: number;

  @Field(() => Int, { description: 'Units of those orders in returns that were not rejected.' })
  unitsReturned: number;

  @Field(() => Float, { nullable: true, description: 'unitsReturned / unitsSold; null when nothing was sold.' })
  returnRate: number | null;
}

@ObjectType({ description: 'Return rates of the orders placed in a window, by SKU, by channel and by reason.' })
export class ReturnKpis {
  @Field(() => Int)
  unitsSold: number;

  @Field(() => Int)
  unitsReturned: number;

  @Field(() => Float, { nullable: true })
  returnRate: number | null;

  @Field(() => [ReturnRateRow], { description: 'SKUs with a returned unit, most returned first (at most 100).' })
  bySku: ReturnRateRow[];

  @Field(() => [ReturnRateRow], { description: 'Every channel that sold in the window, by code.' })
  byChannel: ReturnRateRow[];

  @Field(() => [ReturnRateRow], {
    description: 'Every reason given, by name; unitsSold is all units sold, so the rates add up to the total rate.',
  })
  byReason: ReturnRateRow[];
}
