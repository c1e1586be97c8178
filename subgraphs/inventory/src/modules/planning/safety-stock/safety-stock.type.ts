import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SafetyStockSourceKind {
  FIXED = 'FIXED',
  DYNAMIC = 'DYNAMIC',
}

registerEnumType(SafetyStockSourceKind, {
  name: 'SafetyStockSource',
  description: "Where a stock level's safety stock comes from.",
  valuesConfig: {
    FIXED: { description: "The operator's number: the level has no forecast fitted on enough history yet." },
    DYNAMIC: {
      description:
        'Computed from the forecast error: ceil(z(serviceLevel) x sqrt(sum over the lead-time days of ' +
        '(errorSd x promotion uplift)^2)), i.e. z x sigma x sqrt(leadTimeDays) without promotions.',
    },
  },
});

@ObjectType({
  description:
    "One change of a stock level's safety stock, with the inputs it was computed from: " +
    'newSafetyStock = ceil(z x errorSd x sqrt(leadTimeDays) x uplift) when DYNAMIC, the fixed number when FIXED.',
})
export class SafetyStockChange {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  sku: string;

  @Field(() => ID)
  warehouseId: string;

  @Field(() => Date)
  changedAt: Date;

  @Field(() => String, {
    description: 'What started the recompute ("scheduled recompute", "planning policy changed").',
  })
  reason: string;

  @Field(() => Int)
  oldSafetyStock: number;

  @Field(() => Int)
  newSafetyStock: number;

  @Field(() => SafetyStockSourceKind)
  source: SafetyStockSourceKind;

  @Field(() => Float, {
    nullable: true,
    description: 'Standard deviation of the daily forecast error on held-out days, units; null without a forecast.',
  })
  errorSd: number | null;

  @Field(() => Int, { nullable: true, description: 'Days of demand history the forecast was fitted on.' })
  historyDays: number | null;

  @Field(() => Date, { nullable: true, description: 'When the forecast used was fitted.' })
  fittedAt: Date | null;

  @Field(() => Int)
  leadTimeDays: number;

  @Field(() => Float)
  serviceLevel: number;

  @Field(() => Float, { description: 'The standard normal quantile of the service level (1.645 at 0.95).' })
  z: number;

  @Field(() => Float, {
    description:
      "Planned promotions' effect on the error over the lead time: the root mean square of the daily uplift " +
      '(1 without promotions).',
  })
  uplift: number;

  @Field(() => Float, { description: 'Planned demand over the lead time (forecast x promotions), units.' })
  leadTimeDemand: number;

  @Field(() => Int, {
    description: 'The reorder point with the new safety stock: ceil(leadTimeDemand) + safety stock.',
  })
  reorderPoint: number;
}

@ObjectType({
  description:
    "An operator's planning override for a whole warehouse (sku null) or one SKU there; a null figure is inherited " +
    '(SKU x warehouse, then warehouse, then the configuration).',
})
export class PlanningPolicyOverride {
  @Field(() => ID)
  warehouseId: string;

  @Field(() => ID, { nullable: true })
  sku: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from ordering (or producing) to units on the shelf.' })
  leadTimeDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Days between two looks at a level.' })
  reviewDays: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The share of lead times that should pass without a stockout.',
  })
  serviceLevel: number | null;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({ description: 'What setPlanningPolicy stored, and the safety stocks it changed.' })
export class SetPlanningPolicyPayload {
  @Field(() => PlanningPolicyOverride, { nullable: true, description: 'Null when every figure was cleared.' })
  policy: PlanningPolicyOverride | null;

  @Field(() => [SafetyStockChange], { description: 'Safety stocks recomputed under the new policy.' })
  changes: SafetyStockChange[];
}
