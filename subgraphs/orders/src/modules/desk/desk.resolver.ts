import { BoundedArg, Bounds, RequiresScopes, textBound, TextLimits } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import { Order } from '../order/order.type';
import { resolveWorkItem } from './resolve-work-item';
import { riskRulePrecision } from './risk-precision.service';
import { LOGISTICS_CAUSES, OUTCOMES } from './work-item-kinds';
import { WorkItemFilter, workItemFilterBound } from './work-item.input';
import { DEFAULT_WORK_ITEM_PAGE, workItemService } from './work-item.service';
import { RiskRulePrecision, ShipmentRef, WorkItem, WorkItemConnection, WorkItemHistoryEntry } from './work-item.type';

const OUTCOME_DOC = Object.entries(OUTCOMES)
  .map(([kind, outcomes]) => `${kind}: ${outcomes.join(' | ')}`)
  .join('; ');

/** The operations desk's work items: the list, one item, and what operators do with them. */
@Resolver(() => WorkItem)
export class DeskResolver {
  @RequiresScopes('desk:read')
  @Query(() => WorkItemConnection, {
    description:
      "Work items, newest first. A channel-scoped caller sees only its channels' items (none without a channel).",
  })
  workItems(
    @BoundedArg('filter', () => WorkItemFilter, workItemFilterBound, { nullable: true }) filter: WorkItemFilter | null,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: DEFAULT_WORK_ITEM_PAGE })
    first: number | null,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<WorkItemConnection> {
    return workItemService.list(ctx, filter, first, after);
  }

  @RequiresScopes('desk:read')
  @Query(() => WorkItem, { nullable: true, description: "One work item; null when unknown or not the caller's." })
  workItem(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext): Promise<WorkItem | null> {
    return workItemService.byId(ctx, id);
  }

  @RequiresScopes('desk:read')
  @Query(() => [RiskRulePrecision], {
    description:
      'Per risk rule, the holds opened in [from, to) (to: now when not given) and how they were resolved: precision ' +
      '= fraudulent / (legitimate + fraudulent).',
  })
  riskRulePrecision(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<RiskRulePrecision[]> {
    return riskRulePrecision(ctx, from, to ?? new Date());
  }

  @RequiresScopes('desk:write')
  @Mutation(() => WorkItem, {
    description:
      'Hands a work item to an active operator (capacity is not checked: a person decided). CONFLICT when resolved; ' +
      "FORBIDDEN for an item outside the caller's channels.",
  })
  assignWorkItem(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('assignee', () => String, textBound(TextLimits.id)) assignee: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<WorkItem> {
    return workItemService.assign(ctx, id, assignee);
  }

  @RequiresScopes('desk:write')
  @Mutation(() => WorkItem, { description: "Adds a comment to the item's history. CONFLICT when resolved." })
  commentWorkItem(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('text', () => String, Bounds.reason) text: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<WorkItem> {
    return workItemService.comment(ctx, id, text);
  }

  @RequiresScopes('desk:write')
  @Mutation(() => WorkItem, {
    description:
      `Resolves a work item. Outcomes per kind: ${OUTCOME_DOC}; other kinds: RESOLVED | NO_ACTION. ` +
      `A LOGISTICS_EXCEPTION needs a cause: ${LOGISTICS_CAUSES.join(' | ')}; other kinds take none. ` +
      'A RISK_HOLD found LEGITIMATE releases the held order and trusts the customer; FRAUD cancels it. ' +
      'BAD_USER_INPUT lists the allowed values; CONFLICT when already resolved.',
  })
  resolveWorkItem(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('outcome', () => String, Bounds.code) outcome: string,
    @BoundedArg('cause', () => String, Bounds.code, { nullable: true }) cause: string | null,
    @BoundedArg('note', () => String, Bounds.reason, { nullable: true }) note: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<WorkItem> {
    return resolveWorkItem(ctx, id, { outcome, cause, note: note?.trim() || null });
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order it concerns, when there is one.' })
  order(@Root() item: WorkItem, @Ctx() ctx: OrdersContext) {
    return item.orderId ? orderService.findById(ctx, item.orderId) : null;
  }

  @FieldResolver(() => ShipmentRef, { nullable: true, description: 'The shipment, when the subject is one.' })
  shipment(@Root() item: WorkItem): ShipmentRef | null {
    return item.subjectType === 'Shipment' ? { id: item.subjectId } : null;
  }

  @FieldResolver(() => [WorkItemHistoryEntry], { description: 'Everything that happened to it, oldest first.' })
  history(@Root() item: WorkItem, @Ctx() ctx: OrdersContext): Promise<WorkItemHistoryEntry[]> {
    return workItemService.history(ctx, item.id);
  }
}
