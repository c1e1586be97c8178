import {
  AppError,
  eventIdOfPosition as eventIdOf,
  type DomainEvent,
  type OrderStatusChanged,
} from '@supply-graph/shared';
import type { ExecutionResult } from 'graphql';
import type { Delivery } from './delivery';

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
 * Writes events straight to a subscriber's connection, bypassing the
 * iterator: the events that waited, in order, as one write where it can, then
 * `written` once the connection took them. One write at a time per
 * subscriber, so a client that stops reading leaves its events in the
 * subscriber's bounded queue.
 */
export interface DeliveryWriter {
  write(deliveries: readonly Delivery[], written: (error?: Error) => void): void;
}

/** Calls `flush()` of the subscribers it is given, soon: see write-scheduler.ts. */
export interface FlushScheduler {
  schedule(subscriber: Subscriber<unknown>): void;
}

interface Queued {
  position: bigint;
  delivery: Delivery;
}

/**
 * One client's subscription: its filter, the key of its selection, and a
 * bounded queue between the hub (which pushes resolved events) and the
 * transport, which either pulls them as the iterator, as fast as the client
 * reads, or has them written by a `DeliveryWriter`. A queue that overflows
 * ends the subscription with SUBSCRIBER_TOO_SLOW naming the last event the
 * client got, so the others are never held up by this one.
 */
export class Subscriber<F = StatusFilter> implements AsyncIterableIterator<ExecutionResult> {
  /** Position of the last event handed to the transport (the client resumes after it). */
  lastDelivered: bigint;
  private lastQueued: bigint;
  // Allocated on first use: with thousands of subscribers, most never queue anything.
  private queue: Queued[] | null = null;
  private waiting: ((r: IteratorResult<ExecutionResult>) => void) | null = null;
  private roomWaiters: (() => void)[] | null = null;
  private writer: DeliveryWriter | null = null;
  private scheduler: FlushScheduler | null = null;
  /** A write is with the connection, not yet taken. */
  private writing = false;
  /** With the scheduler, waiting for its `flush()`. */
  private scheduled = false;
  private ended: Error | null | 'done' = null;
  private onEnd: (() => void) | null = null;
  /**
   * Told at once when the subscription fails (e.g. too slow): the transport may
   * be stuck writing to the client, so waiting for it to pull the error would
   * never cut the subscriber off.
   */
  onFailure: ((error: Error) => void) | null = null;

  constructor(
    readonly filter: F,
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
  push(position: bigint, delivery: Delivery): void {
    if (this.ended || position <= this.lastQueued) return;
    this.lastQueued = position;
    if (!this.writer && this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      this.lastDelivered = position;
      resolve({ value: delivery.result, done: false });
      return;
    }
    this.queue ??= [];
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
    this.queue.push({ position, delivery });
    this.scheduleFlush();
  }

  /**
   * Queues an event once there is room: for replays, which can go at the
   * client's pace (live events cannot wait, so `push` cuts off instead).
   */
  async pushWhenRoom(position: bigint, delivery: Delivery): Promise<void> {
    while (!this.ended && (this.queue?.length ?? 0) >= this.capacity) {
      this.roomWaiters ??= [];
      const waiters = this.roomWaiters;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    this.push(position, delivery);
  }

  /**
   * From now on events are written by `writer` rather than pulled through the
   * iterator, whose `next()` then only reports how the subscription ends.
   * Events wait in the queue until `scheduler` calls `flush()`, so the events
   * that arrive meanwhile go out in the same write. What is already queued
   * goes first.
   */
  writeWith(writer: DeliveryWriter, scheduler: FlushScheduler): void {
    this.writer = writer;
    this.scheduler = scheduler;
    this.scheduleFlush();
  }

  /** Writes everything queued, unless a write is still with the connection (then its end schedules the next). */
  flush(): void {
    this.scheduled = false;
    const queue = this.queue;
    if (this.ended || this.writing || !queue?.length) return;
    this.queue = null;
    this.writing = true;
    this.lastDelivered = queue[queue.length - 1].position;
    this.wakeRoomWaiters();
    this.writer!.write(
      queue.map((q) => q.delivery),
      this.written,
    );
  }

  private scheduleFlush(): void {
    if (!this.scheduler || this.scheduled || this.writing) return;
    this.scheduled = true;
    this.scheduler.schedule(this);
  }

  /** One function per subscriber, not one per write. */
  private readonly written = (error?: Error): void => {
    // A write that failed means the connection is going: its close ends the subscription.
    if (error) return;
    this.writing = false;
    if (this.queue?.length) this.scheduleFlush();
  };

  private wakeRoomWaiters(): void {
    if (this.roomWaiters?.length) for (const wake of this.roomWaiters.splice(0)) wake();
  }

  /** Ends the subscription with an error the transport reports (and, for too slow, closes on). */
  fail(error: Error): void {
    if (this.ended) return;
    this.ended = error;
    this.queue = null;
    this.onFailure?.(error);
    this.finish();
  }

  /** Called once when the subscription ends, however it ends. */
  whenEnded(fn: () => void): void {
    this.onEnd = fn;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    // With a writer, the queue is the writer's.
    const item = this.writer ? undefined : this.queue?.shift();
    if (item) {
      this.lastDelivered = item.position;
      this.wakeRoomWaiters();
      return Promise.resolve({ value: item.delivery.result, done: false });
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
    this.queue = null;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  private finish(): void {
    this.wakeRoomWaiters();
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

/** A status event from the bus as subscribers see it; null for one not yet relayed (no position). */
export function toStatusEvent(event: DomainEvent): StatusEvent | null {
  if (!event.position) return null;
  const p = event.payload as OrderStatusChanged;
  const position = BigInt(event.position);
  return {
    position,
    eventId: eventIdOf(position),
    orderId: p.orderId,
    customerId: p.customerId,
    channel: p.channel,
    from: p.from,
    to: p.to,
    at: p.at,
  };
}
