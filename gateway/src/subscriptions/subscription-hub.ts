import {
  assertGranted,
  type Principal,
  EventTypes,
  type DomainEvent,
  type Logger,
  traceSubscriptionEvent,
} from '@supply-graph/shared';
import { requestMetrics, subscriptionMetrics } from '../metrics';
import type { Delivery } from './delivery';
import { FanOutHub, type HubGroup, type HubOptions, type SubscribeRequest } from './fan-out-hub';
import type { ReplaySource } from './replay-source';
import { matches, Subscriber, toStatusEvent, type StatusEvent, type StatusFilter } from './subscriber';
import type { SubscriptionPlanner } from './subscription-planner';

export { accessKey, type HubOptions, type SubscribeRequest, type SubscriberContext } from './fan-out-hub';

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
export class SubscriptionHub extends FanOutHub<StatusFilter, StatusEvent> {
  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly replay: ReplaySource,
    logger: Logger,
    options: HubOptions,
    /**
     * Signs a principal's internal token (cached by the signer): the subgraphs resolve each event with the subscriber's
     * access.
     */
    sign: (principal: Principal) => Promise<string>,
  ) {
    super(EventTypes.orderStatusChanged, 'resolving a subscription event failed', logger, options, sign);
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
    const from = this.startFrom(after);
    const subscriber = new Subscriber(filter, this.options.bufferSize, from);
    const group = this.join(request, compiled, subscriber);
    if (after === null) group.subscribers.add(subscriber);
    else await this.resume(request, group, subscriber, from, this.replay);
    return subscriber;
  }

  protected toEvent(domainEvent: DomainEvent): StatusEvent | null {
    return toStatusEvent(domainEvent);
  }

  protected matches(filter: StatusFilter, event: StatusEvent): boolean {
    return matches(filter, event);
  }

  protected rootValue(event: StatusEvent): object {
    return { eventId: event.eventId, orderId: event.orderId, from: event.from, to: event.to, at: event.at };
  }

  protected override accepted(): void {
    subscriptionMetrics.events.inc();
  }

  protected override resolving<T>(domainEvent: DomainEvent, work: () => Promise<T>): Promise<T> {
    return traceSubscriptionEvent(domainEvent, work);
  }

  protected override delivered(event: StatusEvent, groups: number): void {
    const changedAt = Date.parse(event.at);
    if (groups && Number.isFinite(changedAt)) requestMetrics.fanOut.observe(Math.max(0, Date.now() - changedAt) / 1000);
  }

  /** Resolutions of this hub are timed (the work item hub's are not). */
  protected override async resolveOne(group: HubGroup<StatusFilter>, event: StatusEvent): Promise<Delivery> {
    const timer = subscriptionMetrics.resolution.startTimer();
    try {
      subscriptionMetrics.resolutions.inc();
      return await super.resolveOne(group, event);
    } finally {
      timer();
    }
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
