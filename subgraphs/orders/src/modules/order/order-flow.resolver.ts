import { AppError, JSONScalar } from '@supply-graph/shared';
import { Arg, ID, Mutation, Resolver } from 'type-graphql';
import { PlaceOrderInput } from './order.input';
import { Order, OrderPayload } from './order.type';

// The contract's order mutations are declared now so clients can compile against
// them; they need events across subgraphs (stock, shipments) to do anything.
const notYet = (operation: string) =>
  new AppError('NOT_IMPLEMENTED', `${operation} arrives with the order-flow release`);

@Resolver()
export class OrderFlowResolver {
  @Mutation(() => OrderPayload, {
    description: 'Places an order; repeat-safe: (channel, externalId) identifies it. Not implemented yet.',
  })
  placeOrder(@Arg('input', () => PlaceOrderInput) _input: PlaceOrderInput): OrderPayload {
    throw notYet('placeOrder');
  }

  @Mutation(() => OrderPayload, {
    description: "Imports a raw order payload in the channel's own format. Not implemented yet.",
  })
  importChannelOrder(
    @Arg('channel', () => String) _channel: string,
    @Arg('payload', () => JSONScalar) _payload: unknown,
  ): OrderPayload {
    throw notYet('importChannelOrder');
  }

  @Mutation(() => Order, { description: 'Cancels an order and releases its stock. Not implemented yet.' })
  cancelOrder(
    @Arg('id', () => ID) _id: string,
    @Arg('reason', () => String, { nullable: true }) _reason: string | null,
  ): Order {
    throw notYet('cancelOrder');
  }
}
