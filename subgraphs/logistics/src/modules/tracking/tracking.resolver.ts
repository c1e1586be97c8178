import { BoundedArg } from '@supply-graph/shared';
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

  @Mutation(() => Shipment, {
    description:
      "A carrier's tracking webhook. Repeat-safe; the shipment takes the status of its latest scan. " +
      'NOT_FOUND for an unknown carrier or tracking number, BAD_USER_INPUT for a scan over an hour in the future.',
  })
  recordTrackingEvent(@BoundedArg('input', () => TrackingEventInput, trackingEventBound) input: TrackingEventInput, @Ctx() ctx: LogisticsContext) {
    return trackingService.record(ctx, input);
  }
}
