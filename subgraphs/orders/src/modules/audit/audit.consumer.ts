import { EventTypes, type AuditRecorded, type ConsumerDefinition } from '@supply-graph/shared';
import { recordAuditEvent } from './audit.service';

/** Orders keeps the one audit trail of every service. */
export function auditConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.audit-trail',
      types: [EventTypes.auditRecorded],
      handle: (event, tx) => recordAuditEvent(tx, event.eventId, event.payload as AuditRecorded),
    },
  ];
}
