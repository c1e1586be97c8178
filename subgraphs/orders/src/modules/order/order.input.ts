import {
  IntLimits,
  ListLimits,
  MoneyLimits,
  TextLimits,
  checkListSize,
  checkText,
  inputBound,
  problemsOf,
  textBound,
  type InputProblem,
} from '@supply-graph/shared';
import { Field, ID, InputType, Int } from 'type-graphql';
import { formatMinor } from '../intake/normalize/money';
import { OrderStatus } from './order.type';

// Limits as the field descriptions state them; `order-bounds.ts` (orders) and `checkOrderFilter` hold inputs to them.
const chars = (max: number) => textBound(max).description;
const CODE = chars(TextLimits.code);

@InputType({ description: 'Conditions on orders; the given ones combine with AND.' })
export class OrderFilter {
  @Field(() => String, { nullable: true, description: `Channel code, e.g. "tmall" (case-insensitive). ${CODE}` })
  channel?: string | null;

  @Field(() => [OrderStatus], {
    nullable: true,
    description: `Any of these statuses; an empty list matches nothing. At most ${ListLimits.statusFilter} entries.`,
  })
  status?: OrderStatus[] | null;

  @Field(() => ID, {
    nullable: true,
    description: `Orders of this customer; an id that is not a UUID matches nothing. ${chars(TextLimits.id)}`,
  })
  customerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Placed at or after this instant (inclusive).' })
  placedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Placed strictly before this instant (exclusive).' })
  placedBefore?: Date | null;
}

/** The bound of an `OrderFilter` argument, for `@BoundedArg`. */
export const orderFilterBound = inputBound((filter): InputProblem[] =>
  problemsOf(
    checkText('filter.channel', filter.channel, { max: TextLimits.code }),
    checkListSize('filter.status', filter.status, ListLimits.statusFilter),
    checkText('filter.customerId', filter.customerId, { max: TextLimits.id }),
  ),
);

@InputType({
  description:
    `At most ${ListLimits.orderLines} per order. One SKU may have ` +
    `${IntLimits.quantity.min}..${IntLimits.quantity.max} units in all, over all its lines; quantity x unitPrice at ` +
    `most ${formatMinor(MoneyLimits.orderTotalMinor)}.`,
})
export class OrderLineInput {
  @Field(() => String, { description: chars(TextLimits.sku) })
  sku: string;

  @Field(() => Int, { description: `${IntLimits.quantity.min}..${IntLimits.quantity.max}.` })
  quantity: number;

  @Field(() => String, {
    description:
      `Decimal as a string with at most 2 decimals, e.g. "129.90"; 0.00..${formatMinor(MoneyLimits.unitPriceMinor)}. ` +
      `${chars(TextLimits.amount)}`,
  })
  unitPrice: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'A presale line takes presale stock only.',
  })
  presale?: boolean | null;
}

@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true, description: chars(TextLimits.name) })
  name?: string | null;

  @Field(() => String, { nullable: true, description: chars(TextLimits.phone) })
  phone?: string | null;

  @Field(() => String, { description: `ISO-3166 alpha-2. ${CODE}` })
  country: string;

  @Field(() => String, { nullable: true, description: chars(TextLimits.region) })
  province?: string | null;

  @Field(() => String, { nullable: true, description: chars(TextLimits.region) })
  city?: string | null;

  @Field(() => String, { nullable: true, description: chars(TextLimits.addressLine) })
  line1?: string | null;

  @Field(() => String, { nullable: true, description: chars(TextLimits.postalCode) })
  postalCode?: string | null;
}

@InputType()
export class BuyerInput {
  @Field(() => String, { description: chars(TextLimits.name) })
  name: string;

  @Field(() => String, { nullable: true, description: chars(TextLimits.email) })
  email?: string | null;

  @Field(() => String, { nullable: true, description: chars(TextLimits.phone) })
  phone?: string | null;
}

@InputType({
  description:
    'An order in the unified shape. Every bound below is checked before anything is stored; past one, placeOrder is ' +
    'BAD_USER_INPUT naming the field (e.g. "buyer.name"), and only a REJECTED intake record (with clipped values) is ' +
    `kept. The order total may be at most ${formatMinor(MoneyLimits.orderTotalMinor)}.`,
})
export class PlaceOrderInput {
  @Field(() => String, { description: CODE })
  channel: string;

  @Field(() => String, { description: `The idempotency key, together with channel. ${chars(TextLimits.externalId)}` })
  externalId: string;

  @Field(() => BuyerInput)
  buyer: BuyerInput;

  @Field(() => String, { description: `ISO-4217. ${CODE}` })
  currency: string;

  @Field(() => [OrderLineInput], { description: `1..${ListLimits.orderLines} lines.` })
  lines: OrderLineInput[];

  @Field(() => AddressInput)
  shippingAddress: AddressInput;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; from 2000 up to (not including) 2100.' })
  placedAt?: Date | null;
}
