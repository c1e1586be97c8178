import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { NatsEventBus, durableName, type DomainEvent, type EventSubscription } from '@supply-graph/shared';
import { natsReachable, testConfig } from '@supply-graph/shared/testing';

const url = testConfig.natsUrl();
const reachable = natsReachable(url);
if (!reachable && testConfig.isCi()) {
  throw new Error(
    `CI must test the NATS event bus: no NATS server answers at ${url} (set NATS_URL, start nats-server -js).`,
  );
}
const describeNats = reachable ? describe : describe.skip;
const title = reachable ? `NatsEventBus [NATS ${url}]` : `NatsEventBus [NATS: skipped, no server at ${url}]`;
// Jest lists no titles for a file whose tests are all skipped; say it where the run output shows it.
if (!reachable) console.warn(`${title}: start nats-server -js or set NATS_URL to run it.`);

const logger = pino({ level: 'silent' });
// Own stream and subjects per run: runs (and the product's SUPPLY stream) never see each other's events.
const runId = randomBytes(4).toString('hex');
const stream = `TEST_${runId.toUpperCase()}`;
const subjectPrefix = `test_${runId}`;

describeNats(title, () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let publisher: NatsEventBus;
  const buses: NatsEventBus[] = [];

  const open = async (name: string, prefix = subjectPrefix): Promise<NatsEventBus> => {
    const bus = await NatsEventBus.connect({ url, stream, logger, name, subjectPrefix: prefix });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    nc = await connect({ servers: url.split(',') });
    jsm = await nc.jetstreamManager();
    // Two services starting at once both try to create the missing stream.
    [publisher] = await Promise.all([open('publisher'), open('racing-creator')]);
  });

  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await jsm?.streams.delete(stream).catch(() => undefined);
    await nc?.close();
  });

  it('creates the stream with deduplication and a retention limit', async () => {
    const { config } = await jsm.streams.info(stream);
    expect(config).toMatchObject({
      subjects: [`${subjectPrefix}.supply.>`],
      storage: 'file',
      retention: 'limits',
      duplicate_window: 120_000_000_000,
      max_age: 7 * 24 * 3600 * 1e9,
    });
  });

  it('tails give every replica every event of its types from the live edge on, in order', async () => {
    const before = event('t3.changed', 'o-3', 1);
    await publisher.publish([before]);
    const [a, b] = [await open('replica-a'), await open('replica-b')];
    const seenA: string[] = [];
    const seenB: string[] = [];
    const stopA = await a.tail(['t3.changed'], (e) => void seenA.push(e.eventId));
    const stopB = await b.tail(['t3.changed'], (e) => void seenB.push(e.eventId));
    const published = Array.from({ length: 30 }, (_, i) => event('t3.changed', `o-${i % 4}`, i + 1));
    await publisher.publish([...published.slice(0, 15), event('t3.other', 'o-9', 1), ...published.slice(15)]);
    const want = published.map((e) => e.eventId);
    for (let i = 0; i < 100 && (seenA.length < 30 || seenB.length < 30); i += 1)
      await new Promise((r) => setTimeout(r, 50));
    // Nothing from before the tail started, nothing of other types, nothing shared between replicas.
    expect(seenA).toEqual(want);
    expect(seenB).toEqual(want);
    await Promise.all([stopA(), stopB()]);
    await publisher.publish([event('t3.changed', 'o-1', 99)]);
    await new Promise((r) => setTimeout(r, 200));
    expect(seenA).toHaveLength(30);
  });

  it('delivers every event once, in stream order, and only the subscribed types', async () => {
    const seen: DomainEvent[] = [];
    await publisher.subscribe(collect('orders.follow-order', ['t1.placed', 't1.cancelled'], seen));
    const published = Array.from({ length: 200 }, (_, i) => event(i % 3 ? 't1.placed' : 't1.cancelled', 'o-1', i + 1));
    const noise = Array.from({ length: 20 }, (_, i) => event('t1.other', 'o-2', i + 1));
    for (let i = 0; i < published.length; i += 50) {
      await publisher.publish([...published.slice(i, i + 50), ...noise.slice(i / 10, i / 10 + 5)]);
    }

    await settled('orders-follow-order');
    expect(seen.map((e) => e.eventId)).toEqual(published.map((e) => e.eventId));
  });

  it('redelivers an event whose handler threw, after a delay, and acks it once handled', async () => {
    const deliveries = new Map<string, number[]>();
    await publisher.subscribe({
      consumer: 'inventory.flaky',
      types: ['t2.placed'],
      handle: async (e) => {
        const times = [...(deliveries.get(e.eventId) ?? []), Date.now()];
        deliveries.set(e.eventId, times);
        if (times.length === 1) throw new Error('database briefly unavailable');
      },
    });
    const published = [event('t2.placed', 'o-1', 1), event('t2.placed', 'o-2', 1)];
    await publisher.publish(published);

    await settled(
      'inventory-flaky',
      () => deliveries.size === 2 && [...deliveries.values()].every((t) => t.length === 2),
    );
    for (const { eventId } of published) {
      const [first, second] = deliveries.get(eventId)!;
      expect(second - first).toBeGreaterThanOrEqual(150);
    }
  });

  it('delivers an event published twice within the duplicate window once', async () => {
    const seen: DomainEvent[] = [];
    await publisher.subscribe(collect('logistics.dedup', ['t3.placed'], seen));
    const twice = event('t3.placed', 'o-1', 1);
    // The relay retrying after a lost PubAck, once from this replica and once from another.
    await publisher.publish([twice]);
    await publisher.publish([twice]);
    await buses[1].publish([twice]);
    await publisher.publish([event('t3.placed', 'o-1', 2)]);

    await settled('logistics-dedup', () => seen.length === 2);
    expect(seen.map((e) => e.aggregateVersion)).toEqual([1, 2]);
  });

  it('gives a restarted service what was published while it was down, and nothing twice', async () => {
    const consumer = 'logistics.plan-shipment';
    const before: DomainEvent[] = [];
    const first = await open('logistics-1');
    await first.subscribe(collect(consumer, ['t4.reserved'], before));
    const early = Array.from({ length: 5 }, (_, i) => event('t4.reserved', 'o-1', i + 1));
    await publisher.publish(early);
    await settled(durableName(consumer), () => before.length === 5);
    await first.close();

    const whileDown = Array.from({ length: 5 }, (_, i) => event('t4.reserved', 'o-1', i + 6));
    await publisher.publish(whileDown);
    const after: DomainEvent[] = [];
    const restarted = await open('logistics-2');
    await restarted.subscribe(collect(consumer, ['t4.reserved'], after));

    await settled(durableName(consumer), () => after.length === 5);
    expect(before.map((e) => e.eventId)).toEqual(early.map((e) => e.eventId));
    expect(after.map((e) => e.eventId)).toEqual(whileDown.map((e) => e.eventId));
  });

  it('hands back at shutdown the events it fetched but had not started, for the next instance at once', async () => {
    const consumer = 'customers.slow-shutdown';
    const before: DomainEvent[] = [];
    const first = await open('customers-1');
    await first.subscribe({
      consumer,
      types: ['t9.placed'],
      handle: async (e) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        before.push(e);
      },
    });
    const published = Array.from({ length: 50 }, (_, i) => event('t9.placed', 'o-1', i + 1));
    await first.publish(published);
    while (before.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.close();

    const after: DomainEvent[] = [];
    const restarted = await open('customers-2');
    await restarted.subscribe(collect(consumer, ['t9.placed'], after));
    // Well inside ack_wait (30 s): nothing the first instance held waits it out.
    await settled(durableName(consumer), () => before.length + after.length >= 50, 10_000);
    expect([...before, ...after].map((e) => e.eventId)).toEqual(published.map((e) => e.eventId));
  });

  it('shares one durable consumer between replicas: every event handled exactly once in total', async () => {
    const [a, b] = await Promise.all([open('replica-a'), open('replica-b')]);
    const byA: DomainEvent[] = [];
    const byB: DomainEvent[] = [];
    const slow = (into: DomainEvent[]): EventSubscription => ({
      ...collect('inventory.reserve-stock', ['t5.placed'], into),
      handle: async (e) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        into.push(e);
      },
    });
    // Both replicas start (and create-or-update the durable) at the same moment.
    await Promise.all([a.subscribe(slow(byA)), b.subscribe(slow(byB))]);
    const published = Array.from({ length: 200 }, (_, i) => event('t5.placed', `o-${i}`, 1));
    await publisher.publish(published);

    await settled('inventory-reserve-stock', () => byA.length + byB.length >= 200);
    const handled = [...byA, ...byB].map((e) => e.eventId);
    expect(handled).toHaveLength(200);
    expect(new Set(handled)).toEqual(new Set(published.map((e) => e.eventId)));
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
  });

  it('terminates a message that is not a DomainEvent instead of redelivering it forever', async () => {
    const seen: DomainEvent[] = [];
    await publisher.subscribe(collect('orders.poison', ['t6.placed'], seen));
    await nc.jetstream().publish(`${subjectPrefix}.supply.t6.placed`, new TextEncoder().encode('{not json'));
    const good = event('t6.placed', 'o-1', 1);
    await publisher.publish([good]);

    await settled('orders-poison', () => seen.length === 1);
    expect(seen[0].eventId).toBe(good.eventId);
  });

  it('rejects a publish NATS did not store, so the relay keeps the events', async () => {
    // A subject outside the stream: nobody acknowledges it.
    const stray = await open('stray', `stray_${runId}`);
    await expect(stray.publish([event('t7.placed', 'o-1', 1)])).rejects.toThrow(/refused 1 of 1/);
  });

  it('refuses a second subscription under the same consumer name on one bus', async () => {
    const subscription = collect('orders.twice', ['t8.placed'], []);
    await publisher.subscribe(subscription);
    await expect(publisher.subscribe(subscription)).rejects.toThrow(/already subscribed/);
  });

  /**
   * Waits until `done` holds and the durable has nothing unacked or undelivered
   * left, then a little longer: a redelivery would show up as an extra event.
   */
  async function settled(durable: string, done: () => boolean = () => true, withinMs = 20_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const info = await jsm.consumers.info(stream, durable);
      if (done() && info.num_ack_pending === 0 && info.num_pending === 0) break;
      if (Date.now() > deadline) throw new Error(`consumer ${durable} did not settle: ${JSON.stringify(info)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
});

function collect(consumer: string, types: string[], into: DomainEvent[]): EventSubscription {
  return { consumer, types, handle: async (e) => void into.push(e) };
}

function event(type: string, aggregateId: string, version: number): DomainEvent {
  return {
    eventId: randomUUID(),
    type,
    aggregateType: 'order',
    aggregateId,
    aggregateVersion: version,
    occurredAt: new Date().toISOString(),
    source: 'test',
    payload: { version },
  };
}

/**
 * Jest registers suites synchronously, so the reachability probe runs in a
 * child process: a NATS server greets every connection with `INFO`.
 */
