import { EventTypes, type AlertCleared, type AlertRaised, type ConsumerDefinition } from '@supply-graph/shared';
import type { DeskSettings } from '../../config';
import type { AssignmentStrategy } from './assignment-strategy';
import { clearWorkItem, openWorkItem } from './open-work-item';

/**
 * The desk follows every service's alerts: `alert.raised` opens (and assigns)
 * one work item per alert key, `alert.cleared` resolves it AUTO_CLEARED. One
 * event per transaction: each takes the desk's assignment lock.
 */
export function deskConsumers(settings: Readonly<DeskSettings>, strategy: AssignmentStrategy): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.desk',
      types: [EventTypes.alertRaised, EventTypes.alertCleared],
      batch: false,
      async handle(event, tx) {
        if (event.type === EventTypes.alertRaised)
          await openWorkItem(tx, event.payload as AlertRaised, settings, strategy);
        else await clearWorkItem(tx, event.payload as AlertCleared, strategy);
      },
    },
  ];
}
