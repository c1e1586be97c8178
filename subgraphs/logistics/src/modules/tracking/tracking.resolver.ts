import { BoundedArg, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { Shipment } from '../shipment/shipment.type';
import { TrackingEventInput, trackingEventBound } from './tracking-event.input';
import { TrackingEvent } from './tracking-event.type';
import { trackingService } from './tracking.service';

@Resolver(() => Shipment)
export class TrackingResolver {
  @FieldResolver(() => [TrackingEvent], { description: 'Carrier scans, oldest first.' })
  events(@Root() shipment: Shipment, @Ctx() ctx: LogisticsContext) {
    return trackingService.events(ctx, shipment.id);
  }

  @RequiresScopes('logistics:write')
  @Mutation(() => Shipment, {
    description:
      "A carrier's tracking webhook. Every scan is recorded (the same scan sent again is stored once), in any order " +
      'and ' +
      "whatever its time: the shipment's status is the furthest step any of its scans reached (see ShipmentStatus), " +
      'so a ' +
      'late or stale scan is kept in `events` but never moves the shipment back, and `deliveredAt` is set exactly ' +
      'when a DELIVERED scan exists (never earlier than the label). A DELIVERED scan delivers the order once all its ' +
      'shipments are. ' +
      'NOT_FOUND for an unknown carrier or tracking number, BAD_USER_INPUT for a scan over an hour in the future, ' +
      "FORBIDDEN (nothing recorded) for a shipment outside a channel-scoped caller's channels.",
  })
  recordTrackingEvent(
    @BoundedArg('input', () => TrackingEventInput, trackingEventBound) input: TrackingEventInput,
    @Ctx() ctx: LogisticsContext,
  ) {
    return trackingService.record(ctx, input);
  }
}
