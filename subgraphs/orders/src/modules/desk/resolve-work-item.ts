import { conflict, type EventTransaction } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { cancelInTransaction } from '../lifecycle/cancel-order.service';
import { releaseInTransaction } from '../lifecycle/release-order.service';
import { recordRiskOutcome } from '../risk/risk-feedback';
import { fillFreedCapacity } from './assign';
import { resolveLocked } from './resolve-locked';
import { checkResolution } from './work-item-kinds';
import type { WorkItemRow } from './work-item.row';
import { WorkItemStatus } from './work-item-status';
import { lockForChange, toWorkItem } from './work-item.service';
import type { WorkItem } from './work-item.type';

export interface ResolveArgs {
  outcome: string;
  cause: string | null;
  note: string | null;
}

/**
 * An operator resolves a work item with an outcome valid for its kind
 * (BAD_USER_INPUT listing the allowed ones), in one transaction with what the
 * outcome does: a RISK_HOLD found LEGITIMATE releases its held order, FRAUD
 * cancels it, and either teaches the risk engine (risk-feedback.ts). CONFLICT
 * when the item is already resolved. The operator's freed place is filled.
 */
export async function resolveWorkItem(ctx: OrdersContext, id: string, args: ResolveArgs): Promise<WorkItem> {
  const by = ctx.principal.sub;
  const resolved = await ctx.events.transaction(async (tx) => {
    const item = await lockForChange(ctx, tx, id);
    if (item.status === WorkItemStatus.RESOLVED)
      throw conflict(`Work item ${id} is already resolved (${item.outcome})`, { id, outcome: item.outcome });
    checkResolution(item.kind, args.outcome, args.cause);
    if (item.kind === 'RISK_HOLD') await actOnRiskHold(tx, item, args.outcome as 'LEGITIMATE' | 'FRAUD', by);
    const row = await resolveLocked(tx, item, { ...args, by });
    if (item.assignee) await fillFreedCapacity(tx, item.assignee, ctx.workItemAssignment);
    return row!;
  });
  if (resolved.order_id) ctx.loaders.orderById.clear(resolved.order_id);
  return toWorkItem(resolved);
}

/**
 * Releases (LEGITIMATE) or cancels (FRAUD) the held order, when it is still
 * ON_HOLD (an operator may have acted on the order itself meanwhile; the
 * verdict still counts), and records the verdict against the rules that held it.
 */
async function actOnRiskHold(
  tx: EventTransaction,
  item: WorkItemRow,
  outcome: 'LEGITIMATE' | 'FRAUD',
  by: string,
): Promise<void> {
  const flags = item.detail.riskFlags;
  const customerId = typeof item.detail.customerId === 'string' ? item.detail.customerId : null;
  if (item.order_id) {
    const [order] = (await tx.manager.query('SELECT status FROM sales_order WHERE id = $1 FOR UPDATE', [
      item.order_id,
    ])) as { status: string }[];
    if (order?.status === 'ON_HOLD') {
      if (outcome === 'LEGITIMATE')
        await releaseInTransaction(tx, item.order_id, `risk hold found legitimate on the desk by ${by}`);
      else await cancelInTransaction(tx, item.order_id, `risk hold found fraudulent on the desk by ${by}`);
    }
  }
  await recordRiskOutcome(
    tx,
    { workItemId: item.id, ruleCodes: Array.isArray(flags) ? flags : [], customerId },
    outcome,
    by,
  );
}
