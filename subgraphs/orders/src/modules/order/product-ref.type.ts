import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Inventory's Product, referenced by sku only; this subgraph adds no fields to it. */
@Directive('@key(fields: "sku", resolvable: false)')
@ObjectType('Product')
export class ProductRef {
  @Field(() => ID)
  sku: string;
}
