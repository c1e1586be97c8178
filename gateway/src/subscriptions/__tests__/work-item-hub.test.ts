import pino from 'pino';
import { parse, type ExecutionResult } from 'graphql';
import {
  AppError,
  EventTypes,
  InProcessEventBus,
  type DomainEvent,
  type Principal,
  type WorkItemChanged,
} from '@supply-graph/shared';
import type { ReplaySource } from '../replay-source';
import type { CompiledSubscription, SubscriptionPlanner } from '../subscription-planner';
import { WorkItemHub, type WorkItemEvent, type WorkItemFilter } from '../work-item-hub';

const logger = pino({ level: 'silent' });
const noReplay: ReplaySource<WorkItemFilter, WorkItemEvent> = { async *since() {} };

/** A planner whose resolution echoes the event, and counts its calls and the tokens they carried. */
function fakePlanner() {
  const calls: string[] = [];
  const tokens: string[] = [];
  const planner = {
    compile(): CompiledSubscription {
      return {
        keyFor: () => 'selection',
        argumentsOf: (variables) => ({
          kinds: variables.kinds ?? null,
          assignee: variables.assignee ?? null,
          after: variables.after ?? null,
        }),
        async resolve(event: { eventId: string; workItemId: string; change: string }, _variables, context) {
          calls.push(event.eventId);
          tokens.push((context as { internalToken: string }).internalToken);
          return { data: { workItemChanged: { change: event.change, workItem: { id: event.workItemId } } } };
        },
      };
    },
  } as unknown as SubscriptionPlanner;
  return { planner, calls, tokens };
}

let position = 0;
function changed(workItemId: string, kind: string, channel: string | null, assignee: string | null): DomainEvent {
  position += 1;
  const payload: WorkItemChanged = {
    workItemId,
    change: 'OPENED',
    kind,
    status: 'OPEN',
    assignee,
    channel,
    version: 1,
    at: new Date().toISOString(),
  };
  return {
    eventId: `uuid-${position}`,
    type: EventTypes.workItemChanged,
    aggregateType: 'work-item',
    aggregateId: workItemId,
    aggregateVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'orders',
    position: String(position),
    payload,
  };
}

const principal = (scopes: string[], channels: string[] | null, sub: string): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels,
  kind: 'user',
});
const contextOf = (p: Principal) => ({ requestId: 'test', principal: p, internalToken: `token-of-${p.sub}` });
const sign = async (p: Principal) => `token-of-${p.sub}`;
const document = parse('subscription { workItemChanged { change workItem { id } } }');

async function ids(iterator: AsyncIterator<ExecutionResult>, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1)
    out.push((((await iterator.next()).value as ExecutionResult).data!.workItemChanged as any).workItem.id);
  return out;
}

describe('WorkItemHub', () => {
  it('filters by kind and assignee, and by channel scope whatever was asked, resolving with each access', async () => {
    const bus = new InProcessEventBus(logger);
    const { planner, tokens } = fakePlanner();
    const hub = new WorkItemHub(planner, noReplay, logger, { bufferSize: 100 }, sign);
    await hub.start(bus);
    const staff = contextOf(principal(['desk:read'], null, 'staff'));
    const partner = contextOf(principal(['desk:read'], ['tmall'], 'partner'));
    const all = await hub.subscribe({ document, variables: {}, context: staff });
    const risk = await hub.subscribe({ document, variables: { kinds: ['RISK_HOLD'] }, context: staff });
    const mine = await hub.subscribe({ document, variables: { assignee: 'ana' }, context: staff });
    const tmall = await hub.subscribe({ document, variables: {}, context: partner });
    await bus.publish([
      changed('w-1', 'RISK_HOLD', 'jd', 'ana'),
      changed('w-2', 'LOW_STOCK', null, null),
      changed('w-3', 'LOGISTICS_EXCEPTION', 'tmall', 'ben'),
    ]);
    expect(await ids(all, 3)).toEqual(['w-1', 'w-2', 'w-3']);
    expect(await ids(risk, 1)).toEqual(['w-1']);
    expect(await ids(mine, 1)).toEqual(['w-1']);
    // Neither another channel's item nor one without a channel reaches a channel-scoped subscriber.
    expect(await ids(tmall, 1)).toEqual(['w-3']);
    expect(tokens).toContain('token-of-partner');
    await hub.stop();
  });

  it('refuses a subscriber without desk:read', async () => {
    const hub = new WorkItemHub(fakePlanner().planner, noReplay, logger, { bufferSize: 100 }, sign);
    const clerk = contextOf(principal(['orders:read'], null, 'clerk'));
    await expect(hub.subscribe({ document, variables: {}, context: clerk })).rejects.toBeInstanceOf(AppError);
  });

  it('resumes after an eventId: the missed changes its filter and scope allow, then live ones, none twice', async () => {
    const bus = new InProcessEventBus(logger);
    const { planner } = fakePlanner();
    const past = [
      changed('w-10', 'RISK_HOLD', 'tmall', null),
      changed('w-11', 'RISK_HOLD', 'tmall', null),
      changed('w-12', 'RISK_HOLD', 'tmall', null),
    ];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const asked: { after: bigint; filter: WorkItemFilter }[] = [];
    const replay: ReplaySource<WorkItemFilter, WorkItemEvent> = {
      async *since(after, filter) {
        asked.push({ after, filter });
        await gate; // live events arrive while the replay is still reading
        for (const e of [...past, ...arrivedLive])
          if (BigInt(e.position!) > after)
            yield {
              position: BigInt(e.position!),
              eventId: e.position!.padStart(16, '0'),
              payload: e.payload as WorkItemChanged,
            };
      },
    };
    const arrivedLive: DomainEvent[] = [];
    const hub = new WorkItemHub(planner, replay, logger, { bufferSize: 100 }, sign);
    await hub.start(bus);
    // Live position moved past the replayed ones: the hub must not take them again from the bus.
    await bus.publish(past);
    const partner = contextOf(principal(['desk:read'], ['tmall'], 'partner'));
    const subscribing = hub.subscribe({
      document,
      variables: { after: past[0].position!.padStart(16, '0'), kinds: ['RISK_HOLD'] },
      context: partner,
    });
    const live = [changed('w-13', 'RISK_HOLD', 'tmall', null), changed('w-14', 'RISK_HOLD', 'tmall', null)];
    arrivedLive.push(live[0]); // committed before the replay's read, also published live
    await bus.publish(live);
    release();
    const resumed = await subscribing;
    expect(await ids(resumed, 4)).toEqual(['w-11', 'w-12', 'w-13', 'w-14']);
    expect(asked).toEqual([
      { after: BigInt(past[0].position!), filter: { kinds: ['RISK_HOLD'], assignee: null, channels: ['tmall'] } },
    ]);
    await expect(
      hub.subscribe({ document, variables: { after: 'not-an-id' }, context: partner }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await hub.stop();
  });
});
