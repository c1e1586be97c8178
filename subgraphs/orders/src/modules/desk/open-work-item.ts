import { randomUUID } from 'node:crypto';
import type { AlertCleared, AlertRaised, EventTransaction } from '@supply-graph/shared';
import type { DeskSettings } from '../../config';
import { autoAssign, fillFreedCapacity } from './assign';
import type { AssignmentStrategy } from './assignment-strategy';
import { kindSettings } from './work-item-kinds';
import { resolveLocked } from './resolve-locked';
import type { WorkItemRow } from './work-item.row';
import { recordChange } from './work-item-changes';

/**
 * Opens the work item of an alert, in the consumer's transaction: one row per
 * alert key (a repeat of the key changes nothing and answers null), due after
 * its kind's SLA, then assigned if an operator fits. Announces OPENED (and
 * ASSIGNED when it was).
 */
export async function openWorkItem(
  tx: EventTransaction,
  alert: AlertRaised,
  settings: Readonly<DeskSettings>,
  strategy?: AssignmentStrategy,
): Promise<WorkItemRow | null> {
  const kind = kindSettings(settings, alert.kind);
  const raisedAt = new Date(alert.raisedAt);
  const opened = (await tx.manager.query(
    `INSERT INTO work_item (id, alert_key, source, kind, skill, priority, status, subject_type, subject_id, order_id,
       channel, carrier, summary, detail, checklist, due_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $9, $10, $11, $12, $13::jsonb, $14::text[],
       $15::timestamptz + make_interval(mins => $16), $15, $15)
     ON CONFLICT (alert_key) DO NOTHING RETURNING *`,
    [
      randomUUID(),
      alert.alertKey,
      alert.source,
      alert.kind,
      kind.skill,
      kind.priority,
      alert.subject.type,
      alert.subject.id,
      alert.orderId,
      alert.channel,
      alert.carrier ?? null,
      alert.summary,
      JSON.stringify(alert.detail ?? {}),
      [...kind.checklist],
      Number.isFinite(raisedAt.getTime()) ? raisedAt : new Date(),
      kind.slaMinutes,
    ],
  )) as WorkItemRow[];
  if (!opened.length) return null;
  const [item] = opened;
  await recordChange(tx, item, 'OPENED', alert.source, alert.summary);
  await autoAssign(tx, item, strategy);
  const [now] = (await tx.manager.query('SELECT * FROM work_item WHERE id = $1', [item.id])) as WorkItemRow[];
  return now;
}

/**
 * The alert's condition went away by itself: its open item is resolved
 * AUTO_CLEARED by the system, and its operator's freed place is filled. An
 * unknown key (cleared before it was raised here) or a resolved item: nothing.
 */
export async function clearWorkItem(
  tx: EventTransaction,
  cleared: AlertCleared,
  strategy?: AssignmentStrategy,
): Promise<boolean> {
  const rows = (await tx.manager.query(
    "SELECT * FROM work_item WHERE alert_key = $1 AND status <> 'RESOLVED' FOR UPDATE",
    [cleared.alertKey],
  )) as WorkItemRow[];
  if (!rows.length) return false;
  const resolved = await resolveLocked(tx, rows[0], {
    outcome: 'AUTO_CLEARED',
    cause: null,
    note: cleared.reason,
    by: cleared.source,
  });
  if (rows[0].assignee) await fillFreedCapacity(tx, rows[0].assignee, strategy);
  return resolved !== null;
}
