import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import pino from 'pino';
import {
  AppError,
  AuditWriter,
  auditTarget,
  auditTrail,
  auditedEvents,
  openRequestAudit,
  recordPiiRead,
  runInRequestScope,
  throwIfRequestAborted,
  servicePrincipal,
  stopAtDeadline,
  type AuditedRequestContext,
  type Principal,
  type ServiceEvents,
} from '@supply-graph/shared';
import { fakeOutbox } from '@supply-graph/shared/testing';

const schema = buildSchema(`
  type Thing { id: ID! }
  type Person { id: ID! email: String phone: String }
  type Query { person(id: ID!): Person people: [Person!]! }
  type Mutation {
    change(id: ID!): Thing!
    place(input: PlaceInput!): Thing!
    repeat(id: ID!): Thing!
    refuse(id: ID!): Thing
    conflict(id: ID!): Thing
    crash: Thing
  }
  input PlaceInput { channel: String! }
`);

type Ctx = AuditedRequestContext & { events: ServiceEvents };

const emit = (ctx: Ctx, id: string) =>
  ctx.events.transaction((tx) =>
    tx.emit({ type: 'thing.changed', aggregateType: 'thing', aggregateId: id, aggregateVersion: 1, payload: { id } }),
  );

/** Resolvers standing in for services: each does what one kind of mutation does to the audit trail. */
const rootValue = {
  change: async ({ id }: { id: string }, ctx: Ctx) => (await emit(ctx, id), { id }),
  place: async (_: unknown, ctx: Ctx) =>
    ctx.events.transaction(async (tx) => {
      await tx.emit({
        type: 'thing.changed',
        aggregateType: 'thing',
        aggregateId: 'new',
        aggregateVersion: 1,
        payload: {},
      });
      auditTarget(ctx, 'Thing', 'new-1');
      return { id: 'new-1' };
    }),
  repeat: ({ id }: { id: string }) => ({ id }),
  refuse: () => {
    throw new AppError('FORBIDDEN', 'Mutation.refuse needs a scope');
  },
  conflict: ({ id }: { id: string }, ctx: Ctx) =>
    ctx.events.transaction(async (tx) => {
      await tx.emit({
        type: 'thing.changed',
        aggregateType: 'thing',
        aggregateId: id,
        aggregateVersion: 1,
        payload: {},
      });
      throw new AppError('CONFLICT', 'not now');
    }),
  crash: async () => {
    throw new TypeError('cannot read x of undefined');
  },
  person: ({ id }: { id: string }, ctx: Ctx) => {
    recordPiiRead(ctx, { type: 'Customer', id, field: 'Customer.email' });
    recordPiiRead(ctx, { type: 'Customer', id, field: 'Customer.phone' });
    return { id, email: 'a@example.com', phone: '+8613800000000' };
  },
  people: (_: unknown, ctx: Ctx) => {
    for (const id of ['c-1', 'c-2']) recordPiiRead(ctx, { type: 'Customer', id, field: 'Customer.email' });
    return [{ id: 'c-1' }, { id: 'c-2' }];
  },
};

const alice: Principal = { sub: 'alice', scopes: new Set(), channels: null, kind: 'user' };

/** `writerEvents` stands in for what the writer's transactions meet (default: the outbox of the requests). */
function platform(writerEvents: (events: ServiceEvents) => ServiceEvents = (events) => events) {
  const outbox = fakeOutbox('orders');
  // In the order subgraph-runtime.ts registers them.
  const plugins = [stopAtDeadline<Ctx>(), auditTrail(new AuditWriter(writerEvents(outbox.events)), 'orders')];
  const server = new ApolloServer<Ctx>({ schema, rootValue, plugins });
  const run = async (query: string, principal: Principal = alice) => {
    const audit = openRequestAudit(principal, 'req-7');
    const contextValue: Ctx = {
      audit,
      events: audit ? auditedEvents(outbox.events, audit) : outbox.events,
      log: pino({ level: 'silent' }),
    };
    const response = await server.executeOperation({ query }, { contextValue });
    return response.body.kind === 'single' ? response.body.singleResult : null;
  };
  const entries = () => outbox.committed.filter((r) => r.type === 'audit.recorded').map((r) => r.payload);
  const summary = () => entries().map((e) => `${e.action} ${e.target} ${e.channel} ${e.outcome}`);
  return { server, run, outbox, entries, summary };
}

describe('auditTrail', () => {
  it("commits an allowed mutation's entry in the transaction of its change", async () => {
    const { run, outbox, entries } = platform();
    await run('mutation { change(id: "t-1") { id } }');
    expect(outbox.transactions()).toBe(1);
    expect(outbox.committed.map((r) => r.type)).toEqual(['thing.changed', 'audit.recorded']);
    expect(entries()).toEqual([
      {
        at: expect.any(String),
        actor: 'alice',
        action: 'change',
        target: 'Thing:t-1',
        channel: null,
        requestId: 'req-7',
        outcome: 'ok',
      },
    ]);
  });

  it('names what the service says, and the channel the input gives', async () => {
    const { run, summary } = platform();
    await run('mutation { place(input: { channel: "TMall" }) { id } }');
    expect(summary()).toEqual(['place Thing:new-1 tmall ok']);
  });

  it('writes a refused mutation with its error code and the target its arguments name', async () => {
    const { run, summary } = platform();
    const result = await run('mutation { refuse(id: "t-2") { id } }');
    expect(result?.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(summary()).toEqual(['refuse Thing:t-2 null FORBIDDEN']);
  });

  it('writes a failed mutation once, with nothing of its rolled-back change', async () => {
    const { run, outbox, summary } = platform();
    await run('mutation { conflict(id: "t-3") { id } }');
    expect(outbox.committed.map((r) => r.type)).toEqual(['audit.recorded']);
    expect(summary()).toEqual(['conflict Thing:t-3 null CONFLICT']);
  });

  it('writes an idempotent repeat that changed nothing as ok, and an unexpected failure as INTERNAL', async () => {
    const { run, summary } = platform();
    await run('mutation { repeat(id: "t-4") { id } }');
    await run('mutation { crash { id } }');
    expect(summary()).toEqual(['repeat Thing:t-4 null ok', 'crash null null INTERNAL']);
  });

  it('writes one entry per root field of a mutation, each with its own outcome', async () => {
    const { run, summary } = platform();
    await run('mutation { a: change(id: "t-5") { id } b: refuse(id: "t-6") { id } c: change(id: "t-7") { id } }');
    expect(summary()).toEqual([
      'change Thing:t-5 null ok',
      'refuse Thing:t-6 null FORBIDDEN',
      'change Thing:t-7 null ok',
    ]);
  });

  it('writes a mutation refused because its request ran past its deadline and may send no more SQL', async () => {
    // As the SQL logger does: a statement sent from the scope of a request past its deadline is refused.
    const { run, summary } = platform((events) => ({
      ...events,
      transaction: (fn) => (throwIfRequestAborted(), events.transaction(fn)),
      append: (entries) => (throwIfRequestAborted(), events.append(entries)),
    }));
    const controller = new AbortController();
    controller.abort(new AppError('DEADLINE_EXCEEDED', 'past the deadline'));
    const result = await runInRequestScope({ signal: controller.signal, deadline: Date.now() }, () =>
      run('mutation { change(id: "t-9") { id } }'),
    );
    expect(result?.errors?.[0].extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(summary()).toEqual(['change Thing:t-9 null DEADLINE_EXCEEDED']);
  });

  it('writes one pii.read per object shown, and nothing for a query without PII', async () => {
    const { run, summary } = platform();
    await run('{ person(id: "c-9") { email phone } }');
    await run('{ people { id } }');
    expect(summary()).toEqual([
      'pii.read Customer:c-9 null ok',
      'pii.read Customer:c-1 null ok',
      'pii.read Customer:c-2 null ok',
    ]);
  });

  it('also records reads the masking noted on the context itself (ctx.piiReads)', async () => {
    const { server, outbox } = platform();
    const audit = openRequestAudit(alice, 'req-8')!;
    const contextValue: Ctx = {
      audit,
      events: outbox.events,
      log: pino({ level: 'silent' }),
      piiReads: [{ type: 'Order', id: 'o-1', field: 'Address.name' }],
    };
    await server.executeOperation({ query: '{ people { id } }' }, { contextValue });
    expect(outbox.committed.map((r) => r.payload.target).sort()).toEqual(['Customer:c-1', 'Customer:c-2', 'Order:o-1']);
  });

  it('does not audit the platform acting for itself', async () => {
    const { run, outbox } = platform();
    await run('mutation { change(id: "t-8") { id } }', servicePrincipal('orders'));
    await run('{ person(id: "c-9") { email } }', servicePrincipal('orders'));
    expect(outbox.committed.map((r) => r.type)).toEqual(['thing.changed']);
  });

  it('withholds an answer with PII when its read cannot be recorded', async () => {
    const { run, outbox } = platform();
    outbox.failNextCommit(new Error('Connection terminated'));
    const result = await run('{ person(id: "c-9") { email } }');
    expect(result?.data).toBeNull();
    expect(result?.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(result)).not.toContain('a@example.com');
  });
});
