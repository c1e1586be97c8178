import {
  AppError,
  assertGranted,
  type Principal,
  EventTypes,
  badUserInput,
  positionOfEventId,
  eventIdOfPosition,
  type DomainEvent,
  type EventBus,
  type Logger,
  traceSubscriptionEvent,
} from '@supply-graph/shared';
import type { DocumentNode } from 'graphql';
import { GraphQLError } from 'graphql';
import { requestMetrics, subscriptionMetrics } from '../metrics';
import { Delivery } from './delivery';
import type { ReplaySource } from './replay-source';
import { matches, Subscriber, toStatusEvent, type StatusEvent, type StatusFilter } from './subscriber';
import type { CompiledSubscription, SubscriptionPlanner } from './subscription-planner';

export interface HubOptions {
  /** Resolved events one subscriber may have waiting before it is cut off. */
  bufferSize: number;
  /** Raw events one resuming subscriber may collect while its replay runs. */
  replayBacklog?: number;
}

/** The subscriber's request context: who it is, as verified when it connected. */
export interface SubscriberContext {
  requestId: string;
  principal: Principal;
  internalToken: string;
}

export interface SubscribeRequest {
  document: DocumentNode;
  operationName?: string;
  variables: Record<string, unknown>;
  context: SubscriberContext;
}

interface Group {
  key: string;
  compiled: CompiledSubscription;
  variables: Record<string, unknown>;
  /** The access every subscriber of the group shares; its internal token is renewed before each resolution. */
  context: SubscriberContext;
  subscribers: Set<Subscriber>;
}

/**
 * Subscribers share a resolution only when they share what they may see:
 * scopes and channels; with pii:read also the subscriber itself, as each
 * unmasked read is recorded under its reader.
 */
export function accessKey(principal: Principal): string {
  const scopes = [...principal.scopes].sort().join(' ');
  const channels = principal.channels ? [...principal.channels].sort().join(',') : '*';
  return `${scopes}|${channels}${principal.scopes.has('pii:read') ? `|${principal.sub}` : ''}`;
}

/**
 * Serves `orderStatusChanged` from the bus. The gateway tails the bus (every
 * replica its own tail) and, per event, applies the subscribers' filters
 * first, then resolves the event once per group of subscribers sharing a
 * selection (and its variables), and fans the result out. Events are resolved
 * concurrently but delivered in bus order, which is position order, so each
 * order's events arrive in version order. A subscriber with `after` first
 * gets the matching events since then from the orders subgraph, while live
 * events for it are held back, then the held-back ones newer than the replay:
 * no gap, no duplicate.
 */
export class SubscriptionHub {
  private readonly groups = new Map<string, Group>();
  private delivering: Promise<void> = Promise.resolve();
  private newest = 0n;
  private stopTail: (() => Promise<void>) | null = null;

  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly replay: ReplaySource,
    private readonly logger: Logger,
    private readonly options: HubOptions,
    /**
     * Signs a principal's internal token (cached by the signer): the subgraphs resolve each event with the subscriber's
     * access.
     */
    private readonly sign: (principal: Principal) => Promise<string>,
  ) {}

  async start(bus: EventBus): Promise<void> {
    this.stopTail = await bus.tail([EventTypes.orderStatusChanged], (event) => this.onEvent(event));
  }

  async stop(): Promise<void> {
    await this.stopTail?.();
    for (const group of this.groups.values()) for (const s of group.subscribers) s.return();
    this.groups.clear();
  }

  /**
   * Ends every subscription opened with the tokens of this API client (it was
   * disabled): its tokens no longer work, and neither does what they opened.
   */
  revokeClient(clientId: string): number {
    let ended = 0;
    for (const group of this.groups.values()) {
      const { principal } = group.context;
      if (principal.kind !== 'client' || principal.sub !== clientId) continue;
      for (const subscriber of group.subscribers) {
        subscriber.fail(new AppError('UNAUTHENTICATED', 'The API client of this subscription was disabled'));
        ended += 1;
      }
    }
    return ended;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.subscribers.size;
    return n;
  }

  /** Starts a subscription; bad arguments and expired `after` ids throw before anything is sent. */
  async subscribe(request: SubscribeRequest): Promise<Subscriber> {
    const { principal } = request.context;
    assertGranted(principal, [['orders:read']], 'Subscription.orderStatusChanged');
    const compiled = this.planner.compile(request.document, request.operationName);
    const args = compiled.argumentsOf(request.variables);
    // A channel-scoped caller gets its channels' events only, whatever filter it asked for.
    const filter: StatusFilter = {
      orderId: str(args.orderId),
      customerId: str(args.customerId),
      channel: str(args.channel),
      channels: principal.channels,
    };
    const after = str(args.after);
    const from = after === null ? this.newest : positionOfEventId(after);
    if (from === null)
      throw badUserInput(`"${after}" is not an eventId`, [{ field: 'after', message: 'not an eventId' }]);
    // Selection, variables and access make the key: one resolution per event serves every subscriber of a key.
    const key = `${compiled.keyFor(request.variables)}#${accessKey(principal)}`;
    const subscriber = new Subscriber(filter, this.options.bufferSize, from);
    const group = this.groups.get(key) ?? {
      key,
      compiled,
      variables: request.variables,
      context: request.context,
      subscribers: new Set(),
    };
    this.groups.set(key, group);
    // group.key, not key: this subscriber's copy of the key (hundreds of bytes) need not live as long as it does.
    subscriber.whenEnded(() => {
      group.subscribers.delete(subscriber);
      if (!group.subscribers.size && this.groups.get(group.key) === group) this.groups.delete(group.key);
      subscriptionMetrics.subscribers.dec();
    });
    subscriptionMetrics.subscribers.inc();
    if (after === null) {
      group.subscribers.add(subscriber);
      return subscriber;
    }
    // Live events for this subscriber are held back from now until the replay is done.
    const held: StatusEvent[] = [];
    const limit = this.options.replayBacklog ?? 10_000;
    this.holding.set(subscriber, (event) => {
      if (held.length < limit) held.push(event);
      else
        subscriber.fail(
          new AppError('SUBSCRIBER_TOO_SLOW', 'Too many events arrived while replaying', {
            lastEventId: eventIdOfPosition(subscriber.lastDelivered),
          }),
        );
    });
    const replay = this.replay.since(from, filter, request.context.internalToken)[Symbol.asyncIterator]();
    let first: IteratorResult<StatusEvent>;
    try {
      // The first page answers now: an expired or unknown `after` fails the subscription before it starts.
      first = await replay.next();
    } catch (err) {
      this.holding.delete(subscriber);
      await subscriber.return();
      throw err;
    }
    this.catchUp(subscriber, group, replay, first, held).catch((err: unknown) => {
      this.logger.warn({ err }, 'replay failed');
      subscriber.fail(err instanceof Error ? err : new Error(String(err)));
    });
    return subscriber;
  }

  /**
   * Replays at the subscriber's pace, then the held-back live events newer than
   * the replay (push drops the others), then joins the live group. The last
   * emptiness check and the join happen with no await between them, so no
   * live event can slip past both.
   */
  private async catchUp(
    subscriber: Subscriber,
    group: Group,
    replay: AsyncIterator<StatusEvent>,
    first: IteratorResult<StatusEvent>,
    held: StatusEvent[],
  ): Promise<void> {
    try {
      for (let next = first; !next.done; next = await replay.next()) {
        if (subscriber.closed) return;
        await subscriber.pushWhenRoom(next.value.position, await this.resolveOne(group, next.value));
      }
      for (let event = held.shift(); event; event = held.shift()) {
        if (subscriber.closed) return;
        if (event.position > subscriber.position)
          await subscriber.pushWhenRoom(event.position, await this.resolveOne(group, event));
      }
      if (!subscriber.closed) group.subscribers.add(subscriber);
    } finally {
      this.holding.delete(subscriber);
    }
  }

  private readonly holding = new Map<Subscriber, (event: StatusEvent) => void>();

  private onEvent(domainEvent: DomainEvent): void {
    const event = toStatusEvent(domainEvent);
    // A republished batch repeats events: the bus order is position order, so older ones are repeats.
    if (!event || event.position <= this.newest) return;
    this.newest = event.position;
    subscriptionMetrics.events.inc();
    for (const [subscriber, hold] of this.holding) if (matches(subscriber.filter, event)) hold(event);
    const work = traceSubscriptionEvent(domainEvent, () => this.resolveForGroups(event));
    this.delivering = this.delivering.then(async () => {
      const resolved = await work;
      for (const { group, delivery } of resolved) {
        for (const subscriber of group.subscribers)
          if (matches(subscriber.filter, event)) subscriber.push(event.position, delivery);
      }
      const changedAt = Date.parse(event.at);
      if (resolved.length && Number.isFinite(changedAt))
        requestMetrics.fanOut.observe(Math.max(0, Date.now() - changedAt) / 1000);
    });
  }

  /** Resolves the event once for every group that has a subscriber it matches. */
  private async resolveForGroups(event: StatusEvent): Promise<{ group: Group; delivery: Delivery }[]> {
    const wanted: Group[] = [];
    // No copies of the subscriber sets: this runs for every event, over every subscriber.
    for (const group of this.groups.values()) {
      for (const subscriber of group.subscribers) {
        if (matches(subscriber.filter, event)) {
          wanted.push(group);
          break;
        }
      }
    }
    return Promise.all(wanted.map(async (group) => ({ group, delivery: await this.resolveOne(group, event) })));
  }

  /** The event resolved for the group, shared by all its subscribers. */
  private async resolveOne(group: Group, event: StatusEvent): Promise<Delivery> {
    const timer = subscriptionMetrics.resolution.startTimer();
    try {
      subscriptionMetrics.resolutions.inc();
      group.context.internalToken = await this.sign(group.context.principal);
      const result = await group.compiled.resolve(
        { eventId: event.eventId, orderId: event.orderId, from: event.from, to: event.to, at: event.at },
        group.variables,
        group.context,
      );
      return new Delivery(result);
    } catch (err) {
      this.logger.error({ err, eventId: event.eventId }, 'resolving a subscription event failed');
      return new Delivery({
        errors: [
          new GraphQLError('The event could not be resolved', {
            extensions: { code: 'INTERNAL', eventId: event.eventId },
          }),
        ],
      });
    } finally {
      timer();
    }
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
