import {
  AppError,
  BoundedArg,
  Bounds,
  checkText,
  inputBound,
  IntLimits,
  intBound,
  listBound,
  notFound,
  problemsOf,
  RequiresScopes,
  TextLimits,
} from '@supply-graph/shared';
import { Ctx, Directive, Field, ID, InputType, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { replayWorkItemEvents, WorkItemEventBatch } from './work-item-feed';
import { workItemService } from './work-item.service';
import { WorkItemChangeEvent } from './work-item.type';

@Directive('@inaccessible')
@InputType({ description: 'One work item change, as the gateway received it from the bus.' })
export class WorkItemEventInput {
  @Field(() => ID, { description: `At most ${TextLimits.cursor} characters.` })
  eventId: string;

  @Field(() => ID, { description: `At most ${TextLimits.id} characters.` })
  workItemId: string;

  @Field(() => String, { description: `At most ${TextLimits.code} characters.` })
  change: string;

  @Field(() => Date)
  at: Date;
}

const workItemEventBound = inputBound((event) =>
  problemsOf(
    checkText('eventId', event.eventId, { max: TextLimits.cursor }),
    checkText('workItemId', event.workItemId, { max: TextLimits.id }),
    checkText('change', event.change, { max: TextLimits.code }),
  ),
);

/**
 * `workItemChanged` is declared here, by the subgraph that owns work items, so
 * the supergraph carries it; the gateway serves it from the bus (as
 * `orderStatusChanged`) and resolves each event through `_workItemEvent`.
 */
@Resolver(() => WorkItemChangeEvent)
export class WorkItemEventsResolver {
  // Enforced by the gateway's subscription hub, which serves this field.
  @RequiresScopes('desk:read')
  @Subscription(() => WorkItemChangeEvent, {
    description:
      "The desk's live screen: work items opened, assigned, commented, escalated, resolved. Filters combine with " +
      "AND; a channel-scoped caller gets its channels' items only. With `after` (the last eventId received) the " +
      'changes missed since then come first, in order, then live ones: no gap, no duplicate (REPLAY_EXPIRED past ' +
      'the retention).',
    subscribe: () => {
      throw new AppError('NOT_IMPLEMENTED', 'Subscribe to workItemChanged through the gateway (graphql-ws or SSE)');
    },
  })
  workItemChanged(
    @Root() event: WorkItemChangeEvent,
    @BoundedArg('kinds', () => [String], listBound(20, Bounds.code), {
      nullable: true,
      description: 'Only these kinds.',
    })
    _kinds: string[] | null,
    @BoundedArg('assignee', () => String, Bounds.id, { nullable: true, description: "Only this operator's items." })
    _assignee: string | null,
    @BoundedArg('after', () => ID, Bounds.cursor, {
      nullable: true,
      description: 'Resume after this eventId: the changes missed since then are replayed first.',
    })
    _after: string | null,
  ): WorkItemChangeEvent {
    return event;
  }

  @Directive('@inaccessible')
  @RequiresScopes('desk:read')
  @Query(() => WorkItemEventBatch, { description: 'Work item changes published after `after`, matching the filters.' })
  _workItemEvents(
    @BoundedArg('after', () => ID, Bounds.cursor) after: string,
    @BoundedArg('kinds', () => [String], listBound(20, Bounds.code), { nullable: true }) kinds: string[] | null,
    @BoundedArg('assignee', () => String, Bounds.id, { nullable: true }) assignee: string | null,
    @BoundedArg('first', () => Int, intBound(IntLimits.eventBatch), { defaultValue: 500 }) first: number,
    @Ctx() ctx: OrdersContext,
  ) {
    return replayWorkItemEvents(ctx, { after, kinds, assignee, first });
  }

  /** The item is read through the caller's channel scope: one of another channel is NOT_FOUND as a whole. */
  @Directive('@inaccessible')
  @RequiresScopes('desk:read')
  @Query(() => WorkItemChangeEvent, { description: 'One work item change with the item as it is now.' })
  async _workItemEvent(
    @BoundedArg('event', () => WorkItemEventInput, workItemEventBound) event: WorkItemEventInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<WorkItemChangeEvent> {
    const workItem = await workItemService.byId(ctx, event.workItemId);
    if (!workItem) throw notFound('WorkItem', event.workItemId);
    return { eventId: event.eventId, change: event.change, at: event.at, workItem };
  }
}
