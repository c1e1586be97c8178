import type { AssignmentStrategy, OperatorLoad } from './assignment-strategy';

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
