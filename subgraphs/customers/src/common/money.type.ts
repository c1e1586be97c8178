import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * An exact amount in one currency. The amount travels as a decimal string
 * (PostgreSQL numeric), never as a float. Shareable: other subgraphs may price things too.
 */
@Directive('@shareable')
@ObjectType({ description: 'An exact amount of money in one currency.' })
export class Money {
  @Field(() => String, { description: 'Decimal as a string with two decimals, e.g. "129.90".' })
  amount: string;

  @Field(() => String, { description: 'ISO-4217 code, e.g. "CNY".' })
  currency: string;
}
