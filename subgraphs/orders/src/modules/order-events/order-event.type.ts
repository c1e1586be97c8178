import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { OrderStatus } from '../order/order.type';

// Internal types: the gateway reads past status events to replay them and asks
// for one event's federated shape; `@inaccessible` keeps them out of the public graph.

@Directive('@inaccessible')
@ObjectType({ description: 'A past order.status-changed event as it was published.' })
export class OrderStatusEventRecord {
  @Field(() => ID)
  eventId: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => String)
  channel: string;

  @Field(() => OrderStatus, { nullable: true })
  from: OrderStatus | null;

  @Field(() => OrderStatus)
  to: OrderStatus;

  @Field(() => Int, { description: "The order's version after this change." })
  version: number;

  @Field(() => Date)
  at: Date;
}

@Directive('@inaccessible')
@ObjectType()
export class OrderStatusEventBatch {
  @Field(() => [OrderStatusEventRecord], { description: 'In publishing order.' })
  events: OrderStatusEventRecord[];

  @Field(() => Boolean, { description: 'More events follow the last one: ask again after it.' })
  hasMore: boolean;
}
