import {
  AppError,
  badUserInput,
  positionOfEventId,
  type DomainEvent,
  type EventBus,
  type EventType,
  type Logger,
  type Principal,
} from '@supply-graph/shared';
import type { DocumentNode } from 'graphql';
import { GraphQLError } from 'graphql';
import { subscriptionMetrics } from '../metrics';
import { Delivery } from './delivery';
import type { ReplaySource } from './replay-source';
import { Resumptions } from './resumptions';
import type { Subscriber } from './subscriber';
import type { CompiledSubscription } from './subscription-planner';

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

/** Subscribers that share one resolution of each event: the same selection, variables and access. */
export interface HubGroup<F> {
  key: string;
  compiled: CompiledSubscription;
  variables: Record<string, unknown>;
  /** The access every subscriber of the group shares; its internal token is renewed before each resolution. */
  context: SubscriberContext;
  subscribers: Set<Subscriber<F>>;
}

/** What a hub needs of every event it serves: where it stands on the bus, and the id subscribers resume from. */
export interface HubEvent {
  position: bigint;
  eventId: string;
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
 * The fan-out both subscription hubs share. Every gateway replica tails one
 * event type on the bus; per event, the subscribers' filters (which hold their
 * channel scope, whatever they asked for) pick the groups that want it, the
 * event is resolved once per such group through the query plan, with the
 * group's access, and delivered to the group's matching subscribers. Events
 * are resolved concurrently but delivered in bus order, which is position
 * order. A hub says what its events are (`toEvent`), who wants them
 * (`matches`) and what the plan resolves them from (`rootValue`).
 */
export abstract class FanOutHub<F, E extends HubEvent> {
  protected readonly groups = new Map<string, HubGroup<F>>();
  /** The newest position taken from the bus: the bus order is position order, so older ones are repeats. */
  protected newest = 0n;
  private delivering: Promise<void> = Promise.resolve();
  private stopTail: (() => Promise<void>) | null = null;
  private readonly resumptions: Resumptions<F, E>;

  protected constructor(
    private readonly eventType: EventType,
    /** What the error log says when an event could not be resolved for a group. */
    private readonly resolveFailure: string,
    protected readonly logger: Logger,
    protected readonly options: HubOptions,
    /**
     * Signs a principal's internal token (cached by the signer): the subgraphs resolve each event with the subscriber's
     * access.
     */
    private readonly sign: (principal: Principal) => Promise<string>,
  ) {
    // Through `this`, so a hub's own resolveOne (the status hub times its resolutions) serves replays too.
    this.resumptions = new Resumptions(options.replayBacklog ?? 10_000, logger, (group, event) =>
      this.resolveOne(group, event),
    );
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

  /** The bus event as this hub serves it; null when it carries no position. */
  protected abstract toEvent(domainEvent: DomainEvent): E | null;
  /** Whether a subscriber with this filter gets the event. */
  protected abstract matches(filter: F, event: E): boolean;
  /** What the subscription's plan resolves the event from. */
  protected abstract rootValue(event: E): object;

  async start(bus: EventBus): Promise<void> {
    this.stopTail = await bus.tail([this.eventType], (event) => this.onEvent(event));
  }

  async stop(): Promise<void> {
    await this.stopTail?.();
    for (const group of this.groups.values()) for (const s of group.subscribers) s.return();
    this.groups.clear();
  }

  get subscriberCount(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.subscribers.size;
    return n;
  }

  /**
   * The group the new subscriber belongs to (made when it is the first), and
   * the subscriber counted until it ends. It gets events once the caller adds it
   * to the group's subscribers.
   */
  protected join(request: SubscribeRequest, compiled: CompiledSubscription, subscriber: Subscriber<F>): HubGroup<F> {
    // Selection, variables and access make the key: one resolution per event serves every subscriber of a key.
    const key = `${compiled.keyFor(request.variables)}#${accessKey(request.context.principal)}`;
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
    return group;
  }

  /**
   * Where a subscriber starts: after the event id it resumes from (`after`), or at the live edge.
   *
   * @throws BAD_USER_INPUT an `after` that is not an event id
   */
  protected startFrom(after: string | null): bigint {
    if (after === null) return this.newest;
    const from = positionOfEventId(after);
    if (from === null)
      throw badUserInput(`"${after}" is not an eventId`, [{ field: 'after', message: 'not an eventId' }]);
    return from;
  }

  /**
   * Starts a subscriber that resumes after `from`: the events it missed first, then live ones (resumptions.ts).
   *
   * @throws what the replay's first page throws (REPLAY_EXPIRED, BAD_USER_INPUT), before anything is sent
   */
  protected resume(
    request: SubscribeRequest,
    group: HubGroup<F>,
    subscriber: Subscriber<F>,
    from: bigint,
    replay: ReplaySource<F, E>,
  ): Promise<void> {
    return this.resumptions.resume(request.context.internalToken, group, subscriber, from, replay);
  }

  /** A new event taken from the bus, before it is resolved. */
  protected accepted(_event: E): void {}

  /** Runs the event's resolution for the groups (a hub may trace it). */
  protected resolving<T>(_domainEvent: DomainEvent, work: () => Promise<T>): Promise<T> {
    return work();
  }

  /** The event was delivered to the subscribers of `groups` groups. */
  protected delivered(_event: E, _groups: number): void {}

  private onEvent(domainEvent: DomainEvent): void {
    const event = this.toEvent(domainEvent);
    // A republished batch repeats events: the bus order is position order, so older ones are repeats.
    if (!event || event.position <= this.newest) return;
    this.newest = event.position;
    this.accepted(event);
    this.resumptions.offer(event, (filter) => this.matches(filter, event));
    const work = this.resolving(domainEvent, () => this.resolveForGroups(event));
    this.delivering = this.delivering.then(async () => {
      const resolved = await work;
      for (const { group, delivery } of resolved) {
        for (const subscriber of group.subscribers)
          if (this.matches(subscriber.filter, event)) subscriber.push(event.position, delivery);
      }
      this.delivered(event, resolved.length);
      // One turn of the event loop per event: the writes this event scheduled (WriteScheduler, setImmediate) go out
      // before the next event is pushed. A burst resolved together (a relay batch) was otherwise pushed whole
      // within one turn, and a subscriber keeping up was cut off as too slow when the burst passed its buffer.
      await new Promise<void>((resolve) => setImmediate(resolve));
    });
  }

  /** Resolves the event once for every group that has a subscriber it matches. */
  private async resolveForGroups(event: E): Promise<{ group: HubGroup<F>; delivery: Delivery }[]> {
    const wanted: HubGroup<F>[] = [];
    // No copies of the subscriber sets: this runs for every event, over every subscriber.
    for (const group of this.groups.values()) {
      for (const subscriber of group.subscribers) {
        if (this.matches(subscriber.filter, event)) {
          wanted.push(group);
          break;
        }
      }
    }
    return Promise.all(wanted.map(async (group) => ({ group, delivery: await this.resolveOne(group, event) })));
  }

  /** The event resolved for the group, shared by all its subscribers; a failure reaches them as an INTERNAL error. */
  protected async resolveOne(group: HubGroup<F>, event: E): Promise<Delivery> {
    try {
      group.context.internalToken = await this.sign(group.context.principal);
      const result = await group.compiled.resolve(this.rootValue(event), group.variables, group.context);
      return new Delivery(result);
    } catch (err) {
      this.logger.error({ err, eventId: event.eventId }, this.resolveFailure);
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
