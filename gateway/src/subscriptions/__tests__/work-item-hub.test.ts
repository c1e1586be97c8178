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
import type { CompiledSubscription, SubscriptionPlanner } from '../subscription-planner';
import { WorkItemHub } from '../work-item-hub';

const logger = pino({ level: 'silent' });

/** A planner whose resolution echoes the event, and counts its calls and the tokens they carried. */
function fakePlanner() {
  const calls: string[] = [];
  const tokens: string[] = [];
  const planner = {
    compile(): CompiledSubscription {
      return {
        keyFor: () => 'selection',
        argumentsOf: (variables) => ({ kinds: variables.kinds ?? null, assignee: variables.assignee ?? null }),
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
    const hub = new WorkItemHub(planner, logger, { bufferSize: 100 }, sign);
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
    const hub = new WorkItemHub(fakePlanner().planner, logger, { bufferSize: 100 }, sign);
    const clerk = contextOf(principal(['orders:read'], null, 'clerk'));
    await expect(hub.subscribe({ document, variables: {}, context: clerk })).rejects.toBeInstanceOf(AppError);
  });
});
