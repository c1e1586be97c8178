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
 */
export interface AssignmentStrategy {
  choose(request: AssignmentRequest, candidates: readonly OperatorLoad[]): string | null;
}

/**
 * The default: only operators below their capacity; the least open load
 * first; ties go to whoever was given an item longest ago (never first), then
 * by sub so the choice is stable.
 */
export const leastLoadedAssignment: AssignmentStrategy = {
  choose(_request, candidates) {
    let best: OperatorLoad | null = null;
    for (const c of candidates) {
      if (c.openItems >= c.capacity) continue;
      if (!best || compare(c, best) < 0) best = c;
    }
    return best?.sub ?? null;
  },
};

function compare(a: OperatorLoad, b: OperatorLoad): number {
  if (a.openItems !== b.openItems) return a.openItems - b.openItems;
  const at = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const bt = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (at !== bt) return at < bt ? -1 : 1;
  return a.sub < b.sub ? -1 : a.sub > b.sub ? 1 : 0;
}
