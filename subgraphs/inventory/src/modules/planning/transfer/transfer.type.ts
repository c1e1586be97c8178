import { PageInfo } from '@supply-graph/shared';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TransferStatus } from './transfer-status';

registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description: 'Where a transfer between warehouses stands.',
  valuesConfig: {
    IN_TRANSIT: { description: 'Units are on the way (some may have arrived already): receive or cancel the rest.' },
    RECEIVED: { description: 'Every unit sent arrived at the destination. Final.' },
    CANCELLED: { description: 'What had not arrived went back to the source. Final.' },
  },
});

@ObjectType({
  description:
    'Units of one product moving from one warehouse to another. Sent units leave the source at once and count at ' +
    'the destination only when received: meanwhile they are available at neither end. Every step is in the stock ' +
    'ledger (TRANSFER_OUT at the source, TRANSFER_IN where units land).',
})
export class StockTransfer {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  sku: string;

  /** Resolved to `fromWarehouse` by a field resolver through the warehouse loader. */
  fromWarehouseId: string;

  /** Resolved to `toWarehouse` by a field resolver through the warehouse loader. */
  toWarehouseId: string;

  @Field(() => Int, { description: 'Units sent.' })
  quantity: number;

  @Field(() => Int, { description: 'Units received at the destination so far.' })
  received: number;

  @Field(() => Int, { description: 'Units that went back to the source when the transfer was cancelled.' })
  returned: number;

  @Field(() => Int, { description: 'Units still on the way: quantity - received - returned.' })
  inTransit: number;

  @Field(() => TransferStatus)
  status: TransferStatus;

  @Field(() => String, { description: 'Why the units were sent, as the operator said.' })
  reason: string;

  @Field(() => String, {
    nullable: true,
    description: "The operator's document number; sending again with the same reference returns this transfer.",
  })
  reference: string | null;

  @Field(() => Boolean, { description: "The sender allowed the source's safety stock to be used." })
  belowSafetyStock: boolean;

  @Field(() => String, { nullable: true, description: 'Why the rest was cancelled, when it was.' })
  cancelReason: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the transfer became RECEIVED or CANCELLED.' })
  closedAt: Date | null;
}

@ObjectType()
export class StockTransferEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => StockTransfer)
  node: StockTransfer;
}

@ObjectType({ description: 'Transfers, newest first.' })
export class StockTransferConnection {
  @Field(() => [StockTransferEdge])
  edges: StockTransferEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Transfers matching the filter, across pages.' })
  totalCount: number;
}

@ObjectType({
  description:
    'A move the planning suggests: the destination needs more over the coming days than it holds and has coming, ' +
    'the source holds more than its own needs and safety stock. Nothing is moved until someone calls transferStock.',
})
export class TransferSuggestion {
  @Field(() => ID)
  sku: string;

  /** Resolved to `fromWarehouse` through the warehouse loader. */
  fromWarehouseId: string;

  /** Resolved to `toWarehouse` through the warehouse loader. */
  toWarehouseId: string;

  @Field(() => Int, { description: 'Units to send.' })
  quantity: number;

  @Field(() => Float, { description: 'Great-circle distance between the two warehouses, in km.' })
  distanceKm: number;

  @Field(() => Float, { description: 'quantity x distanceKm: the cost the suggestions keep low.' })
  unitKm: number;

  @Field(() => Float, { description: "The destination's planned demand over the days (forecast x promotions)." })
  destinationDemand: number;

  @Field(() => Int, {
    description: 'What the destination has for it: available (on hand - reserved - safety stock) plus inbound.',
  })
  destinationSupply: number;

  @Field(() => Int, { description: 'Units the source holds over its own planned demand and safety stock.' })
  sourceSurplus: number;

  @Field(() => String, { description: 'The figures behind the suggestion, in words.' })
  reason: string;
}
