import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReplenishmentUrgency } from './replenishment-plan';

registerEnumType(ReplenishmentUrgency, {
  name: 'ReplenishmentUrgency',
  description: 'How soon a replenishment order must go out.',
  valuesConfig: {
    LATE: { description: 'The order-by day has passed: order today; the units still arrive after they are needed.' },
    NOW: { description: 'Order today.' },
    SOON: { description: 'Order within the review period (before the next review would be too late).' },
    PLANNED: { description: 'Due after the next review.' },
  },
});

@ObjectType({ description: 'The figures a replenishment suggestion was made from.' })
export class ReplenishmentInputs {
  @Field(() => Int, { description: 'Units in the warehouse now.' })
  onHand: number;

  @Field(() => Int, { description: 'Units promised to allocated orders.' })
  reserved: number;

  @Field(() => Int, { description: 'Units in transit to the warehouse, not yet received; counted as coming.' })
  inbound: number;

  @Field(() => Int, { description: 'The inventory position today: onHand - reserved + inbound.' })
  position: number;

  @Field(() => Float, { description: 'The safety stock planned against.' })
  safetyStock: number;

  @Field(() => Float, { description: 'The reorder point: order when the position falls to it.' })
  reorderPoint: number;

  @Field(() => Int, { description: 'Days from ordering (or producing) to units on the shelf.' })
  leadTimeDays: number;

  @Field(() => Int, { description: 'Days between two reviews: an order covers the lead time and this.' })
  reviewDays: number;

  @Field(() => Float, { description: 'Planned demand over the horizon: the forecast with planned promotions.' })
  horizonDemand: number;

  @Field(() => Float, { description: 'Of horizonDemand, the units planned promotions add.' })
  promotionDemand: number;

  @Field(() => Int, { description: 'Days of the horizon with a stored forecast; days without one count no demand.' })
  forecastDays: number;

  @Field(() => Float, { description: 'The projected position at the start of the order-by day.' })
  positionAtOrder: number;

  @Field(() => Float, { description: 'Planned demand over lead time + review period from the order-by day.' })
  coverDemand: number;

  @Field(() => Float, { description: 'safetyStock + coverDemand: the level the order brings the position up to.' })
  orderUpTo: number;
}

@ObjectType({
  description:
    'What to order (or produce) for one product at one warehouse, how much and by when: the position (on hand - ' +
    'reserved + inbound) projected day by day against the planned demand reaches the reorder point within the ' +
    'horizon, and the order brings it up to safety stock + demand over lead time and review period. Days are UTC, ' +
    'YYYY-MM-DD.',
})
export class ReplenishmentSuggestion {
  @Field(() => ID)
  sku: string;

  @Field(() => ID)
  warehouseId: string;

  @Field(() => Int, { description: 'Units to order: orderUpTo - positionAtOrder, rounded up.' })
  quantity: number;

  @Field(() => String, {
    description:
      'The last day to place the order: the day the position reaches the reorder point, or a lead time before ' +
      'it would fall below safety stock when that is earlier; today when late.',
  })
  orderBy: string;

  @Field(() => String, {
    description:
      'When the units must be on the shelf: the day the projected position would fall below safety stock; ' +
      'without such a day in sight, when an order placed on orderBy arrives.',
  })
  neededBy: string;

  @Field(() => String, { description: 'When an order placed on orderBy arrives (orderBy + lead time).' })
  arrivesBy: string;

  @Field(() => String, { description: 'The day the projected position reaches the reorder point.' })
  reorderPointOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'The first day demand would go unmet without this order; null when none is in sight.',
  })
  stockoutOn: string | null;

  @Field(() => Boolean, { description: 'The order-by day has passed: even ordered today the units arrive late.' })
  late: boolean;

  @Field(() => Int, { description: 'Days the order is overdue; 0 unless late.' })
  daysLate: number;

  @Field(() => ReplenishmentUrgency)
  urgency: ReplenishmentUrgency;

  @Field(() => ReplenishmentInputs)
  inputs: ReplenishmentInputs;
}
