import pino from 'pino';
import { parse, type ExecutionResult } from 'graphql';
import { EventTypes, InProcessEventBus, type DomainEvent, type Principal } from '@supply-graph/shared';
import type { ReplaySource } from '../replay-source';
import type { StatusEvent } from '../subscriber';
import { SubscriptionHub } from '../subscription-hub';
import type { CompiledSubscription, StatusEventInput, SubscriptionPlanner } from '../subscription-planner';

const logger = pino({ level: 'silent' });

/** A planner whose resolution echoes the event and its selection key, and counts its calls. */
function fakePlanner(delayFor: (event: StatusEventInput) => number = () => 0) {
  const calls: string[] = [];
  const tokens: string[] = [];
  const planner = {
    compile(document: ReturnType<typeof parse>): CompiledSubscription {
      const selection = (document.loc?.source.body ?? '').includes('customer') ? 'with-customer' : 'plain';
      return {
        keyFor: () => selection,
        argumentsOf: (variables) => ({
          orderId: variables.orderId ?? null,
          customerId: variables.customerId ?? null,
          channel: null,
          after: variables.after ?? null,
        }),
        async resolve(event: StatusEventInput, _variables, context) {
          calls.push(`${selection}:${event.eventId}`);
          tokens.push((context as { internalToken: string }).internalToken);
          await new Promise((r) => setTimeout(r, delayFor(event)));
          return { data: { orderStatusChanged: { eventId: event.eventId, to: event.to, selection } } };
        },
      };
    },
  } as unknown as SubscriptionPlanner;
  return { planner, calls, tokens };
}

const noReplay: ReplaySource = { async *since() {} };

let position = 0;
function statusEvent(orderId: string, to: string, customerId = 'c-1', channel = 'webstore'): DomainEvent {
  position += 1;
  return {
    eventId: `uuid-${position}`,
    type: EventTypes.orderStatusChanged,
    aggregateType: 'order',
    aggregateId: orderId,
    aggregateVersion: position,
    occurredAt: new Date().toISOString(),
    source: 'orders',
    position: String(position),
    payload: {
      orderId,
      customerId,
      channel,
      from: null,
      to,
      version: position,
      at: new Date().toISOString(),
      reason: null,
    },
  };
}

async function take(iterator: AsyncIterator<ExecutionResult>, n: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < n; i += 1) out.push(((await iterator.next()).value as ExecutionResult).data!.orderStatusChanged);
  return out;
}

const principal = (scopes: string[], channels: string[] | null = null, sub = 'staff'): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels,
  kind: 'user',
});
const contextOf = (p: Principal) => ({ requestId: 'test', principal: p, internalToken: `token-of-${p.sub}` });
const staff = contextOf(principal(['orders:read', 'customers:read']));
const sign = async (p: Principal) => `token-of-${p.sub}`;
const doc = (withCustomer = false, context = staff) => ({
  document: parse(`subscription { orderStatusChanged { eventId ${withCustomer ? 'order { customer { id } }' : ''} } }`),
  context,
});

describe('SubscriptionHub', () => {
  let bus: InProcessEventBus;
  beforeEach(() => {
    bus = new InProcessEventBus(logger);
  });

  it('filters before resolving, resolves once per distinct selection, and fans out in bus order', async () => {
    // Later events resolve faster: delivery must still follow the bus order.
    const { planner, calls } = fakePlanner((e) => (e.to === 'PENDING' ? 30 : 0));
    const hub = new SubscriptionHub(planner, noReplay, logger, { bufferSize: 100 }, sign);
    await hub.start(bus);
    const a = await hub.subscribe({ ...doc(), variables: { orderId: 'o-1' } });
    const b = await hub.subscribe({ ...doc(), variables: {} });
    const c = await hub.subscribe({ ...doc(true), variables: { customerId: 'c-2' } });

    await bus.publish([
      statusEvent('o-1', 'PENDING'),
      statusEvent('o-1', 'ALLOCATED'),
      statusEvent('o-2', 'PENDING', 'c-2'),
    ]);

    expect(await take(a, 2)).toMatchObject([{ to: 'PENDING' }, { to: 'ALLOCATED' }]);
    expect(await take(b, 3)).toMatchObject([{ to: 'PENDING' }, { to: 'ALLOCATED' }, { to: 'PENDING' }]);
    expect(await take(c, 1)).toMatchObject([{ selection: 'with-customer' }]);
    // a and b share a selection: one resolution each for o-1's events; c's filter let only o-2's through.
    expect(calls.sort()).toEqual(
      [
        'plain:0000000000000001',
        'plain:0000000000000002',
        'plain:0000000000000003',
        'with-customer:0000000000000003',
      ].sort(),
    );
    await hub.stop();
  });

  it("gives a channel-scoped subscriber only its channels' events, whatever it filters, with its access", async () => {
    const { planner, calls, tokens } = fakePlanner();
    const hub = new SubscriptionHub(planner, noReplay, logger, { bufferSize: 100 }, sign);
    await hub.start(bus);
    const partner = await hub.subscribe({
      ...doc(false, contextOf(principal(['orders:read'], ['tmall'], 'partner'))),
      variables: {},
    });
    const everyone = await hub.subscribe({ ...doc(), variables: {} });

    await bus.publish([statusEvent('o-1', 'PENDING', 'c-1', 'jd'), statusEvent('o-2', 'PENDING', 'c-1', 'tmall')]);

    expect(await take(everyone, 2)).toHaveLength(2);
    expect(await take(partner, 1)).toMatchObject([{ eventId: expect.any(String) }]);
    // Same selection, different access: two resolutions of the tmall event, one with each subscriber's token.
    expect(calls.filter((c) => c.endsWith(calls[calls.length - 1].split(':')[1]))).toHaveLength(2);
    expect(new Set(tokens)).toEqual(new Set(['token-of-staff', 'token-of-partner']));
    expect(tokens.filter((t) => t === 'token-of-partner')).toHaveLength(1);
    await hub.stop();
  });

  it('refuses a subscriber without orders:read before anything is sent', async () => {
    const { planner } = fakePlanner();
    const hub = new SubscriptionHub(planner, noReplay, logger, { bufferSize: 100 }, sign);
    await hub.start(bus);
    await expect(
      hub.subscribe({ ...doc(false, contextOf(principal(['customers:read']))), variables: {} }),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(hub.subscriberCount).toBe(0);
    await hub.stop();
  });

  it('drops a republished event, and starts a new subscriber at the live edge', async () => {
    const { planner } = fakePlanner();
    const hub = new SubscriptionHub(planner, noReplay, logger, { bufferSize: 100 }, sign);
    await hub.start(bus);
    const first = statusEvent('o-1', 'PENDING');
    await bus.publish([first]);
    const late = await hub.subscribe({ ...doc(), variables: {} });
    const next = statusEvent('o-1', 'ALLOCATED');
    await bus.publish([first, next]);
    expect(await take(late, 1)).toMatchObject([
      { eventId: '0000000000000000'.slice(0, 16 - next.position!.length) + next.position },
    ]);
    await hub.stop();
  });

  it('cuts off a subscriber that falls behind its buffer without holding up the others', async () => {
    const { planner } = fakePlanner();
    const hub = new SubscriptionHub(planner, noReplay, logger, { bufferSize: 3 }, sign);
    await hub.start(bus);
    const slow = await hub.subscribe({ ...doc(), variables: {} });
    const fast = await hub.subscribe({ ...doc(), variables: {} });
    const fastSeen = take(fast, 6);
    await bus.publish(Array.from({ length: 6 }, (_, i) => statusEvent(`o-${i}`, 'PENDING')));
    expect(await fastSeen).toHaveLength(6);
    // The slow one read nothing: three buffered, the fourth cut it off. It resumes after the last
    // event it actually got (none yet: the live edge when it subscribed); the buffer is dropped.
    await expect(slow.next()).rejects.toMatchObject({
      code: 'SUBSCRIBER_TOO_SLOW',
      extensions: { lastEventId: '0000000000000000' },
    });
    await expect(slow.next()).resolves.toEqual({ value: undefined, done: true });
    expect(hub.subscriberCount).toBe(1);
    await hub.stop();
  });

  it('replays from after, holding live events back, then continues without gap or duplicate', async () => {
    const { planner } = fakePlanner();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const past = [statusEvent('o-1', 'PENDING'), statusEvent('o-1', 'ALLOCATED')];
    const replay: ReplaySource = {
      async *since(after) {
        await gate; // live events arrive while the replay is still reading
        for (const e of [...past, ...arrivedLive]) {
          if (BigInt(e.position!) > after) yield toStatus(e);
        }
      },
    };
    const arrivedLive: DomainEvent[] = [];
    const hub = new SubscriptionHub(planner, replay, logger, { bufferSize: 100 }, sign);
    await hub.start(bus);
    const subscribing = hub.subscribe({
      ...doc(),
      variables: { after: '0000000000000000'.slice(0, 16 - past[0].position!.length) + past[0].position },
    });
    const live = [statusEvent('o-1', 'SHIPPED'), statusEvent('o-1', 'DELIVERED')];
    arrivedLive.push(live[0]); // committed before the replay's read, also published live
    await bus.publish(live);
    release();
    const resumed = await subscribing;
    expect((await take(resumed, 3)).map((e) => (e as { to: string }).to)).toEqual([
      'ALLOCATED',
      'SHIPPED',
      'DELIVERED',
    ]);
    await hub.stop();
  });
});

function toStatus(e: DomainEvent): StatusEvent {
  const p = e.payload as Omit<StatusEvent, 'position' | 'eventId'>;
  return { position: BigInt(e.position!), eventId: e.position!.padStart(16, '0'), ...p };
}
