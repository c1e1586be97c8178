import { AppError, eventIdOfPosition as eventIdOf } from '@supply-graph/shared';
import type { ExecutionResult } from 'graphql';

/** What a subscriber asked for, besides its selection. */
export interface StatusFilter {
  orderId: string | null;
  customerId: string | null;
  channel: string | null;
  /** The subscriber's channel scope (null: every channel). */
  channels: readonly string[] | null;
}

/** A status event as it travels from the bus to the subscribers. */
export interface StatusEvent {
  position: bigint;
  eventId: string;
  orderId: string;
  customerId: string;
  channel: string;
  from: string | null;
  to: string;
  at: string;
}

export const matches = (filter: StatusFilter, event: StatusEvent): boolean =>
  (!filter.orderId || filter.orderId === event.orderId) &&
  (!filter.customerId || filter.customerId === event.customerId) &&
  (!filter.channel || filter.channel.toLowerCase() === event.channel) &&
  (!filter.channels || filter.channels.includes(event.channel));

/**
 * One client's subscription: its filter, the key of its selection, and a
 * bounded queue between the hub (which pushes resolved events) and the
 * transport (which pulls them as fast as the client reads). A queue that
 * overflows ends the subscription with SUBSCRIBER_TOO_SLOW naming the last
 * event the client got, so the others are never held up by this one.
 */
export class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  /** Position of the last event handed to the transport (the client resumes after it). */
  lastDelivered: bigint;
  private lastQueued: bigint;
  private readonly queue: { position: bigint; result: ExecutionResult }[] = [];
  private waiting: ((r: IteratorResult<ExecutionResult>) => void) | null = null;
  private roomWaiters: (() => void)[] = [];
  private ended: Error | null | 'done' = null;
  private onEnd: (() => void) | null = null;
  /**
   * Told at once when the subscription fails (e.g. too slow): the transport may
   * be stuck writing to the client, so waiting for it to pull the error would
   * never cut the subscriber off.
   */
  onFailure: ((error: Error) => void) | null = null;

  constructor(
    readonly filter: StatusFilter,
    readonly key: string,
    readonly variables: Record<string, unknown>,
    private readonly capacity: number,
    after: bigint,
  ) {
    this.lastDelivered = after;
    this.lastQueued = after;
  }

  get closed(): boolean {
    return this.ended !== null;
  }

  /** The position of the last event queued: later ones only are pushed. */
  get position(): bigint {
    return this.lastQueued;
  }

  /** Queues a resolved event; events at or before the last queued one are dropped (redeliveries). */
  push(position: bigint, result: ExecutionResult): void {
    if (this.ended || position <= this.lastQueued) return;
    this.lastQueued = position;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      this.lastDelivered = position;
      resolve({ value: result, done: false });
      return;
    }
    if (this.queue.length >= this.capacity) {
      this.fail(
        new AppError(
          'SUBSCRIBER_TOO_SLOW',
          `More than ${this.capacity} events waited for this subscriber; ` +
            `resume with after: "${eventIdOf(this.lastDelivered)}"`,
          {
            lastEventId: eventIdOf(this.lastDelivered),
          },
        ),
      );
      return;
    }
    this.queue.push({ position, result });
  }

  /**
   * Queues an event once there is room: for replays, which can go at the
   * client's pace (live events cannot wait, so `push` cuts off instead).
   */
  async pushWhenRoom(position: bigint, result: ExecutionResult): Promise<void> {
    while (!this.ended && this.queue.length >= this.capacity)
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    this.push(position, result);
  }

  /** Ends the subscription with an error the transport reports (and, for too slow, closes on). */
  fail(error: Error): void {
    if (this.ended) return;
    this.ended = error;
    this.queue.length = 0;
    this.onFailure?.(error);
    this.finish();
  }

  /** Called once when the subscription ends, however it ends. */
  whenEnded(fn: () => void): void {
    this.onEnd = fn;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const item = this.queue.shift();
    if (item) {
      this.lastDelivered = item.position;
      for (const wake of this.roomWaiters.splice(0)) wake();
      return Promise.resolve({ value: item.result, done: false });
    }
    if (this.ended instanceof Error) {
      const error = this.ended;
      this.ended = 'done';
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.ended) this.ended = 'done';
    this.queue.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  private finish(): void {
    for (const wake of this.roomWaiters.splice(0)) wake();
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) {
      if (this.ended instanceof Error) {
        // The transport is waiting for the next event: hand it the error now.
        const error = this.ended;
        this.ended = 'done';
        waiting(Promise.reject(error) as never);
      } else waiting({ value: undefined, done: true });
    }
    const onEnd = this.onEnd;
    this.onEnd = null;
    onEnd?.();
  }
}
