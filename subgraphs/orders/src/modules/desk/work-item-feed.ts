import { EventTypes, eventIdOfPosition, type WorkItemChanged } from '@supply-graph/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { retainedEvents } from '../order-events/order-events.service';

// Internal: the gateway reads past work item changes to replay them to a desk screen that resumes (`after`);
// `@inaccessible` keeps them out of the public graph.

@Directive('@inaccessible')
@ObjectType({ description: 'A past work-item.changed event as it was published.' })
export class WorkItemEventRecord {
  @Field(() => ID)
  eventId: string;

  @Field(() => ID)
  workItemId: string;

  @Field(() => String)
  change: string;

  @Field(() => String)
  kind: string;

  @Field(() => String)
  status: string;

  @Field(() => String, { nullable: true })
  assignee: string | null;

  @Field(() => String, { nullable: true })
  channel: string | null;

  @Field(() => Int, { description: "The item's version after this change." })
  version: number;

  @Field(() => Date)
  at: Date;
}

@Directive('@inaccessible')
@ObjectType()
export class WorkItemEventBatch {
  @Field(() => [WorkItemEventRecord], { description: 'In publishing order.' })
  events: WorkItemEventRecord[];

  @Field(() => Boolean, { description: 'More events follow the last one: ask again after it.' })
  hasMore: boolean;
}

export interface WorkItemReplayRequest {
  after: string;
  kinds: string[] | null;
  assignee: string | null;
  first: number;
}

/**
 * Past work item changes after `after`, with the subscription's filters. A channel-scoped caller (the subscriber,
 * whose token the gateway passes on) gets its channels' items only; an item without a channel is for callers of
 * every channel, as it is live.
 */
export async function replayWorkItemEvents(
  ctx: OrdersContext,
  request: WorkItemReplayRequest,
): Promise<WorkItemEventBatch> {
  const { rows, hasMore } = await retainedEvents<WorkItemChanged>(
    ctx,
    EventTypes.workItemChanged,
    request.after,
    request.first,
    `($4::text[] IS NULL OR o.payload->>'kind' = ANY($4::text[]))
     AND ($5::text IS NULL OR o.payload->>'assignee' = $5)
     AND ($6::text[] IS NULL OR o.payload->>'channel' = ANY($6::text[]))`,
    [request.kinds, request.assignee, ctx.principal.channels],
  );
  return {
    events: rows.map(({ position, payload: p }) => ({
      eventId: eventIdOfPosition(position),
      workItemId: p.workItemId,
      change: p.change,
      kind: p.kind,
      status: p.status,
      assignee: p.assignee,
      channel: p.channel,
      version: p.version,
      at: new Date(p.at),
    })),
    hasMore,
  };
}
