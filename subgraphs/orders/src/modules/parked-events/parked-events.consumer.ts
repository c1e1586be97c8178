import {
  EventTypes,
  type ConsumerDefinition,
  type ConsumerEventParked,
  type ConsumerEventRetried,
} from '@supply-graph/shared';
import { recordParked, recordRetried } from './parked-events.service';

/** Orders keeps the one list of parked events of every service, and holds (and releases) the orders they concern. */
export function parkedEventConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.parked-events',
      types: [EventTypes.consumerEventParked, EventTypes.consumerEventRetried],
      // Holding an order locks its row, as the order's own consumers do.
      batch: false,
      async handle(event, tx) {
        if (event.type === EventTypes.consumerEventParked) await recordParked(tx, event.payload as ConsumerEventParked);
        else await recordRetried(tx, event.payload as ConsumerEventRetried);
      },
    },
  ];
}
