import { returnedRows, type EventTransaction } from '@supply-graph/shared';
import { announceResolved, recordChange } from './work-item-changes';
import type { WorkItemRow } from './work-item.row';

export interface Resolution {
  outcome: string;
  cause: string | null;
  note: string | null;
  /** Who resolved it: the operator's sub, or the service that cleared the alert. */
  by: string;
}

/**
 * Resolves a work item the caller locked (FOR UPDATE) and saw unresolved:
 * RESOLVED with its outcome, version + 1, history, `work-item.changed` and
 * `work-item.resolved`. The assignee stays on the row (who handled it).
 */
export async function resolveLocked(
  tx: EventTransaction,
  item: WorkItemRow,
  resolution: Resolution,
): Promise<WorkItemRow | null> {
  const [resolved] = returnedRows<WorkItemRow>(
    await tx.manager.query(
      `UPDATE work_item SET status = 'RESOLVED', outcome = $2, cause = $3, resolved_by = $4, resolved_at = now(),
         version = version + 1, updated_at = now()
       WHERE id = $1 AND status <> 'RESOLVED' RETURNING *`,
      [item.id, resolution.outcome, resolution.cause, resolution.by],
    ),
  );
  if (!resolved) return null;
  const note = [resolution.outcome, resolution.cause, resolution.note].filter(Boolean).join(': ');
  await recordChange(tx, resolved, 'RESOLVED', resolution.by, note);
  await announceResolved(tx, resolved);
  return resolved;
}
