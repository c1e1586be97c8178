import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { intakeQualityService } from './intake-quality.service';
import { ChannelIntakeQuality, IntakeRejection } from './intake-quality.type';

@Resolver()
export class IntakeQualityResolver {
  @RequiresScopes('orders:read')
  @Query(() => [ChannelIntakeQuality], {
    description:
      'Intake quality per channel (sorted by code): how many payloads were received, accepted, duplicates or ' +
      'rejected, ' +
      'what was repaired and which fields were wrong. `since`: only intakes received at or after it (default: all). ' +
      "A channel-scoped caller gets its channels' figures only.",
  })
  intakeQuality(
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @Arg('since', () => Date, { nullable: true }) since: Date | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<ChannelIntakeQuality[]> {
    return intakeQualityService.quality(ctx, channel, since);
  }

  @RequiresScopes('orders:read')
  @Query(() => [IntakeRejection], {
    description:
      'The newest rejected payloads with their problems, newest first; first: 1..100. A channel-scoped caller: its ' +
      "channels' only.",
  })
  recentRejections(
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<IntakeRejection[]> {
    return intakeQualityService.recentRejections(ctx, channel, first);
  }
}
