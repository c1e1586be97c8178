import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ReturnReceiptStatus } from './return-status';

@ObjectType({ description: 'One line of a return at its warehouse, and how its units were judged once inspected.' })
export class ReturnReceiptLine {
  @Field(() => Int, { description: 'The order line returned.' })
  lineNo: number;

  @Field(() => ID)
  sku: string;

  @Field(() => Int, { description: 'Units returned on this line.' })
  quantity: number;

  @Field(() => Int, { nullable: true, description: 'Units put back on hand; null until inspected.' })
  restocked: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Units sent to refurbishment at inspection (not on hand until mended: completeRefurbishment); null until ' +
      'inspected.',
  })
  refurbished: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of the refurbished units, those mended and back on hand (RETURN in the ledger); null until inspected.',
  })
  refurbishedRestocked: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of the refurbished units, those scrapped after all; null until inspected. What is neither is still in ' +
      'refurbishment.',
  })
  refurbishedScrapped: number | null;

  @Field(() => Int, { nullable: true, description: 'Units scrapped; null until inspected.' })
  scrapped: number | null;
}

@ObjectType({
  description:
    'A return at the warehouse that receives it: routed there when authorised, received when the parcel arrives, ' +
    'inspected once. Restocked units are RETURN movements in the stock ledger, offered to waiting orders at once.',
})
export class ReturnReceipt {
  @Field(() => ID, { description: 'The return (owned by orders).' })
  returnId: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => ReturnReceiptStatus)
  status: ReturnReceiptStatus;

  @Field(() => String, { description: 'The RETURN_REASON the return was authorised with, e.g. DAMAGED.' })
  reason: string;

  @Field(() => String, { description: 'Why this warehouse receives it, for operators.' })
  routingReason: string;

  @Field(() => Date, { description: 'When the warehouse was chosen.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  inspectedAt: Date | null;

  @Field(() => [ReturnReceiptLine])
  lines: ReturnReceiptLine[];

  /** Resolved to `warehouse` through the warehouse loader. */
  warehouseId: string;
}

/** The orders subgraph's Return; inventory contributes where it is received and how it was judged. */
@Directive('@key(fields: "id")')
@ObjectType('Return')
export class ReturnRef {
  @Field(() => ID)
  id: string;
}
