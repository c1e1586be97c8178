import { TextLimits } from '@supply-graph/shared';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { OrderStatus } from '../order/order.type';

@Directive('@inaccessible')
@InputType({ description: 'One status event, as the gateway received it from the bus.' })
export class OrderStatusEventInput {
  @Field(() => ID, { description: `At most ${TextLimits.cursor} characters.` })
  eventId: string;

  @Field(() => ID, { description: `At most ${TextLimits.id} characters.` })
  orderId: string;

  @Field(() => OrderStatus, { nullable: true })
  from: OrderStatus | null;

  @Field(() => OrderStatus)
  to: OrderStatus;

  @Field(() => Date)
  at: Date;
}
