import type { InputProblem } from '@supply-graph/shared';
import { MAX_UPLIFT } from './promotion-uplift';
import { PromotionLimits, type PlanPromotionInput } from './promotion.input';

/** A plan that passed the checks, normalised: names trimmed, codes lower-cased, lists de-duplicated and sorted. */
export interface ValidPromotion {
  name: string;
  channels: string[] | null;
  skus: string[] | null;
  startsOn: string;
  endsOn: string;
  uplift: number;
}

const DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// As orders stores channel codes (intake's rule).
const CHANNEL = /^[a-z][a-z0-9_-]*$/;

/** The UTC midnight of a YYYY-MM-DD day, or null when it is no such day. */
export function parseDay(value: string): number | null {
  const t = Date.parse(`${value}T00:00:00Z`);
  return ISO_DAY.test(value) && Number.isFinite(t) && new Date(t).toISOString().startsWith(value) ? t : null;
}

export const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Today's UTC midnight. */
export const todayUtc = (now = Date.now()): number => Math.floor(now / DAY) * DAY;

/**
 * Every problem of a plan that can be found without the database (whether the
 * SKUs and channels exist is the service's to add): a name, codes that are
 * codes, a window of real days in order and in range, an uplift above 1 and at
 * most MAX_UPLIFT.
 */
export function validatePromotion(
  input: PlanPromotionInput,
  today: number,
): { problems: InputProblem[]; promotion: ValidPromotion } {
  const problems: InputProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ field: 'name', message: 'must not be blank' });

  const channels = codes(input.channels, (c) => c.trim().toLowerCase());
  if (channels?.length === 0)
    problems.push({ field: 'channels', message: 'must name at least one channel (omit it for every channel)' });
  for (const c of channels ?? [])
    if (!CHANNEL.test(c)) problems.push({ field: 'channels', message: `"${c}" is not a channel code` });
  const skus = codes(input.skus, (s) => s.trim());
  if (skus?.length === 0)
    problems.push({ field: 'skus', message: 'must name at least one SKU (omit it for the whole catalogue)' });
  if (skus?.some((s) => !s)) problems.push({ field: 'skus', message: 'must not contain a blank SKU' });

  const start = parseDay(input.startsOn.trim());
  const end = parseDay(input.endsOn.trim());
  if (start === null) problems.push({ field: 'startsOn', message: 'must be a day, YYYY-MM-DD' });
  else if (start < today - PromotionLimits.pastDays * DAY)
    problems.push({ field: 'startsOn', message: `must be at most ${PromotionLimits.pastDays} days back` });
  if (end === null) problems.push({ field: 'endsOn', message: 'must be a day, YYYY-MM-DD' });
  else if (end > today + PromotionLimits.aheadDays * DAY)
    problems.push({ field: 'endsOn', message: `must be at most ${PromotionLimits.aheadDays} days ahead` });
  if (start !== null && end !== null) {
    if (end < start) problems.push({ field: 'endsOn', message: 'must be on or after startsOn' });
    else if ((end - start) / DAY + 1 > PromotionLimits.days)
      problems.push({ field: 'endsOn', message: `the window must be at most ${PromotionLimits.days} days` });
  }

  const { uplift } = input;
  if (!Number.isFinite(uplift) || uplift <= 1 || uplift > MAX_UPLIFT)
    problems.push({
      field: 'uplift',
      message: `must be more than 1 and at most ${MAX_UPLIFT}, e.g. 3 for three times the usual demand (got ${uplift})`,
    });

  return {
    problems,
    promotion: {
      name,
      channels: channels?.length ? channels : null,
      skus: skus?.length ? skus : null,
      startsOn: start === null ? input.startsOn : dayOf(start),
      endsOn: end === null ? input.endsOn : dayOf(end),
      uplift,
    },
  };
}

function codes(list: readonly string[] | null | undefined, normalise: (s: string) => string): string[] | null {
  if (list === null || list === undefined) return null;
  return [...new Set(list.map(normalise))].sort();
}
