import {
  TextLimits,
  checkListSize,
  checkText,
  inputBound,
  problemsOf,
  textBound,
  type InputProblem,
} from '@supply-graph/shared';
import { Field, Float, ID, InputType } from 'type-graphql';
import { MAX_UPLIFT } from './promotion-uplift';

/** Bounds of a promotion's fields: a plan states them, `validatePromotion` holds it to them. */
export const PromotionLimits = {
  /** SKUs one promotion names; a larger one covers the whole catalogue (skus omitted). */
  skus: 1_000,
  /** Channels one promotion names. */
  channels: 50,
  /** Days in one window: a season's campaign, not a permanent price. */
  days: 92,
  /** How far back a window may start: past promotions are recorded so forecasts fit around them. */
  pastDays: 400,
  /** How far ahead a window may end. */
  aheadDays: 366,
} as const;

const chars = (max: number) => textBound(max).description;

@InputType({ description: 'A promotion to plan.' })
export class PlanPromotionInput {
  @Field(() => String, { description: `e.g. "Singles' Day". ${chars(TextLimits.name)}` })
  name: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Channel codes it runs on, each one inventory has had orders from; omitted: every channel (not for a ' +
      `channel-scoped caller). At most ${PromotionLimits.channels} entries, each ${chars(TextLimits.code)}`,
  })
  channels?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Known SKUs it covers; omitted: the whole catalogue. At most ${PromotionLimits.skus} entries, each ${chars(TextLimits.sku)}`,
  })
  skus?: string[] | null;

  @Field(() => String, {
    description: `First day, UTC, YYYY-MM-DD; at most ${PromotionLimits.pastDays} days back. ${chars(TextLimits.code)}`,
  })
  startsOn: string;

  @Field(() => String, {
    description:
      `Last day (inclusive), UTC, YYYY-MM-DD: on or after startsOn, at most ${PromotionLimits.days} days in all, ` +
      `at most ${PromotionLimits.aheadDays} days ahead. ${chars(TextLimits.code)}`,
  })
  endsOn: string;

  @Field(() => Float, {
    description: `Expected factor on its channels' usual demand, more than 1: 1..${MAX_UPLIFT}.`,
  })
  uplift: number;
}

/** The size bounds of a `PlanPromotionInput`, checked before the service looks at anything. */
export const planPromotionBound = inputBound((input): InputProblem[] => [
  ...problemsOf(
    checkText('name', input.name, { max: TextLimits.name }),
    checkListSize('channels', input.channels, PromotionLimits.channels),
    checkListSize('skus', input.skus, PromotionLimits.skus),
    checkText('startsOn', input.startsOn, { max: TextLimits.code }),
    checkText('endsOn', input.endsOn, { max: TextLimits.code }),
  ),
  ...entries('channels', input.channels, TextLimits.code),
  ...entries('skus', input.skus, TextLimits.sku),
]);

function entries(field: string, value: unknown, max: number): InputProblem[] {
  if (!Array.isArray(value) || value.length > PromotionLimits.skus) return [];
  return problemsOf(...value.map((entry, i) => checkText(`${field}[${i}]`, entry, { max })));
}
