import { AUDIT_TEXT_MAX, TextLimits, checkText, inputBound, problemsOf, textBound } from '@supply-graph/shared';
import { Field, InputType } from 'type-graphql';

const chars = (max: number) => textBound(max).description;

@InputType({ description: 'Conditions on audit entries; the given ones combine with AND. Text matches exactly.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: `The caller's sub. ${chars(AUDIT_TEXT_MAX)}` })
  actor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `e.g. "cancelOrder" or "pii.read". ${chars(TextLimits.operationName)}`,
  })
  action?: string | null;

  @Field(() => String, { nullable: true, description: `e.g. "Order:1f0c...". ${chars(AUDIT_TEXT_MAX)}` })
  target?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant (inclusive).' })
  since?: Date | null;
}

/** The bound of an `AuditFilter` argument, for `@BoundedArg`. */
export const auditFilterBound = inputBound((filter) =>
  problemsOf(
    checkText('filter.actor', filter.actor, { max: AUDIT_TEXT_MAX }),
    checkText('filter.action', filter.action, { max: TextLimits.operationName }),
    checkText('filter.target', filter.target, { max: AUDIT_TEXT_MAX }),
  ),
);
