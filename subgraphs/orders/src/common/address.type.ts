import { Directive, Field, ObjectType } from 'type-graphql';

/** A postal address. Shareable: customers and logistics may return addresses too. */
@Directive('@shareable')
@ObjectType({ description: 'A postal address.' })
export class Address {
  @Field(() => String, { nullable: true, description: 'PII.' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'PII.' })
  phone: string | null;

  @Field(() => String, { description: 'ISO-3166 alpha-2.' })
  country: string;

  @Field(() => String, { nullable: true })
  province: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true, description: 'PII.' })
  line1: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;
}
