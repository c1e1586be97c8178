import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum StockAlertKind {
  LOW_STOCK = 'LOW_STOCK',
  DEMAND_EXCEEDS_SUPPLY = 'DEMAND_EXCEEDS_SUPPLY',
}

registerEnumType(StockAlertKind, {
  name: 'StockAlertKind',
  description: 'What a stock alert is about.',
  valuesConfig: {
    LOW_STOCK: {
      description: 'A stock level has less available than its safety stock (onHand - reserved < 2 x safetyStock).',
    },
    DEMAND_EXCEEDS_SUPPLY: {
      description: 'Backordered orders want more units of the SKU than all warehouses have available.',
    },
  },
});

@ObjectType({
  description:
    "Trouble with a SKU's stock, raised when it starts and closed when it clears; one open alert per SKU, warehouse " +
    'and kind.',
})
export class StockAlert {
  @Field(() => ID)
  id: string;

  @Field(() => StockAlertKind)
  kind: StockAlertKind;

  @Field(() => ID)
  sku: string;

  /** Resolved to `warehouse` by a field resolver; null for alerts about the SKU as a whole. */
  warehouseId: string | null;

  @Field(() => String, { description: 'What was seen when the alert was raised.' })
  message: string;

  @Field(() => Date)
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the condition cleared; null while the alert is open.' })
  closedAt: Date | null;
}
