import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Inventory's warehouse, returned by reference only: this subgraph adds no field to it. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Warehouse')
export class WarehouseRef {
  @Field(() => ID)
  id: string;
}
