import { EventTypes, type EventTransaction, type WorkItemChanged, type WorkItemResolved } from '@supply-graph/shared';
import type { WorkItemRow } from './work-item.row';
import type { WorkItemChange } from './work-item-status';

/**
 * Records one change of a work item in its history and announces it
 * (`work-item.changed`, version = the row's version), in the caller's
 * transaction. The note is the operator's text or the system's reason; no PII
 * comes from the desk itself (alert summaries carry none by contract).
 */
export async function recordChange(
  tx: EventTransaction,
  item: WorkItemRow,
  change: WorkItemChange,
  actor: string,
  note: string | null,
  at: Date = new Date(),
): Promise<void> {
  await tx.manager.query(
    'INSERT INTO work_item_event (work_item_id, at, actor, change, note) VALUES ($1, $2, $3, $4, $5)',
    [item.id, at, actor, change, note],
  );
  const payload: WorkItemChanged = {
    workItemId: item.id,
    change,
    kind: item.kind,
    status: item.status,
    assignee: item.assignee,
    channel: item.channel,
    version: item.version,
    at: at.toISOString(),
  };
  await tx.emit({
    type: EventTypes.workItemChanged,
    aggregateType: 'work-item',
    aggregateId: item.id,
    aggregateVersion: item.version,
    payload,
  });
}

/** `work-item.resolved` for a resolved row (the version of its RESOLVED change): what the source of the alert learns from (carrier records, risk rules). */
export async function announceResolved(tx: EventTransaction, item: WorkItemRow): Promise<void> {
  const payload: WorkItemResolved = {
    workItemId: item.id,
    alertKey: item.alert_key,
    kind: item.kind,
    subject: { type: item.subject_type, id: item.subject_id },
    orderId: item.order_id,
    channel: item.channel,
    carrier: item.carrier,
    outcome: item.outcome!,
    cause: item.cause,
    detail: item.detail,
    resolvedBy: item.resolved_by!,
    resolvedAt: new Date(item.resolved_at!).toISOString(),
  };
  await tx.emit({
    type: EventTypes.workItemResolved,
    aggregateType: 'work-item',
    aggregateId: item.id,
    aggregateVersion: item.version,
    payload,
  });
}
