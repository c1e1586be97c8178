import { AppError, auditTarget } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { fillFreedCapacity } from './assign';
import type { OperatorInput } from './work-item.input';
import type { Operator } from './work-item.type';

const SELECT = `SELECT o.sub, o.name, o.skills, o.capacity, o.active,
  (SELECT count(*) FROM work_item w WHERE w.assignee = o.sub AND w.status <> 'RESOLVED')::int AS "openItems"
  FROM desk_operator o`;

/** Operators are the whole desk's staff: a channel-scoped caller (a partner) neither sees nor changes them. */
function assertStaff(ctx: OrdersContext): void {
  if (ctx.principal.channels !== null)
    throw new AppError('FORBIDDEN', 'Only callers of every channel see or change operators', {
      channels: ctx.principal.channels,
    });
}

export const operatorService = {
  async list(ctx: OrdersContext): Promise<Operator[]> {
    assertStaff(ctx);
    return (await ctx.db.query(`${SELECT} ORDER BY o.sub`)) as Operator[];
  },

  /**
   * Creates or changes an operator. More capacity or a new skill can take
   * waiting items at once: they are assigned in the same transaction.
   */
  async upsert(ctx: OrdersContext, input: OperatorInput): Promise<Operator> {
    const sub = input.sub.trim();
    auditTarget(ctx, 'Operator', sub, null);
    assertStaff(ctx);
    await ctx.events.transaction(async (tx) => {
      await tx.manager.query(
        `INSERT INTO desk_operator (sub, name, skills, capacity, active) VALUES ($1, $2, $3::text[], $4, $5)
         ON CONFLICT (sub) DO UPDATE SET name = EXCLUDED.name, skills = EXCLUDED.skills,
           capacity = EXCLUDED.capacity, active = EXCLUDED.active, updated_at = now()`,
        [sub, input.name.trim(), [...new Set(input.skills)], input.capacity, input.active ?? true],
      );
      if (input.active ?? true) await fillFreedCapacity(tx, sub, ctx.workItemAssignment);
    });
    const [operator] = (await ctx.db.query(`${SELECT} WHERE o.sub = $1`, [sub])) as Operator[];
    return operator;
  },
};
