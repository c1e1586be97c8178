import type { Logger } from 'pino';
import {
  connect,
  type Consumer,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import { subjectOf, type DomainEvent } from './event';
import type { EventBus, EventSubscription } from './event-bus';
import { LaneBatcher } from './lane-batcher';
import { ACK_WAIT_MS, durableConsumerConfig, ensureStream, subjectFilter } from './nats-stream';
import { tailStream } from './nats-tail';
import { decode, durableName, encode, laneOf, retryDelay, sleep, type Fetched } from './nats-helpers';

/** How to reach NATS and which stream to use; see {@link NatsEventBus.connect}. */
export interface NatsBusOptions {
  /** Server URL, e.g. `nats://127.0.0.1:4222`; several comma-separated for a cluster. */
  url: string;
  /** JetStream stream that keeps every event. Default `SUPPLY`. */
  stream?: string;
  logger: Logger;
  /** Connection name shown in the server's monitoring, e.g. the service name. */
  name?: string;
  /**
   * Put in front of every subject (`<prefix>.supply.order.placed`). None by
   * default; lets tests share a server without their streams overlapping.
   */
  subjectPrefix?: string;
}

/** Events per pull: modest, because a fetched event's ack_wait runs while it waits its turn. */
const PULL_BATCH = 32;
/** Aggregates one consumer works on at once; each aggregate's events stay in stream order. */
const HANDLER_CONCURRENCY = 16;
/** Transactions at once of a consumer that takes batches (each batch holds many aggregates). */
const BATCH_LANES = 4;
/** How long one pull waits for events before the next pull. */
const PULL_EXPIRES_MS = 30_000;

interface ActiveConsumer {
  /** The pull being handled now, stopped by `close`. */
  batch: ConsumerMessages | null;
  done: Promise<void>;
}

/**
 * The distributed event bus: NATS JetStream. `publish` resolves once the
 * stream stored every event (so the outbox relay may mark them published);
 * each subscription is a durable pull consumer that survives restarts and is
 * shared by every replica subscribing under the same consumer name. Delivery
 * is at least once: handlers deduplicate through their inbox (`idempotent`).
 */
export class NatsEventBus implements EventBus {
  readonly kind = 'nats' as const;
  private readonly consumers = new Map<string, ActiveConsumer>();
  private readonly tails = new Set<{ close(): Promise<void> }>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Connects and makes sure the stream exists (creating it, or accepting one made by an operator or a racing
   * replica).
   */
  static async connect(options: NatsBusOptions): Promise<NatsEventBus> {
    const { url, stream = 'SUPPLY', logger, name, subjectPrefix } = options;
    const nc = await connect({ servers: url.split(','), name, maxReconnectAttempts: -1 });
    try {
      const jsm = await nc.jetstreamManager();
      const bus = new NatsEventBus(nc, nc.jetstream(), jsm, stream, subjectPrefix ? `${subjectPrefix}.` : '', logger);
      await bus.ensureStream();
      logger.info({ url, stream, server: nc.info?.version }, 'NATS event bus connected');
      return bus;
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    // Sent back to back on one connection, so the stream stores them in this order.
    const results = await Promise.allSettled(
      events.map((event) => {
        const { data, headers } = encode(event);
        return this.js.publish(this.subject(event.type), data, {
          msgID: event.eventId,
          expect: { streamName: this.stream },
          headers,
        });
      }),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length)
      throw new AggregateError(failures, `NATS refused ${failures.length} of ${events.length} event(s)`);
  }

  async subscribe(subscription: EventSubscription): Promise<void> {
    if (this.closing !== null) throw new Error('the NATS event bus is closed');
    const durable = durableName(subscription.consumer);
    if (this.consumers.has(durable)) throw new Error(`consumer ${subscription.consumer} is already subscribed`);
    const active: ActiveConsumer = { batch: null, done: Promise.resolve() };
    this.consumers.set(durable, active); // taken before the awaits, so a concurrent duplicate is refused too
    try {
      // Create-or-update with the same config is a no-op, so restarts and racing replicas agree on one durable.
      await this.jsm.consumers.add(this.stream, this.consumerConfig(durable, subscription.types));
      const consumer = await this.js.consumers.get(this.stream, durable);
      active.done = this.run(subscription, consumer, active);
    } catch (err) {
      this.consumers.delete(durable);
      throw err;
    }
  }

  /** See {@link tailStream}: each replica its own ordered consumer from the live edge. */
  async tail(types: readonly string[], handler: (event: DomainEvent) => void): Promise<() => Promise<void>> {
    if (this.closing !== null) throw new Error('the NATS event bus is closed');
    const subjects = types.map((t) => this.subject(t));
    const tail = await tailStream(this.js, this.stream, subjects, this.filter(subjects), handler, this.logger);
    this.tails.add(tail);
    return async () => {
      this.tails.delete(tail);
      await tail.close();
    };
  }

  /** Stops taking events, lets handlers in flight finish and ack, then drains the connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const { batch } of this.consumers.values()) batch?.stop();
      await Promise.all([...this.tails].map((t) => t.close()));
      this.tails.clear();
      await Promise.all([...this.consumers.values()].map((c) => c.done));
      this.consumers.clear();
      if (!this.nc.isClosed()) await this.nc.drain();
    })();
    return this.closing;
  }

  private subject(type: string): string {
    return this.prefix + subjectOf(type);
  }

  private async ensureStream(): Promise<void> {
    await ensureStream(this.jsm, this.stream, [this.subject('>')], this.logger);
  }

  private consumerConfig(durable: string, types: readonly string[]): Partial<ConsumerConfig> {
    return durableConsumerConfig(durable, this.filter(types.map((t) => this.subject(t))));
  }

  private filter(subjects: string[]): Partial<ConsumerConfig> {
    return subjectFilter(subjects, this.nc.info?.version);
  }

  /**
   * Pull, handle, pull again. Explicit fetches rather than `consume()`: that
   * one queues its next pull behind the buffered events, and a pull sent while
   * shutting down takes the events handed back by `nak` to a gone inbox, where
   * they sit out ack_wait.
   */
  private async run(subscription: EventSubscription, consumer: Consumer, active: ActiveConsumer): Promise<void> {
    const wanted = new Set(subscription.types.map((t) => this.subject(t)));
    let failures = 0;
    while (!this.closing) {
      try {
        active.batch = await consumer.fetch({ max_messages: PULL_BATCH, expires: PULL_EXPIRES_MS });
        if (this.closing) active.batch.stop();
        const lanes = new Map<string, Promise<void>>();
        const inFlight = new Set<Promise<void>>();
        // A consumer that takes batches gets, per lane, what arrived while its last batch ran.
        const batcher = subscription.handleBatch
          ? new LaneBatcher<Fetched>(BATCH_LANES, PULL_BATCH, laneOf, (items) =>
              this.deliverBatch(subscription, items, wanted),
            )
          : null;
        for await (const msg of active.batch) {
          // Fetched but not started at shutdown: hand back now instead of after ack_wait.
          if (this.closing) {
            msg.nak();
            continue;
          }
          const item: Fetched = { msg, event: decode(msg.data, msg.headers) };
          if (batcher) {
            batcher.add(item);
            continue;
          }
          // Events of one aggregate run one after the other; different aggregates run side by side.
          while (inFlight.size >= HANDLER_CONCURRENCY) await Promise.race(inFlight);
          const key = laneOf(item);
          const work = (lanes.get(key) ?? Promise.resolve()).then(() => this.deliver(subscription, item, wanted));
          lanes.set(key, work);
          inFlight.add(work);
          void work.finally(() => {
            inFlight.delete(work);
            if (lanes.get(key) === work) lanes.delete(key);
          });
        }
        await Promise.all(inFlight);
        await batcher?.drain();
        failures = 0;
      } catch (err) {
        // Connection lost, consumer or stream deleted: keep trying, the operator sees the log.
        if (this.closing) break;
        failures += 1;
        this.logger.error({ err, consumer: subscription.consumer, failures }, 'NATS pull failed');
        await sleep(retryDelay(failures));
      } finally {
        active.batch = null;
      }
    }
  }

  /**
   * Handles several events in one transaction and acks them after it committed;
   * if the batch fails, each event is handled on its own so that only the
   * failing one is redelivered.
   */
  private async deliverBatch(subscription: EventSubscription, items: Fetched[], wanted: Set<string>): Promise<void> {
    const msgs = items.map((i) => i.msg);
    const events = items.map((i) => (wanted.has(i.msg.subject) ? i.event : null));
    if (items.length > 1 && events.every((e) => e)) {
      const keepAlive = setInterval(() => {
        for (const m of msgs) m.working();
      }, ACK_WAIT_MS / 2);
      try {
        await subscription.handleBatch!(events as DomainEvent[]);
        for (const m of msgs) m.ack();
        return;
      } catch (err) {
        this.logger.debug(
          { err, consumer: subscription.consumer, events: msgs.length },
          'batch failed, handling its events one by one',
        );
      } finally {
        clearInterval(keepAlive);
      }
    }
    for (const item of items) await this.deliver(subscription, item, wanted);
  }

  /** Handles one event and acks it only after the handler resolved (its transaction committed). */
  private async deliver(subscription: EventSubscription, { msg, event }: Fetched, wanted: Set<string>): Promise<void> {
    const context = { consumer: subscription.consumer, subject: msg.subject, seq: msg.seq };
    try {
      if (!wanted.has(msg.subject)) {
        msg.ack();
        return;
      }
      if (!event) {
        // Redelivering cannot fix a malformed message; drop it loudly instead of looping forever.
        // No reason text: servers before 2.10 ignore a `+TERM <reason>` altogether.
        this.logger.error(context, 'not a DomainEvent; terminated');
        msg.term();
        return;
      }
      // Long handlers reset ack_wait so the event is not handed to another replica meanwhile.
      const keepAlive = setInterval(() => msg.working(), ACK_WAIT_MS / 2);
      try {
        await subscription.handle(event);
      } finally {
        clearInterval(keepAlive);
      }
      msg.ack();
    } catch (err) {
      const delay = retryDelay(msg.info.deliveryCount);
      this.logger.warn(
        { err, ...context, deliveries: msg.info.deliveryCount, retryInMs: delay },
        'event handler failed',
      );
      try {
        msg.nak(delay);
      } catch {
        // connection gone: the event comes back after ack_wait
      }
    }
  }
}
