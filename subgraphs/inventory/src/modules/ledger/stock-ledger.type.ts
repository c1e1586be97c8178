import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A stock level whose numbers differ from the sum of its movements: onHand should be RECEIVE + ADJUST + RETURN + ' +
    'TRANSFER_IN + TRANSFER_OUT - SHIP (ADJUST and the transfers are signed, TRANSFER_OUT negative), reserved ' +
    'should be RESERVE - RELEASE - SHIP.',
})
export class StockLedgerMismatch {
  @Field(() => ID)
  sku: string;

  /** Resolved to `warehouse` by a field resolver through the warehouse loader. */
  warehouseId: string;

  @Field(() => Boolean, { description: 'True for the presale pool of the level, false for regular stock.' })
  presale: boolean;

  @Field(() => Int, { description: 'On hand as the stock level says.' })
  onHand: number;

  @Field(() => Int, { description: 'On hand as the movements add up.' })
  ledgerOnHand: number;

  @Field(() => Int, { description: 'Reserved as the stock level says.' })
  reserved: number;

  @Field(() => Int, { description: 'Reserved as the movements add up.' })
  ledgerReserved: number;
}
