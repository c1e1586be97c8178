import { EventTypes, type AuditRecorded, type ConsumerDefinition } from '@supply-graph/shared';
import { recordAuditEvent, recordAuditEvents } from './audit.service';

/** Orders keeps the one audit trail of every service. */
export function auditConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.audit-trail',
      types: [EventTypes.auditRecorded],
      handle: (event, tx) => recordAuditEvent(tx, event.eventId, event.payload as AuditRecorded),
      // Every audited read adds an entry: a batch's entries go as one INSERT, not one each.
      handleMany: (events, tx) =>
        recordAuditEvents(
          tx,
          events.map((e) => ({ eventId: e.eventId, entry: e.payload as AuditRecorded })),
        ),
    },
  ];
}
