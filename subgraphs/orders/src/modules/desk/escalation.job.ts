import {
  returnedRows,
  type BackgroundJobDefinition,
  type EventTransaction,
  type ServiceEvents,
} from '@supply-graph/shared';
import { deskSettingsOf, type DeskSettings } from '../../config';
import { candidatesFor, fillFreedCapacity, giveTo, lockAssignments } from './assign';
import type { AssignmentStrategy } from './assignment-strategy';
import { leastLoadedAssignment } from './least-loaded-assignment.strategy';
import { kindSettings } from './work-item-kinds';
import { recordChange } from './work-item-changes';
import type { WorkItemRow } from './work-item.row';

const BATCH = 100;

/**
 * Escalates every unresolved item past its due time: level + 1, priority up
 * one (1 at most), status ESCALATED, due again one SLA later (so an item
 * nobody handles escalates again), and handed to an operator with the
 * escalation skill below capacity when there is one (else it stays with its
 * assignee). Batches of 100, each one transaction; rows are taken FOR UPDATE
 * SKIP LOCKED, so replicas running the job at once escalate each item once.
 */
export async function escalateOverdue(
  events: ServiceEvents,
  settings: Readonly<DeskSettings>,
  strategy: AssignmentStrategy = leastLoadedAssignment,
  now: Date = new Date(),
): Promise<number> {
  let escalated = 0;
  for (;;) {
    const n = await events.transaction(async (tx) => {
      const rows = (await tx.manager.query(
        `SELECT * FROM work_item WHERE status <> 'RESOLVED' AND due_at < $1
         ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, BATCH],
      )) as WorkItemRow[];
      for (const row of rows) await escalate(tx, row, settings, strategy, now);
      return rows.length;
    });
    escalated += n;
    if (n < BATCH) return escalated;
  }
}

async function escalate(
  tx: EventTransaction,
  row: WorkItemRow,
  settings: Readonly<DeskSettings>,
  strategy: AssignmentStrategy,
  now: Date,
) {
  const { slaMinutes } = kindSettings(settings, row.kind);
  const [item] = returnedRows<WorkItemRow>(
    await tx.manager.query(
      `UPDATE work_item SET status = 'ESCALATED', escalation_level = escalation_level + 1,
       priority = greatest(1, priority - 1), due_at = $2::timestamptz + make_interval(mins => $3),
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
      [row.id, now, slaMinutes],
    ),
  );
  await lockAssignments(tx);
  const candidates = (await candidatesFor(tx, settings.escalationSkill)).filter((c) => c.sub !== row.assignee);
  const target = strategy.choose(
    { kind: item.kind, skill: settings.escalationSkill, priority: item.priority, channel: item.channel },
    candidates,
  );
  const note = `overdue: escalation level ${item.escalation_level}, priority ${item.priority}`;
  if (!target) {
    await recordChange(tx, item, 'ESCALATED', 'desk', note, now);
    return;
  }
  await giveTo(tx, item.id, target, 'desk', `${note}; handed to ${target}`, 'ESCALATED');
  // The previous assignee has a place free again.
  if (row.assignee) await fillFreedCapacity(tx, row.assignee, strategy);
}

/** Every ORDERS_DESK_ESCALATION_INTERVAL_MS (default one minute; 0 disables), with the subgraph's assignment strategy. */
export function deskEscalationJob(strategy: AssignmentStrategy = leastLoadedAssignment): BackgroundJobDefinition {
  return {
    name: 'desk escalation',
    intervalMs: (config) => deskSettingsOf(config).escalationIntervalMs,
    async run({ events, config, log }) {
      const n = await escalateOverdue(events, deskSettingsOf(config), strategy);
      if (n) log.info({ escalated: n }, 'escalated overdue work items');
    },
  };
}
