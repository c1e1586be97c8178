import { badUserInput } from '@supply-graph/shared';
import type { DeskSettings, WorkItemKindSettings } from '../../config';

/** A kind's settings; an unknown kind (a source newer than this desk) gets OTHER's. */
export function kindSettings(settings: Readonly<DeskSettings>, kind: string): Readonly<WorkItemKindSettings> {
  return settings.kinds[kind] ?? settings.kinds.OTHER;
}

/** The outcome an alert that cleared by itself resolves with. */
export const AUTO_CLEARED = 'AUTO_CLEARED';

/** The verdicts an operator may give, per kind (`WorkItemResolved.outcome`); any other kind: RESOLVED, NO_ACTION. */
export const OUTCOMES: Readonly<Record<string, readonly string[]>> = {
  RISK_HOLD: ['LEGITIMATE', 'FRAUD'],
  LOGISTICS_EXCEPTION: ['DELIVERED', 'RESHIPPED', 'LOST', 'RETURNED_TO_SENDER'],
};
const OTHER_OUTCOMES = ['RESOLVED', 'NO_ACTION'] as const;

/** The causes of a logistics exception (`WorkItemResolved.cause`); the first three are held against the carrier. */
export const LOGISTICS_CAUSES = [
  'CARRIER_DELAY',
  'CARRIER_LOST',
  'CARRIER_DAMAGE',
  'ADDRESS_PROBLEM',
  'CUSTOMER_ABSENT',
  'WAREHOUSE_DELAY',
  'WEATHER',
  'OTHER',
] as const;

export const outcomesOf = (kind: string): readonly string[] => OUTCOMES[kind] ?? OTHER_OUTCOMES;

/**
 * An operator's outcome and cause for a kind, or BAD_USER_INPUT listing the
 * allowed values of each wrong one. A logistics exception needs its cause (it
 * is what the carrier's record learns); other kinds take none.
 */
export function checkResolution(kind: string, outcome: string, cause: string | null): void {
  const problems: { field: string; message: string }[] = [];
  const outcomes = outcomesOf(kind);
  if (!outcomes.includes(outcome))
    problems.push({ field: 'outcome', message: `must be one of ${outcomes.join(', ')} for ${kind}` });
  if (kind === 'LOGISTICS_EXCEPTION') {
    if (!cause || !(LOGISTICS_CAUSES as readonly string[]).includes(cause))
      problems.push({ field: 'cause', message: `must be one of ${LOGISTICS_CAUSES.join(', ')}` });
  } else if (cause) problems.push({ field: 'cause', message: `${kind} takes no cause` });
  if (problems.length) throw badUserInput(`Cannot resolve a ${kind} work item like that`, problems);
}
