import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@supply-graph/shared';

@Directive('@key(fields: "sku")')
@ObjectType({ description: 'A sellable item and its stock across warehouses.' })
export class Product {
  @Field(() => ID)
  sku: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: 'Shipping weight of one unit.' })
  weightGrams: number;
}

@ObjectType()
export class ProductEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Product)
  node: Product;
}

@ObjectType()
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'All products, across pages.' })
  totalCount: number;
}
