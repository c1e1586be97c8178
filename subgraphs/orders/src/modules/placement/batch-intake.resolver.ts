import { BoundedArg, Bounds, JSONScalar, listBound, ListLimits, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import { Order } from '../order/order.type';
import { BatchIntakeResult } from './batch-intake.type';
import { importChannelOrders, MAX_BATCH_SIZE } from './batch-intake.service';

@Resolver(() => BatchIntakeResult)
export class BatchIntakeResolver {
  @RequiresScopes('orders:write')
  @Mutation(() => [BatchIntakeResult], {
    description:
      `Imports many raw payloads of one channel (at most ${MAX_BATCH_SIZE}); each gets its own result, in input ` +
      "order. A payload's problems are that item's errors, not an error of the call. Into a channel outside the " +
      "caller's, the whole call is FORBIDDEN and nothing is stored.",
  })
  importChannelOrders(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @BoundedArg('payloads', () => [JSONScalar], listBound(ListLimits.batchPayloads, Bounds.channelPayload))
    payloads: unknown[],
    @Ctx() ctx: OrdersContext,
  ): Promise<BatchIntakeResult[]> {
    return importChannelOrders(ctx, channel, payloads);
  }

  @FieldResolver(() => Order, {
    nullable: true,
    description: 'The order made or matched; null when the payload was rejected.',
  })
  order(@Root() result: BatchIntakeResult, @Ctx() ctx: OrdersContext): Promise<Order | null> | null {
    return result.orderId === null ? null : orderService.findById(ctx, result.orderId);
  }
}
