import {
  assertGranted,
  EventTypes,
  eventIdOfPosition,
  type DomainEvent,
  type Logger,
  type Principal,
  type WorkItemChanged,
} from '@supply-graph/shared';
import { FanOutHub, type HubOptions, type SubscribeRequest } from './fan-out-hub';
import type { ReplaySource } from './replay-source';
import { Subscriber } from './subscriber';
import type { SubscriptionPlanner } from './subscription-planner';

/** What a `workItemChanged` subscriber asked for, and the channels it may see. */
export interface WorkItemFilter {
  kinds: readonly string[] | null;
  assignee: string | null;
  /** The subscriber's channel scope (null: every channel); an item without a channel is for such callers only. */
  channels: readonly string[] | null;
}

export interface WorkItemEvent {
  position: bigint;
  eventId: string;
  payload: WorkItemChanged;
}

export const matchesWorkItem = (filter: WorkItemFilter, e: WorkItemChanged): boolean =>
  (!filter.kinds || filter.kinds.includes(e.kind)) &&
  (!filter.assignee || filter.assignee === e.assignee) &&
  (!filter.channels || (e.channel !== null && filter.channels.includes(e.channel)));

/**
 * Serves `workItemChanged` (the desk's live screen) from the bus, the way the
 * status hub serves `orderStatusChanged`: every gateway replica tails
 * `work-item.changed`, filters per subscriber (kinds, assignee, and the
 * channel scope, whatever was asked), resolves each event once per group of
 * subscribers sharing selection and access through the query plan
 * (`_workItemEvent` in orders, which reads the item through the subscriber's
 * channel scope again), and delivers in bus order. A subscriber with `after`
 * first gets what it missed from the orders subgraph's retained events
 * (`_workItemEvents`), as `orderStatusChanged` does.
 */
export class WorkItemHub extends FanOutHub<WorkItemFilter, WorkItemEvent> {
  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly replay: ReplaySource<WorkItemFilter, WorkItemEvent>,
    logger: Logger,
    options: HubOptions,
    sign: (principal: Principal) => Promise<string>,
  ) {
    super(EventTypes.workItemChanged, 'resolving a work item event failed', logger, options, sign);
  }

  async subscribe(request: SubscribeRequest): Promise<Subscriber<WorkItemFilter>> {
    const { principal } = request.context;
    assertGranted(principal, [['desk:read']], 'Subscription.workItemChanged');
    const compiled = this.planner.compile(request.document, request.operationName);
    const args = compiled.argumentsOf(request.variables);
    const filter: WorkItemFilter = {
      kinds: kindsOf(args.kinds),
      assignee: typeof args.assignee === 'string' && args.assignee ? args.assignee : null,
      channels: principal.channels,
    };
    const after = typeof args.after === 'string' && args.after ? args.after : null;
    const from = this.startFrom(after);
    const subscriber = new Subscriber<WorkItemFilter>(filter, this.options.bufferSize, from);
    const group = this.join(request, compiled, subscriber);
    if (after === null) group.subscribers.add(subscriber);
    else await this.resume(request, group, subscriber, from, this.replay);
    return subscriber;
  }

  protected toEvent(domainEvent: DomainEvent): WorkItemEvent | null {
    if (!domainEvent.position) return null;
    const position = BigInt(domainEvent.position);
    return { position, eventId: eventIdOfPosition(position), payload: domainEvent.payload as WorkItemChanged };
  }

  protected matches(filter: WorkItemFilter, event: WorkItemEvent): boolean {
    return matchesWorkItem(filter, event.payload);
  }

  protected rootValue(event: WorkItemEvent): object {
    const { workItemId, change, at } = event.payload;
    return { eventId: event.eventId, workItemId, change, at };
  }
}

function kindsOf(value: unknown): string[] | null {
  // Literal list arguments reach here printed (argumentValues prints what is not a scalar or a variable).
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string' && value.startsWith('[')) return [...value.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  if (typeof value === 'string' && value) return [value];
  return null;
}
