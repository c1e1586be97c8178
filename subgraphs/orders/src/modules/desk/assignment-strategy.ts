/** An active operator who has the skill, with what they hold now. */
export interface OperatorLoad {
  sub: string;
  capacity: number;
  /** Their work items not resolved yet. */
  openItems: number;
  /** When they were last given an item (null: never). */
  lastAssignedAt: Date | null;
}

/** What an assignment is for. */
export interface AssignmentRequest {
  kind: string;
  skill: string;
  priority: number;
  channel: string | null;
}

/**
 * Picks who gets a work item among the active operators with its skill (the
 * desk loads them, under a lock that serialises assignments, so the loads are
 * exact). Null: nobody now; the item waits OPEN until capacity frees.
 * Chosen in the subgraph's `strategies.ts` (default: least-loaded-assignment.strategy.ts).
 */
export interface AssignmentStrategy {
  choose(request: AssignmentRequest, candidates: readonly OperatorLoad[]): string | null;
}
