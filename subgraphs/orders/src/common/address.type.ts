import { Pii } from '@supply-graph/shared';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A postal address. Shareable: customers and logistics may return addresses too.
 * An order's address is audited against its order (`withPiiOwner` in order.row.ts).
 */
@Directive('@shareable')
@ObjectType({ description: 'A postal address.' })
export class Address {
  @Pii('name')
  @Field(() => String, { nullable: true, description: 'PII: without pii:read masked as "Z*** L***" (CJK: "张**").' })
  name: string | null;

  @Pii('phone')
  @Field(() => String, { nullable: true, description: 'PII: without pii:read masked as "+86 138****0923".' })
  phone: string | null;

  @Field(() => String, { description: 'ISO-3166 alpha-2.' })
  country: string;

  @Field(() => String, { nullable: true })
  province: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Pii('line')
  @Field(() => String, { nullable: true, description: 'PII: without pii:read masked as "***".' })
  line1: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;
}
