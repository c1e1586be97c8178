import { AppError, eventIdOfPosition, type Logger } from '@supply-graph/shared';
import type { Delivery } from './delivery';
import type { HubEvent, HubGroup } from './fan-out-hub';
import type { ReplaySource } from './replay-source';
import type { Subscriber } from './subscriber';

/**
 * The subscribers of one hub that resume with `after`: each first gets the
 * matching events since then from the hub's replay source, while live events
 * for it are held back (at most `backlog`), then the held-back ones newer than
 * the replay, and only then joins its live group: no gap, no duplicate.
 */
export class Resumptions<F, E extends HubEvent> {
  /** Resuming subscribers and where their live events wait until the replay is done. */
  private readonly holding = new Map<Subscriber<F>, (event: E) => void>();

  constructor(
    private readonly backlog: number,
    private readonly logger: Logger,
    /** The hub's resolution of one event for a group (shared with its live deliveries). */
    private readonly resolve: (group: HubGroup<F>, event: E) => Promise<Delivery>,
  ) {}

  /** A live event the hub took from the bus: held for every resuming subscriber it `matches`. */
  offer(event: E, matches: (filter: F) => boolean): void {
    for (const [subscriber, hold] of this.holding) if (matches(subscriber.filter)) hold(event);
  }

  /**
   * Starts the subscriber's replay after `from`. The first page is read before this returns, so an expired or
   * unknown `after` fails the subscription before it starts.
   */
  async resume(
    internalToken: string,
    group: HubGroup<F>,
    subscriber: Subscriber<F>,
    from: bigint,
    replay: ReplaySource<F, E>,
  ): Promise<void> {
    const held: E[] = [];
    this.holding.set(subscriber, (event) => {
      if (held.length < this.backlog) held.push(event);
      else
        subscriber.fail(
          new AppError('SUBSCRIBER_TOO_SLOW', 'Too many events arrived while replaying', {
            lastEventId: eventIdOfPosition(subscriber.lastDelivered),
          }),
        );
    });
    const events = replay.since(from, subscriber.filter, internalToken)[Symbol.asyncIterator]();
    let first: IteratorResult<E>;
    try {
      first = await events.next();
    } catch (err) {
      this.holding.delete(subscriber);
      await subscriber.return();
      throw err;
    }
    this.catchUp(subscriber, group, events, first, held).catch((err: unknown) => {
      this.logger.warn({ err }, 'replay failed');
      subscriber.fail(err instanceof Error ? err : new Error(String(err)));
    });
  }

  /**
   * Replays at the subscriber's pace, then the held-back live events newer than
   * the replay (push drops the others), then joins the live group. The last
   * emptiness check and the join happen with no await between them, so no
   * live event can slip past both.
   */
  private async catchUp(
    subscriber: Subscriber<F>,
    group: HubGroup<F>,
    replay: AsyncIterator<E>,
    first: IteratorResult<E>,
    held: E[],
  ): Promise<void> {
    try {
      for (let next = first; !next.done; next = await replay.next()) {
        if (subscriber.closed) return;
        await subscriber.pushWhenRoom(next.value.position, await this.resolve(group, next.value));
      }
      for (let event = held.shift(); event; event = held.shift()) {
        if (subscriber.closed) return;
        if (event.position > subscriber.position)
          await subscriber.pushWhenRoom(event.position, await this.resolve(group, event));
      }
      if (!subscriber.closed) group.subscribers.add(subscriber);
    } finally {
      this.holding.delete(subscriber);
    }
  }
}
