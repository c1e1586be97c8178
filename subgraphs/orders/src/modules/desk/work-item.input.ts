import { TextLimits, checkListSize, checkText, inputBound, problemsOf, textBound } from '@supply-graph/shared';
import { Field, InputType, Int } from 'type-graphql';
import { WorkItemStatus } from './work-item-status';

const chars = (max: number) => textBound(max).description;
const MAX_KINDS = 20;

@InputType({ description: 'Conditions on work items; the given ones combine with AND.' })
export class WorkItemFilter {
  @Field(() => [WorkItemStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: WorkItemStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Any of these kinds. At most ${MAX_KINDS} kinds, each ${TextLimits.code} characters at most.`,
  })
  kind?: string[] | null;

  @Field(() => String, { nullable: true, description: `The assignee's sub. ${chars(TextLimits.id)}` })
  assignee?: string | null;

  @Field(() => String, { nullable: true, description: `${chars(TextLimits.code)}` })
  channel?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue items; false: only items not overdue.' })
  overdue?: boolean | null;
}

export const workItemFilterBound = inputBound((filter) =>
  problemsOf(
    checkListSize('filter.kind', filter.kind, MAX_KINDS),
    ...((filter.kind as unknown[] | null | undefined) ?? []).map((k, i) =>
      checkText(`filter.kind[${i}]`, k, { max: TextLimits.code }),
    ),
    checkText('filter.assignee', filter.assignee, { max: TextLimits.id }),
    checkText('filter.channel', filter.channel, { max: TextLimits.code }),
  ),
);

@InputType({ description: 'An operator as the desk assigns to them.' })
export class OperatorInput {
  @Field(() => String, { description: `Their token's sub. ${chars(TextLimits.id)}` })
  sub: string;

  @Field(() => String, { description: `${chars(TextLimits.code * 2)}` })
  name: string;

  @Field(() => [String], {
    description:
      'At most 10 skills, each lower case and 32 characters at most, e.g. ["risk", "logistics", "escalation"].',
  })
  skills: string[];

  @Field(() => Int, { description: 'How many open items they may be given automatically, 0..100.' })
  capacity: number;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'An inactive operator is given nothing.' })
  active?: boolean | null;
}

const SKILL = /^[a-z][a-z0-9_-]{0,31}$/;

export const operatorInputBound = inputBound((input) =>
  problemsOf(
    checkText('input.sub', input.sub, { max: TextLimits.id }),
    typeof input.sub === 'string' && !input.sub.trim() ? { field: 'input.sub', message: 'is empty' } : null,
    checkText('input.name', input.name, { max: TextLimits.code * 2 }),
    typeof input.name === 'string' && !input.name.trim() ? { field: 'input.name', message: 'is empty' } : null,
    checkListSize('input.skills', input.skills, 10),
    ...((input.skills as unknown[]) ?? []).map((s, i) =>
      typeof s === 'string' && SKILL.test(s)
        ? null
        : { field: `input.skills[${i}]`, message: 'must be a lower-case word (a-z, 0-9, _ or -, at most 32)' },
    ),
    Number.isInteger(input.capacity) && (input.capacity as number) >= 0 && (input.capacity as number) <= 100
      ? null
      : { field: 'input.capacity', message: 'must be a whole number 0..100' },
  ),
);
