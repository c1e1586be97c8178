import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../../index';
import {
  REQUEST,
  RETURN,
  ask,
  contextFor,
  data,
  insertShippedOrder,
  outboxPayloads,
  principal,
} from './returns-support';

const staff = principal('desk-1', null);
const partner = principal('tmall-connector', ['tmall'], ['orders:read', 'orders:write', 'orders:review'], 'client');
const noPii = principal('viewer', null, ['orders:read', 'orders:write', 'orders:review']);

describeEachBackend('orders: requesting a return', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  const as = (caller = staff) => contextFor(database.db, caller);
  const request = (input: Record<string, unknown>, caller = staff) => ask(schema, as(caller), REQUEST, { input });

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_returns_request', ordersSubgraph);
    schema = await ordersSubgraph.buildSchema();
  });
  afterAll(() => database?.close());

  it('authorises a return inside the window at once and tells inventory where the parcel comes from', async () => {
    const warehouse = randomUUID();
    const order = await insertShippedOrder(database.db, { shippedFrom: [warehouse] });
    const answer = await request({
      orderId: order.id,
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: 'SIZE_FIT',
      note: 'Lin Yu says too tight',
    });
    expect(answer.errors).toEqual([]);
    const created = answer.data!.requestReturn;
    expect(created).toMatchObject({ status: 'AUTHORISED', reason: 'SIZE_FIT', source: 'REQUEST' });
    expect(created.history.map((h: { to: string }) => h.to)).toEqual(['REQUESTED', 'AUTHORISED']);
    expect(await outboxPayloads(database.db, 'return.authorised', created.id)).toEqual([
      {
        returnId: created.id,
        orderId: order.id,
        channel: 'webstore',
        customerId: order.customerId,
        lines: [{ lineNo: 1, sku: 'SKU-0001', quantity: 1 }],
        reason: 'SIZE_FIT',
        shipFrom: { country: 'CN', province: 'Zhejiang', city: 'Hangzhou' },
        shippedFrom: [warehouse],
        authorisedAt: expect.any(String),
      },
    ]);
    expect(await outboxPayloads(database.db, 'alert.raised', `orders:RETURN_REVIEW:${created.id}`)).toEqual([]);
    // The note is the buyer's free text: masked without pii:read.
    expect(
      (await data(schema, as(noPii), 'query($id: ID!) { return(id: $id) { note } }', { id: created.id })).return,
    ).toEqual({ note: '***' });
    const order1 = (await data(schema, as(), RETURN, { id: created.id })).return.order;
    expect(order1).toMatchObject({ returnState: 'PARTIAL', lines: [{ returnedQuantity: 1 }, { returnedQuantity: 0 }] });
  });

  it('lists every problem of a request at once, and stores nothing', async () => {
    const order = await insertShippedOrder(database.db);
    const answer = await request({
      orderId: order.id,
      lines: [
        { lineNo: 1, quantity: 3 },
        { lineNo: 9, quantity: 1 },
        { sku: 'SKU-0404', quantity: 1 },
        { sku: 'SKU-0002', quantity: 0 },
        { quantity: 1 },
      ],
      reason: 'DAMAGED',
    });
    expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0].extensions.problems).toEqual([
      { field: 'input.lines[1].lineNo', message: 'the order has no line 9' },
      { field: 'input.lines[2].sku', message: 'the order has no line of SKU-0404' },
      { field: 'input.lines[3].quantity', message: 'must be 1..100000, got 0' },
      { field: 'input.lines[4]', message: 'give lineNo or sku' },
      {
        field: 'input.lines[0].quantity',
        message: 'asks 3 of line 1 (SKU-0001); only 2 can still be returned (2 shipped, 0 already in returns)',
      },
    ]);
    const pending = await insertShippedOrder(database.db, { status: 'ALLOCATED', deliveredDaysAgo: null });
    const notShipped = await request({ orderId: pending.id, lines: [{ lineNo: 1, quantity: 1 }], reason: 'OTHER' });
    expect(notShipped.errors[0].extensions.problems).toEqual([
      { field: 'input.orderId', message: 'the order is ALLOCATED: only a shipped or delivered order can be returned' },
    ]);
    const unknown = await request({ orderId: 'nope', lines: [{ lineNo: 1, quantity: 0 }], reason: 'OTHER' });
    expect(unknown.errors[0].extensions.problems).toEqual([
      { field: 'input.orderId', message: 'no such order' },
      { field: 'input.lines[0].quantity', message: 'must be 1..100000, got 0' },
    ]);
    expect(await database.db.query('SELECT id FROM order_return WHERE order_id = $1', [order.id])).toEqual([]);
  });

  it('gives the last unit to one of two concurrent requests; the other is told what is left', async () => {
    const order = await insertShippedOrder(database.db, {
      lines: [{ sku: 'SKU-0003', quantity: 1, unitPrice: '9.90' }],
    });
    const input = { orderId: order.id, lines: [{ sku: 'SKU-0003', quantity: 1 }], reason: 'DEFECTIVE' };
    const answers = await Promise.all([request(input), request(input), request(input)]);
    expect(answers.filter((a) => a.errors.length === 0)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.errors.length)) {
      expect(refused.errors[0].extensions.problems).toEqual([
        {
          field: 'input.lines[0].quantity',
          message: 'asks 1 of line 1 (SKU-0003); only 0 can still be returned (1 shipped, 1 already in returns)',
        },
      ]);
    }
  });

  it('sends a return outside the window, or with a reason not auto-approved, to the desk; an operator decides', async () => {
    const old = await insertShippedOrder(database.db, { deliveredDaysAgo: 45, placedDaysAgo: 50 });
    const late = (await request({ orderId: old.id, lines: [{ lineNo: 2, quantity: 1 }], reason: 'CHANGED_MIND' })).data!
      .requestReturn;
    expect(late.status).toBe('REQUESTED');
    expect(await outboxPayloads(database.db, 'alert.raised', `orders:RETURN_REVIEW:${late.id}`)).toEqual([
      expect.objectContaining({
        kind: 'RETURN_REVIEW',
        source: 'orders',
        subject: { type: 'Return', id: late.id },
        orderId: old.id,
        channel: 'webstore',
        summary: 'Return of 1 unit(s), CHANGED_MIND: outside the 30-day returns window (45 days since delivery)',
      }),
    ]);
    expect(await outboxPayloads(database.db, 'return.authorised', late.id)).toEqual([]);

    const authorise = 'mutation($id: ID!) { authoriseReturn(id: $id) { status authorisedAt } }';
    expect((await data(schema, as(), authorise, { id: late.id })).authoriseReturn.status).toBe('AUTHORISED');
    expect(await outboxPayloads(database.db, 'return.authorised', late.id)).toHaveLength(1);
    expect(await outboxPayloads(database.db, 'alert.cleared', `orders:RETURN_REVIEW:${late.id}`)).toHaveLength(1);
    const again = await ask(schema, as(), authorise, { id: late.id });
    expect(again.errors[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('is AUTHORISED and cannot become AUTHORISED'),
    });

    const recent = await insertShippedOrder(database.db);
    const other = (await request({ orderId: recent.id, lines: [{ lineNo: 1, quantity: 2 }], reason: 'OTHER' })).data!
      .requestReturn;
    expect(other.status).toBe('REQUESTED');
    const reject = 'mutation($id: ID!, $r: String!) { rejectReturn(id: $id, reason: $r) { status } }';
    expect((await ask(schema, as(), reject, { id: other.id, r: '  ' })).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await data(schema, as(), reject, { id: other.id, r: 'worn, tags removed' })).rejectReturn.status).toBe(
      'REJECTED',
    );
    // A rejected return gives its units back: they may be asked for again.
    const retry = await request({ orderId: recent.id, lines: [{ lineNo: 1, quantity: 2 }], reason: 'DEFECTIVE' });
    expect(retry.data!.requestReturn.status).toBe('AUTHORISED');
  });

  it("keeps a channel-scoped partner to its channels' returns, in reads and writes", async () => {
    const mine = await insertShippedOrder(database.db, { channel: 'tmall' });
    const theirs = await insertShippedOrder(database.db, { channel: 'jd' });
    const refused = await request(
      { orderId: theirs.id, lines: [{ lineNo: 1, quantity: 1 }], reason: 'DAMAGED' },
      partner,
    );
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const own = (await request({ orderId: mine.id, lines: [{ lineNo: 1, quantity: 1 }], reason: 'DAMAGED' }, partner))
      .data!.requestReturn;
    const jdReturn = (await request({ orderId: theirs.id, lines: [{ lineNo: 1, quantity: 1 }], reason: 'OTHER' })).data!
      .requestReturn;
    const one = 'query($id: ID!) { return(id: $id) { id } }';
    expect((await data(schema, as(partner), one, { id: jdReturn.id })).return).toBeNull();
    expect((await data(schema, as(partner), one, { id: own.id })).return).toEqual({ id: own.id });
    const list = 'query($f: ReturnFilter) { returns(first: 50, filter: $f) { totalCount edges { node { id } } } }';
    const listed = (await data(schema, as(partner), list, {})).returns;
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(own.id);
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(jdReturn.id);
    expect((await data(schema, as(partner), list, { f: { channel: 'jd' } })).returns.totalCount).toBe(0);
    const decide = await ask(schema, as(partner), 'mutation($id: ID!) { authoriseReturn(id: $id) { id } }', {
      id: jdReturn.id,
    });
    expect(decide.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await data(schema, as(), list, { f: { orderId: theirs.id, status: ['REQUESTED'] } })).returns.totalCount,
    ).toBe(1);
  });
});
