import { returnedRows, type EventTransaction } from '@supply-graph/shared';
import type { AssignmentStrategy, OperatorLoad } from './assignment-strategy';
import { leastLoadedAssignment } from './least-loaded-assignment.strategy';
import { recordChange } from './work-item-changes';
import type { WorkItemRow } from './work-item.row';

/**
 * Every automatic assignment takes this transaction-scoped lock first: the
 * loads it reads then include every assignment committed before, so two
 * alerts arriving at once never both take an operator's last free place.
 * Assignments are rare next to reads; one lock for the desk is enough.
 */
export async function lockAssignments(tx: EventTransaction): Promise<void> {
  await tx.manager.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.desk-assign'))");
}

/** Active operators with the skill and their open loads (the caller holds the assignment lock). */
export async function candidatesFor(tx: EventTransaction, skill: string): Promise<OperatorLoad[]> {
  const rows = (await tx.manager.query(
    `SELECT o.sub, o.capacity, o.last_assigned_at,
       (SELECT count(*) FROM work_item w WHERE w.assignee = o.sub AND w.status <> 'RESOLVED')::int AS open_items
     FROM desk_operator o WHERE o.active AND $1 = ANY(o.skills)`,
    [skill],
  )) as { sub: string; capacity: number; last_assigned_at: Date | null; open_items: number }[];
  return rows.map((r) => ({
    sub: r.sub,
    capacity: r.capacity,
    openItems: r.open_items,
    lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at) : null,
  }));
}

/**
 * Gives a locked item to `sub`: ASSIGNED (an escalated item stays ESCALATED),
 * version + 1, the operator's last assignment now, and the change announced.
 */
export async function giveTo(
  tx: EventTransaction,
  itemId: string,
  sub: string,
  actor: string,
  note: string | null,
  change: 'ASSIGNED' | 'ESCALATED' = 'ASSIGNED',
): Promise<WorkItemRow> {
  const [item] = returnedRows<WorkItemRow>(
    await tx.manager.query(
      `UPDATE work_item SET assignee = $2,
       status = CASE WHEN status = 'ESCALATED' OR $3 = 'ESCALATED' THEN 'ESCALATED' ELSE 'ASSIGNED' END,
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
      [itemId, sub, change],
    ),
  );
  await tx.manager.query('UPDATE desk_operator SET last_assigned_at = clock_timestamp() WHERE sub = $1', [sub]);
  await recordChange(tx, item, change, actor, note);
  return item;
}

/**
 * Assigns an unassigned item automatically, if an operator fits; answers the
 * operator or null. Takes the assignment lock.
 */
export async function autoAssign(
  tx: EventTransaction,
  item: WorkItemRow,
  strategy: AssignmentStrategy = leastLoadedAssignment,
): Promise<string | null> {
  await lockAssignments(tx);
  const sub = strategy.choose(
    { kind: item.kind, skill: item.skill, priority: item.priority, channel: item.channel },
    await candidatesFor(tx, item.skill),
  );
  if (sub) await giveTo(tx, item.id, sub, 'desk', `assigned to ${sub} (skill ${item.skill})`);
  return sub;
}

/**
 * Capacity freed at `sub` (an item resolved or moved away): gives them the
 * waiting items of their skills, most urgent then oldest first, while they
 * have room and the strategy still picks them.
 */
export async function fillFreedCapacity(
  tx: EventTransaction,
  sub: string,
  strategy: AssignmentStrategy = leastLoadedAssignment,
): Promise<void> {
  await lockAssignments(tx);
  for (;;) {
    const waiting = (await tx.manager.query(
      `SELECT w.* FROM work_item w JOIN desk_operator o ON o.sub = $1 AND o.active
       WHERE w.status <> 'RESOLVED' AND w.assignee IS NULL AND w.skill = ANY(o.skills)
       ORDER BY w.priority, w.created_at, w.id LIMIT 1 FOR UPDATE OF w SKIP LOCKED`,
      [sub],
    )) as WorkItemRow[];
    if (!waiting.length) return;
    const [item] = waiting;
    const chosen = strategy.choose(
      { kind: item.kind, skill: item.skill, priority: item.priority, channel: item.channel },
      await candidatesFor(tx, item.skill),
    );
    if (!chosen) return;
    await giveTo(tx, item.id, chosen, 'desk', `assigned to ${chosen} (skill ${item.skill})`);
    if (chosen !== sub) return;
  }
}
