import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money.type';

@ObjectType({
  description:
    'Order figures of one customer. Revenue orders are those whose status is neither CANCELLED nor RETURNED. ' +
    "Money figures are in the main currency: the currency of most of the customer's orders (any status), " +
    'ties broken alphabetically; "CNY" when the customer has no order. Sums are exact decimals.',
})
export class CustomerOrderStats {
  @Field(() => Int, { description: "Number of all the customer's orders, in every status and currency." })
  orderCount: number;

  @Field(() => Money, {
    description: 'Sum of `total` over the revenue orders in the main currency, two decimals; "0.00" when none.',
  })
  lifetimeValue: Money;

  @Field(() => Money, {
    description:
      'lifetimeValue divided by the number of revenue orders in the main currency, rounded to two decimals ' +
      'half away from zero; "0.00" when there is none.',
  })
  averageOrderValue: Money;

  @Field(() => Date, {
    nullable: true,
    description: "Earliest placedAt over all the customer's orders; null when none.",
  })
  firstOrderAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Latest placedAt over all the customer's orders; null when none." })
  lastOrderAt: Date | null;

  @Field(() => [String], { description: "Distinct channel codes of all the customer's orders, sorted." })
  channels: string[];

  @Field(() => [Money], {
    description:
      'Sum of `total` over the revenue orders, one entry per currency that has at least one revenue order, ' +
      'sorted by currency code, two decimals.',
  })
  lifetimeValueByCurrency: Money[];
}
