import { Field, ID, InputType, Int } from 'type-graphql';
import { OrderStatus } from './order.type';

@InputType({ description: 'Conditions on orders; the given ones combine with AND.' })
export class OrderFilter {
  @Field(() => String, { nullable: true, description: 'Channel code, e.g. "tmall" (case-insensitive).' })
  channel?: string | null;

  @Field(() => [OrderStatus], { nullable: true, description: 'Any of these statuses; an empty list matches nothing.' })
  status?: OrderStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Orders of this customer; an id that is not a UUID matches nothing.' })
  customerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Placed at or after this instant (inclusive).' })
  placedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Placed strictly before this instant (exclusive).' })
  placedBefore?: Date | null;
}

@InputType()
export class OrderLineInput {
  @Field(() => String)
  sku: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => String, { description: 'Decimal as a string, e.g. "129.90".' })
  unitPrice: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'A presale line takes presale stock only.' })
  presale?: boolean | null;
}

@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { description: 'ISO-3166 alpha-2.' })
  country: string;

  @Field(() => String, { nullable: true })
  province?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  line1?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;
}

@InputType()
export class BuyerInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => String)
  channel: string;

  @Field(() => String, { description: 'The idempotency key, together with channel.' })
  externalId: string;

  @Field(() => BuyerInput)
  buyer: BuyerInput;

  @Field(() => String)
  currency: string;

  @Field(() => [OrderLineInput])
  lines: OrderLineInput[];

  @Field(() => AddressInput)
  shippingAddress: AddressInput;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  placedAt?: Date | null;
}
