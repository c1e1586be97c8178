import {
  assertGranted,
  EventTypes,
  eventIdOfPosition,
  type DomainEvent,
  type EventBus,
  type Logger,
  type Principal,
  type WorkItemChanged,
} from '@supply-graph/shared';
import { GraphQLError } from 'graphql';
import { subscriptionMetrics } from '../metrics';
import { Delivery } from './delivery';
import { Subscriber } from './subscriber';
import { accessKey, type HubOptions, type SubscribeRequest, type SubscriberContext } from './subscription-hub';
import type { CompiledSubscription, SubscriptionPlanner } from './subscription-planner';

/** What a `workItemChanged` subscriber asked for, and the channels it may see. */
export interface WorkItemFilter {
  kinds: readonly string[] | null;
  assignee: string | null;
  /** The subscriber's channel scope (null: every channel); an item without a channel is for such callers only. */
  channels: readonly string[] | null;
}

interface WorkItemEvent {
  position: bigint;
  eventId: string;
  payload: WorkItemChanged;
}

export const matchesWorkItem = (filter: WorkItemFilter, e: WorkItemChanged): boolean =>
  (!filter.kinds || filter.kinds.includes(e.kind)) &&
  (!filter.assignee || filter.assignee === e.assignee) &&
  (!filter.channels || (e.channel !== null && filter.channels.includes(e.channel)));

interface Group {
  compiled: CompiledSubscription;
  variables: Record<string, unknown>;
  context: SubscriberContext;
  subscribers: Set<Subscriber<WorkItemFilter>>;
}

/**
 * Serves `workItemChanged` (the desk's live screen) from the bus, the way the
 * status hub serves `orderStatusChanged`: every gateway replica tails
 * `work-item.changed`, filters per subscriber (kinds, assignee, and the
 * channel scope, whatever was asked), resolves each event once per group of
 * subscribers sharing selection and access through the query plan
 * (`_workItemEvent` in orders, which reads the item through the subscriber's
 * channel scope again), and delivers in bus order. Live only: no `after`.
 */
export class WorkItemHub {
  private readonly groups = new Map<string, Group>();
  private delivering: Promise<void> = Promise.resolve();
  private newest = 0n;
  private stopTail: (() => Promise<void>) | null = null;

  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly logger: Logger,
    private readonly options: HubOptions,
    private readonly sign: (principal: Principal) => Promise<string>,
  ) {}

  async start(bus: EventBus): Promise<void> {
    this.stopTail = await bus.tail([EventTypes.workItemChanged], (event) => this.onEvent(event));
  }

  async stop(): Promise<void> {
    await this.stopTail?.();
    for (const group of this.groups.values()) for (const s of group.subscribers) s.return();
    this.groups.clear();
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
    // As the status hub: subscribers share a resolution only when they share selection, variables and access.
    const key = `${compiled.keyFor(request.variables)}#${accessKey(principal)}`;
    const subscriber = new Subscriber<WorkItemFilter>(filter, this.options.bufferSize, this.newest);
    const group = this.groups.get(key) ?? {
      compiled,
      variables: request.variables,
      context: request.context,
      subscribers: new Set(),
    };
    this.groups.set(key, group);
    subscriber.whenEnded(() => {
      group.subscribers.delete(subscriber);
      if (!group.subscribers.size && this.groups.get(key) === group) this.groups.delete(key);
      subscriptionMetrics.subscribers.dec();
    });
    subscriptionMetrics.subscribers.inc();
    group.subscribers.add(subscriber);
    return subscriber;
  }

  private onEvent(domainEvent: DomainEvent): void {
    if (!domainEvent.position) return;
    const position = BigInt(domainEvent.position);
    if (position <= this.newest) return;
    this.newest = position;
    const event: WorkItemEvent = {
      position,
      eventId: eventIdOfPosition(position),
      payload: domainEvent.payload as WorkItemChanged,
    };
    const wanted = [...this.groups.values()].filter((g) =>
      [...g.subscribers].some((s) => matchesWorkItem(s.filter, event.payload)),
    );
    const work = Promise.all(wanted.map(async (group) => ({ group, delivery: await this.resolveOne(group, event) })));
    this.delivering = this.delivering.then(async () => {
      for (const { group, delivery } of await work)
        for (const subscriber of group.subscribers)
          if (matchesWorkItem(subscriber.filter, event.payload)) subscriber.push(event.position, delivery);
    });
  }

  private async resolveOne(group: Group, event: WorkItemEvent): Promise<Delivery> {
    try {
      group.context.internalToken = await this.sign(group.context.principal);
      const { workItemId, change, at } = event.payload;
      const result = await group.compiled.resolve(
        { eventId: event.eventId, workItemId, change, at },
        group.variables,
        group.context,
      );
      return new Delivery(result);
    } catch (err) {
      this.logger.error({ err, eventId: event.eventId }, 'resolving a work item event failed');
      return new Delivery({
        errors: [
          new GraphQLError('The event could not be resolved', {
            extensions: { code: 'INTERNAL', eventId: event.eventId },
          }),
        ],
      });
    }
  }
}

function kindsOf(value: unknown): string[] | null {
  // Literal list arguments reach here printed (argumentValues prints what is not a scalar or a variable).
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string' && value.startsWith('[')) return [...value.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  if (typeof value === 'string' && value) return [value];
  return null;
}
