import { EventTypes, type AlertCleared, type AlertRaised } from './catalog';
import type { NewEvent } from './event';

/*
 * The two events of an alert's life, built in one place: the aggregate is the alert (by its key), raised as its
 * version 1 and cleared as version 2, whichever service raises it. The desk (orders) opens and closes work items
 * from them.
 */

/** `alert.raised`: something an operator must handle; the desk opens one work item per key. */
export const alertRaisedEvent = (payload: AlertRaised): NewEvent<AlertRaised> => ({
  type: EventTypes.alertRaised,
  aggregateType: 'alert',
  aggregateId: payload.alertKey,
  aggregateVersion: 1,
  payload,
});

/** `alert.cleared`: the condition no longer holds; the desk resolves the key's open item AUTO_CLEARED. */
export const alertClearedEvent = (payload: AlertCleared): NewEvent<AlertCleared> => ({
  type: EventTypes.alertCleared,
  aggregateType: 'alert',
  aggregateId: payload.alertKey,
  aggregateVersion: 2,
  payload,
});
