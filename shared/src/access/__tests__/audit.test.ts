import {
  AppError,
  RequestAudit,
  auditDefaults,
  auditOutcome,
  auditTarget,
  auditedEvents,
  openRequestAudit,
  servicePrincipal,
  type EventTransaction,
} from '@supply-graph/shared';
import { fakeOutbox } from '@supply-graph/shared/testing';

const change = (tx: EventTransaction, id = 'o-1') =>
  tx.emit({ type: 'thing.changed', aggregateType: 'thing', aggregateId: id, aggregateVersion: 1, payload: { id } });

const NO_DEFAULTS = { target: null, channel: null, batch: false };

function setUp() {
  const outbox = fakeOutbox('orders');
  const audit = new RequestAudit('alice', 'req-1');
  const ctx = { audit, events: auditedEvents(outbox.events, audit) };
  const types = () => outbox.committed.map((row) => row.type);
  return { outbox, audit, ctx, types };
}

describe('the request events of an audited request', () => {
  it("append the mutation field's entry to the outbox inside the field's transaction, after the change", async () => {
    const { outbox, audit, ctx, types } = setUp();
    audit.begin('cancelOrder', { target: 'Order:o-1', channel: 'tmall', batch: false });
    await ctx.events.transaction((tx) => change(tx));
    expect(outbox.transactions()).toBe(1);
    expect(types()).toEqual(['thing.changed', 'audit.recorded']);
    expect(outbox.committed[1].payload).toEqual({
      at: expect.any(String),
      actor: 'alice',
      action: 'cancelOrder',
      target: 'Order:o-1',
      channel: 'tmall',
      requestId: 'req-1',
      outcome: 'ok',
    });
  });

  it('write one entry per field, however many transactions it runs', async () => {
    const { audit, ctx, types } = setUp();
    audit.begin('importChannelOrders', { target: null, channel: 'jd', batch: true });
    await ctx.events.transaction((tx) => change(tx, 'a'));
    await ctx.events.transaction((tx) => change(tx, 'b'));
    await Promise.all([
      ctx.events.transaction((tx) => change(tx, 'c')),
      ctx.events.transaction((tx) => change(tx, 'd')),
    ]);
    expect(types().filter((t) => t === 'audit.recorded')).toHaveLength(1);
    expect(audit.current?.state).toBe('written');
  });

  it('roll the entry back with the change, and let the next transaction of the field carry it', async () => {
    const { audit, ctx, types } = setUp();
    const field = audit.begin('holdOrder', NO_DEFAULTS);
    const failed = ctx.events.transaction(async (tx) => {
      await change(tx);
      throw new AppError('CONFLICT', 'no');
    });
    await expect(failed).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(types()).toEqual([]);
    expect(field.state).toBe('none');
    await ctx.events.transaction((tx) => change(tx));
    expect(types()).toEqual(['thing.changed', 'audit.recorded']);
  });

  it('write the entry again when the transaction is retried after a deadlock, and once only', async () => {
    const { outbox, audit, ctx, types } = setUp();
    audit.begin('adjustStock', NO_DEFAULTS);
    outbox.failNextCommit(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    await ctx.events.transaction((tx) => change(tx));
    expect(outbox.transactions()).toBe(2);
    expect(types()).toEqual(['thing.changed', 'audit.recorded']);
  });

  it('mark nothing written when the commit itself fails', async () => {
    const { outbox, audit, ctx, types } = setUp();
    const field = audit.begin('adjustStock', NO_DEFAULTS);
    outbox.failNextCommit(new Error('Connection terminated unexpectedly'));
    await expect(ctx.events.transaction((tx) => change(tx))).rejects.toThrow('Connection terminated');
    expect(types()).toEqual([]);
    expect(field.state).toBe('none');
  });

  it('name the object a service gives inside the transaction, but not for a batch', async () => {
    const { audit, ctx, outbox } = setUp();
    audit.begin('placeOrder', { target: null, channel: 'webstore', batch: false });
    await ctx.events.transaction(async (tx) => {
      await change(tx);
      auditTarget(ctx, 'Order', 'o-9', 'tmall');
    });
    expect(outbox.committed[1].payload).toMatchObject({ target: 'Order:o-9', channel: 'tmall' });
    audit.begin('importChannelOrders', { target: null, channel: 'jd', batch: true });
    await ctx.events.transaction(async (tx) => {
      await change(tx);
      auditTarget(ctx, 'Order', 'o-10', 'tmall');
    });
    expect(outbox.committed[3].payload).toMatchObject({ action: 'importChannelOrders', target: null, channel: 'jd' });
  });

  it('write nothing outside a mutation field (queries, work after the field ended)', async () => {
    const { audit, ctx, types } = setUp();
    await ctx.events.transaction((tx) => change(tx));
    const field = audit.begin('cancelOrder', NO_DEFAULTS);
    audit.end(field);
    await ctx.events.transaction((tx) => change(tx));
    expect(types()).toEqual(['thing.changed', 'thing.changed']);
  });
});

describe('request audit', () => {
  it('is not kept for the platform acting for itself', () => {
    expect(openRequestAudit(servicePrincipal('orders'), 'r')).toBeUndefined();
    expect(openRequestAudit({ sub: 'bob', scopes: new Set(), channels: null, kind: 'user' }, 'r')?.actor).toBe('bob');
  });

  it('turns PII reads into one pii.read entry per object', () => {
    const audit = new RequestAudit('alice', 'r');
    audit.notePiiRead({ type: 'Customer', id: 'c-1', field: 'Customer.email' });
    audit.notePiiRead({ type: 'Customer', id: 'c-1', field: 'Customer.phone' });
    audit.notePiiRead({ type: 'Customer', id: 'c-1', field: 'Customer.email' });
    audit.notePiiRead({ type: 'Order', id: 'o-1', field: 'Address.name' });
    expect(audit.piiReads).toHaveLength(3);
    expect(audit.piiReadEvents().map((e) => [e.payload.action, e.payload.target, e.payload.outcome])).toEqual([
      ['pii.read', 'Customer:c-1', 'ok'],
      ['pii.read', 'Order:o-1', 'ok'],
    ]);
  });

  it('keeps at most 256 characters of what a caller sent', () => {
    const audit = new RequestAudit('alice', 'r');
    const field = audit.begin('cancelOrder', { target: `Order:${'x'.repeat(10_000)}`, channel: null, batch: false });
    expect(audit.fieldEvent(field, 'BAD_USER_INPUT').payload.target).toHaveLength(256);
  });
});

describe('auditOutcome', () => {
  it('is the code the caller gets: registered codes, infrastructure failures, INTERNAL for the rest', () => {
    expect(auditOutcome(new AppError('FORBIDDEN', 'no'), 'orders')).toBe('FORBIDDEN');
    expect(auditOutcome(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'orders')).toBe(
      'SERVICE_UNAVAILABLE',
    );
    expect(auditOutcome(new TypeError('x is undefined'), 'orders')).toBe('INTERNAL');
  });
});

describe('auditDefaults: what a mutation names before its service says more', () => {
  it('reads an id as an object of the return type', () => {
    expect(auditDefaults({ id: 'o-1', reason: 'x' }, 'Order')).toEqual({
      target: 'Order:o-1',
      channel: null,
      batch: false,
    });
    expect(auditDefaults({ id: 'p-1' }, 'ParkedEvent').target).toBe('ParkedEvent:p-1');
  });

  it('reads sku, orderId and shipmentId as their objects, at the top level or in input', () => {
    expect(auditDefaults({ channel: ' TMall ', sku: 'SKU-1', maxUnits: 3 }, 'ChannelQuota')).toEqual({
      target: 'Product:SKU-1',
      channel: 'tmall',
      batch: false,
    });
    expect(auditDefaults({ input: { orderId: 'o-2' } }, 'Thing').target).toBe('Order:o-2');
    expect(auditDefaults({ shipmentId: 's-1' }, 'Shipment').target).toBe('Shipment:s-1');
  });

  it('takes the channel of input, and names no target when the arguments name none', () => {
    expect(auditDefaults({ input: { channel: 'webstore', externalId: 'W-1' } }, 'OrderPayload')).toEqual({
      target: null,
      channel: 'webstore',
      batch: false,
    });
    expect(auditDefaults({ now: null }, 'ScanResult')).toEqual({ target: null, channel: null, batch: false });
  });

  it('treats a field with a list argument as a batch naming no target', () => {
    expect(auditDefaults({ channel: 'jd', payloads: [{}, {}] }, 'BatchIntakeResult')).toEqual({
      target: null,
      channel: 'jd',
      batch: true,
    });
  });

  it('ignores blank and non-text values', () => {
    expect(auditDefaults({ id: '  ', sku: 7, channel: '' }, 'Order')).toEqual({
      target: null,
      channel: null,
      batch: false,
    });
  });
});
