import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from './event';
import { backgroundWork } from './background-work';
import { assignPositions } from './outbox-positions';
import type { EventBus } from './event-bus';
import { eventsPublished, measureOutboxAgeWith } from '../metrics/registry';
import { runUntraced } from '../telemetry/spans';
import { traceRelayPublish } from '../telemetry/event-spans';

export interface RelayOptions {
  /** Events per round trip. */
  batchSize?: number;
  /**
   * Safety-net poll (default 1 s), for events committed by another process (replicas, a restart); commits here
   * nudge.
   */
  pollMs?: number;
  /** Longest wait between retries after the bus refused a batch. */
  maxBackoffMs?: number;
  /** The service whose outbox this is: names its metrics (events published, the outbox's age); none without. */
  service?: string;
}

interface OutboxRow {
  seq: string;
  position: string;
  event_id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number;
  occurred_at: Date;
  source: string;
  payload: unknown;
  traceparent: string | null;
}

/**
 * Moves committed events from a service's outbox to the bus, in two steps:
 * first it numbers the waiting events (`position`, in `seq` order; one
 * statement that commits at once), then, as the one relay of the service
 * publishing at that moment (an advisory lock; replicas queue behind it), it
 * publishes them in position order and marks them published once the bus
 * took them. So the bus carries events in position
 * order, and an event is in the database with its position before anyone can
 * see it on the bus, which is what lets a subscriber resume "after position P"
 * from the outbox without a gap. A crash after publishing publishes again,
 * with the same position; consumers deduplicate by event id.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** The next drain follows a commit of this process: there is something to publish, no need to look first. */
  private nudged = false;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly options: RelayOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
    const { service } = this.options;
    if (service) measureOutboxAgeWith(service, () => this.oldestWaitingAge());
  }

  /** Seconds since the oldest unpublished event was written; 0 when none waits. Asked when metrics are scraped. */
  private async oldestWaitingAge(): Promise<number> {
    const rows = (await backgroundWork(
      this.dataSource,
      (m) =>
        m.query(
          'SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::float8 AS age ' +
            'FROM outbox WHERE published_at IS NULL',
        ),
      { transaction: false },
    )) as { age: number }[];
    return Math.max(0, Number(rows[0]?.age ?? 0));
  }

  /** Something was just committed: drain now instead of at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    this.nudged = true;
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.options.service) measureOutboxAgeWith(this.options.service, null);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const nudged = this.nudged;
      this.nudged = false;
      this.running = runUntraced(() => this.drain(nudged)).finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else {
          const backoff = Math.min(this.options.maxBackoffMs ?? 5000, 100 * 2 ** this.failures);
          this.schedule(this.failures ? backoff : (this.options.pollMs ?? 1000));
        }
      });
    }, ms);
  }

  /**
   * Publishes until a batch comes back short of full: whatever is committed
   * after that either nudges (this process: `again`) or is found by the next
   * poll (other processes), so no round trip is spent to find nothing.
   */
  private async drain(nudged: boolean): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    try {
      let look = !nudged;
      while (!this.stopped && (await this.publishBatch(look, batchSize)) === batchSize) look = false;
      this.failures = 0;
    } catch (err) {
      this.failures += 1;
      if (!this.stopped) this.logger.warn({ err, failures: this.failures }, 'outbox relay: publish failed, will retry');
    }
  }

  private async publishBatch(look: boolean, batchSize: number): Promise<number> {
    // One cheap look first when polling: an idle service polls without opening transactions.
    if (look) {
      const pending = await backgroundWork(
        this.dataSource,
        (m) => m.query('SELECT EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL) AS pending'),
        { transaction: false },
      );
      if (!(pending as { pending: boolean }[])[0].pending) return 0;
    }
    await backgroundWork(this.dataSource, (manager) => assignPositions(manager, batchSize), { transaction: false });
    return backgroundWork(
      this.dataSource,
      async (manager) => {
        await manager.query(RELAY_LOCK);
        const rows = (await manager.query(
          `SELECT seq, position, event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source,
                payload, traceparent
         FROM outbox WHERE published_at IS NULL AND position IS NOT NULL ORDER BY position LIMIT $1`,
          [batchSize],
        )) as OutboxRow[];
        if (!rows.length) return 0;
        const events = rows.map(toEvent);
        await traceRelayPublish(rows[0].source, events, () => this.bus.publish(events));
        await manager.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [
          rows.map((r) => r.seq),
        ]);
        if (this.options.service) eventsPublished.inc({ service: this.options.service }, rows.length);
        return rows.length;
      },
      { transaction: true },
    );
  }
}

/** One relay per service schema at a time, held until the transaction ends. */
const RELAY_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))";

function toEvent(row: OutboxRow): DomainEvent {
  const event: DomainEvent = {
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    aggregateVersion: row.aggregate_version,
    occurredAt: new Date(row.occurred_at).toISOString(),
    source: row.source,
    payload: row.payload,
  };
  if (row.traceparent !== null) event.traceparent = row.traceparent;
  return event;
}
