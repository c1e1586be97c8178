import { registerEnumType } from 'type-graphql';

/**
 * A work item's lifecycle: OPEN (waiting for an operator with the skill and room), ASSIGNED, ESCALATED (it went
 * past its due time: priority up, handed to an escalation operator when there is one), RESOLVED (with an outcome).
 */
export enum WorkItemStatus {
  OPEN = 'OPEN',
  ASSIGNED = 'ASSIGNED',
  ESCALATED = 'ESCALATED',
  RESOLVED = 'RESOLVED',
}

registerEnumType(WorkItemStatus, { name: 'WorkItemStatus', description: 'Where a work item stands.' });

/** What happened to a work item, as `work-item.changed` and its history name it. */
export type WorkItemChange = 'OPENED' | 'ASSIGNED' | 'COMMENTED' | 'ESCALATED' | 'RESOLVED';
