import { BoundedArg, Bounds, JSONScalar, RequiresScopes } from '@supply-graph/shared';
import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { importChannelReturn } from './import-channel-return';
import { returnService } from './return.service';
import { ReturnPayload } from './return.type';

@Resolver()
export class ReturnImportResolver {
  @RequiresScopes('orders:write')
  @Mutation(() => ReturnPayload, {
    description:
      "Imports a return or refund in the channel's own after-sales format (Shopify refund, Amazon returns report " +
      'RMA, Tmall taobao.refund, JD after-sales service, Douyin after-sale) for an order imported from that channel. ' +
      "Repeat-safe: the channel's return id identifies it, and a repeat answers the first return with created: " +
      'false. A return the channel already agreed is AUTHORISED at once. BAD_USER_INPUT listing every problem; ' +
      "FORBIDDEN, nothing stored, into a channel outside the caller's.",
  })
  async importChannelReturn(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @BoundedArg('payload', () => JSONScalar, Bounds.channelPayload) payload: unknown,
    @Ctx() ctx: OrdersContext,
  ): Promise<ReturnPayload> {
    const imported = await importChannelReturn(ctx, channel, payload);
    return { return: (await returnService.reload(ctx, imported.returnId))!, created: imported.created };
  }
}
