import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { shipmentService } from '../shipment/shipment.service';
import { Shipment } from '../shipment/shipment.type';
import { exceptionsService } from './exceptions.service';
import { LogisticsAlert, ScanResult } from './logistics-alert.type';

@Resolver(() => LogisticsAlert)
export class ExceptionsResolver {
  @RequiresScopes('logistics:read')
  @Query(() => [LogisticsAlert], {
    description: "Alerts of the exception scan, newest first; a channel-scoped caller's channels only.",
  })
  logisticsAlerts(
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('since', () => Date, { nullable: true, description: 'Only alerts raised at or after this time.' })
    since: Date | null,
    @Ctx() ctx: LogisticsContext,
  ) {
    return exceptionsService.recent(ctx, first, since);
  }

  @RequiresScopes('logistics:write')
  @Mutation(() => ScanResult, {
    description:
      'Runs the exception scan now (it also runs periodically): open shipments without a scan for the configured ' +
      'hours, or past their ETA, become EXCEPTION with an alert. Repeat-safe. `now` (default: the server clock) ' +
      "is the time shipments are judged at, for operators and tests. A channel-scoped caller's scan judges only its " +
      "channels' shipments.",
  })
  scanForExceptions(@Arg('now', () => Date, { nullable: true }) now: Date | null, @Ctx() ctx: LogisticsContext) {
    return exceptionsService.scan(ctx, now ?? new Date());
  }

  @FieldResolver(() => Shipment)
  shipment(@Root() alert: LogisticsAlert, @Ctx() ctx: LogisticsContext) {
    return shipmentService.findById(ctx, alert.shipmentId);
  }
}
