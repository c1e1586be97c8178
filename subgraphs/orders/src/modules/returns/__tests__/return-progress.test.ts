import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { EventTypes, idempotent, type DomainEvent, type EventSubscription } from '@supply-graph/shared';
import {
  channelFixture,
  describeEachBackend,
  migratedTestDatabase,
  type MigratedDatabase,
} from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../../index';
import { returnConsumers } from '../return-progress.consumer';
import { REQUEST, RETURN, ask, contextFor, data, insertShippedOrder, principal } from './returns-support';

const staff = principal('desk-1', null);
const WAREHOUSE = randomUUID();

describeEachBackend('orders: a return follows inventory and logistics to its exact refund', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  let consumer: EventSubscription;
  const as = () => contextFor(database.db, staff);
  const view = async (id: string) => (await data(schema, as(), RETURN, { id })).return;
  const requestReturn = async (
    orderId: string,
    lines: { lineNo: number; quantity: number }[],
    reason = 'DEFECTIVE',
  ) => {
    const answer = await ask(schema, as(), REQUEST, { input: { orderId, lines, reason } });
    expect(answer.errors).toEqual([]);
    return answer.data!.requestReturn.id as string;
  };
  let version = 0;
  const event = (type: string, returnId: string, payload: object): DomainEvent => ({
    eventId: randomUUID(),
    type,
    aggregateType: 'return',
    aggregateId: returnId,
    aggregateVersion: ++version,
    occurredAt: new Date().toISOString(),
    source: 'inventory',
    payload: { returnId, ...payload },
  });
  const shipment = (returnId: string, orderId: string, to: string) =>
    event(EventTypes.returnShipmentChanged, returnId, {
      orderId,
      shipmentId: randomUUID(),
      warehouseId: WAREHOUSE,
      carrier: 'sf',
      trackingNumber: 'SF1234567890',
      from: null,
      to,
      at: new Date().toISOString(),
    });
  const received = (returnId: string, orderId: string) =>
    event(EventTypes.returnReceived, returnId, { orderId, warehouseId: WAREHOUSE, at: new Date().toISOString() });
  const inspected = (returnId: string, orderId: string, lines: object[]) =>
    event(EventTypes.returnInspected, returnId, {
      orderId,
      warehouseId: WAREHOUSE,
      lines,
      at: new Date().toISOString(),
    });
  const outcome = (lineNo: number, sku: string, restocked: number, refurbished = 0, scrapped = 0) => ({
    lineNo,
    sku,
    restocked,
    refurbished,
    scrapped,
  });

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_returns_progress', ordersSubgraph);
    schema = await ordersSubgraph.buildSchema();
    consumer = idempotent(database.db, 'orders', returnConsumers()[0], () => undefined);
  });
  afterAll(() => database?.close());

  it('moves through transit, receipt and inspection to REFUNDED; late and repeated events change nothing', async () => {
    const order = await insertShippedOrder(database.db);
    const id = await requestReturn(order.id, [{ lineNo: 1, quantity: 2 }], 'SIZE_FIT');
    await consumer.handle(
      event(EventTypes.returnRouted, id, {
        orderId: order.id,
        channel: 'webstore',
        lines: [],
        warehouse: { id: WAREHOUSE, code: 'HGH', city: 'Hangzhou', latitude: 30.2, longitude: 120.1 },
        shipFrom: { country: 'CN', province: null, city: null },
        reason: 'nearest',
      }),
    );
    await consumer.handle(shipment(id, order.id, 'CREATED'));
    expect((await view(id)).status).toBe('AUTHORISED');
    await consumer.handle(shipment(id, order.id, 'IN_TRANSIT'));
    expect((await view(id)).status).toBe('IN_TRANSIT');
    const arrival = received(id, order.id);
    await consumer.handle(arrival);
    await consumer.handle(shipment(id, order.id, 'OUT_FOR_DELIVERY')); // a late scan: stays RECEIVED
    expect((await view(id)).status).toBe('RECEIVED');
    const done = inspected(id, order.id, [outcome(1, 'SKU-0001', 1, 0, 1)]);
    await consumer.handle(done);
    await consumer.handle(done); // redelivered
    await consumer.handle({ ...done, eventId: randomUUID() }); // repeated with a new id: INSPECTED already
    const after = await view(id);
    expect(after).toMatchObject({
      status: 'REFUNDED',
      // Both units inspected (one restocked, one scrapped) are refunded; SIZE_FIT is the buyer's: no shipping.
      refund: { amount: '20.00', currency: 'CNY' },
      shippingRefund: { amount: '0.00' },
      lines: [{ lineNo: 1, quantity: 2, restocked: 1, refurbished: 0, scrapped: 1, refund: { amount: '20.00' } }],
      order: { returnState: 'PARTIAL', refunded: { amount: '20.00' } },
    });
    expect(after.history.map((h: { to: string }) => h.to)).toEqual([
      'REQUESTED',
      'AUTHORISED',
      'IN_TRANSIT',
      'RECEIVED',
      'INSPECTED',
      'REFUNDED',
    ]);
    expect(after.receivedAt).not.toBeNull();
    expect(await database.db.query('SELECT warehouse_id FROM order_return WHERE id = $1', [id])).toEqual([
      { warehouse_id: WAREHOUSE },
    ]);
  });

  it('refunds an awkward order exactly over three returns, shipping with the last unit; CLOSED when nothing arrives', async () => {
    // 3 x 33.33 + 7 x 9.99 + 1 x 0.01 = 169.93, less 10.00, plus 13.59 tax on top and 8.00 shipping = 181.52.
    const order = await insertShippedOrder(database.db, {
      lines: [
        { sku: 'SKU-0010', quantity: 3, unitPrice: '33.33' },
        { sku: 'SKU-0011', quantity: 7, unitPrice: '9.99' },
        { sku: 'SKU-0012', quantity: 1, unitPrice: '0.01' },
      ],
      discount: '10.00',
      shippingFee: '8.00',
      taxOnTop: '13.59',
    });
    const parts: [number, number][][] = [
      [
        [1, 1],
        [2, 3],
      ],
      [
        [1, 2],
        [2, 2],
      ],
      [
        [2, 2],
        [3, 1],
      ],
    ];
    const skus = ['', 'SKU-0010', 'SKU-0011', 'SKU-0012'];
    const refunds: string[] = [];
    for (const part of parts) {
      const id = await requestReturn(
        order.id,
        part.map(([lineNo, quantity]) => ({ lineNo, quantity })),
        'CHANGED_MIND',
      );
      await consumer.handle(
        inspected(
          id,
          order.id,
          part.map(([lineNo, quantity]) => outcome(lineNo, skus[lineNo], quantity)),
        ),
      );
      refunds.push((await view(id)).refund.amount);
    }
    // Line 1 pays 102.11 (34.03 + 68.08), line 2 71.40, line 3 0.01; the last return brings the 8.00 shipping.
    expect(refunds).toEqual(['64.63', '88.48', '28.41']);
    const whole = (
      await data(schema, as(), 'query($id: ID!) { order(id: $id) { returnState refunded { amount } } }', {
        id: order.id,
      })
    ).order;
    expect(whole).toEqual({ returnState: 'FULL', refunded: { amount: '181.52' } });

    const other = await insertShippedOrder(database.db);
    const lost = await requestReturn(other.id, [{ lineNo: 2, quantity: 1 }]);
    await consumer.handle(inspected(lost, other.id, [outcome(2, 'SKU-0002', 0)]));
    expect(await view(lost)).toMatchObject({ status: 'CLOSED', refund: { amount: '0.00' } });
  });

  it('settles returns of one order inspected at the same time one after the other, so they still sum exactly', async () => {
    // 3 x 40.00 less 20.00: the line paid 100.00, which 3 units do not divide.
    const order = await insertShippedOrder(database.db, {
      lines: [{ sku: 'SKU-0020', quantity: 3, unitPrice: '40.00' }],
      discount: '20.00',
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await requestReturn(order.id, [{ lineNo: 1, quantity: 1 }]));
    await Promise.all(ids.map((id) => consumer.handle(inspected(id, order.id, [outcome(1, 'SKU-0020', 1)]))));
    const refunds = await Promise.all(ids.map(async (id) => (await view(id)).refund.amount));
    expect(refunds.sort()).toEqual(['33.33', '33.33', '33.34']);
  });

  it("refunds shipping with a seller's-fault return at once, and only once", async () => {
    const order = await insertShippedOrder(database.db, { shippingFee: '6.00' });
    const first = await requestReturn(order.id, [{ lineNo: 1, quantity: 1 }], 'DAMAGED');
    await consumer.handle(inspected(first, order.id, [outcome(1, 'SKU-0001', 0, 1)]));
    const second = await requestReturn(order.id, [{ lineNo: 2, quantity: 1 }], 'WRONG_ITEM');
    await consumer.handle(inspected(second, order.id, [outcome(2, 'SKU-0002', 1)]));
    expect((await view(first)).refund.amount).toBe('16.00');
    expect((await view(second)).refund.amount).toBe('5.00');
  });

  it('counts return rates by SKU, channel and reason', async () => {
    const day = new Date();
    const from = new Date(day.getTime() - 10 * 86_400_000).toISOString();
    const to = new Date(day.getTime() + 86_400_000).toISOString();
    const kpis = `query($from: DateTime!, $to: DateTime!, $channel: String) { returnKpis(from: $from, to: $to,
      channel: $channel) { unitsSold unitsReturned returnRate byChannel { key unitsSold unitsReturned returnRate }
      bySku { key unitsReturned } byReason { key unitsReturned returnRate } } }`;
    const before = (await data(schema, as(), kpis, { from, to, channel: 'pos' })).returnKpis;
    expect(before).toEqual({
      unitsSold: 0,
      unitsReturned: 0,
      returnRate: null,
      byChannel: [],
      bySku: [],
      byReason: [],
    });
    const a = await insertShippedOrder(database.db, {
      channel: 'pos',
      lines: [{ sku: 'SKU-0200', quantity: 4, unitPrice: '1.00' }],
    });
    await insertShippedOrder(database.db, {
      channel: 'pos',
      lines: [{ sku: 'SKU-0201', quantity: 4, unitPrice: '1.00' }],
    });
    await requestReturn(a.id, [{ lineNo: 1, quantity: 2 }], 'DEFECTIVE');
    const rejected = await requestReturn(a.id, [{ lineNo: 1, quantity: 1 }], 'OTHER');
    await data(schema, as(), 'mutation($id: ID!) { rejectReturn(id: $id, reason: "no") { id } }', { id: rejected });
    const after = (await data(schema, as(), kpis, { from, to, channel: 'pos' })).returnKpis;
    expect(after).toEqual({
      unitsSold: 8,
      unitsReturned: 2,
      returnRate: 0.25,
      byChannel: [{ key: 'pos', unitsSold: 8, unitsReturned: 2, returnRate: 0.25 }],
      bySku: [{ key: 'SKU-0200', unitsReturned: 2 }],
      byReason: [{ key: 'DEFECTIVE', unitsReturned: 2, returnRate: 0.25 }],
    });
    const partner = principal('shopify-app', ['shopify'], ['orders:read']);
    expect(
      (await data(schema, contextFor(database.db, partner), kpis, { from, to, channel: 'pos' })).returnKpis.unitsSold,
    ).toBe(0);
  });

  it('imports a channel return once: a repeat answers the same return; an agreed one is AUTHORISED', async () => {
    const order = await insertShippedOrder(database.db, {
      channel: 'tmall',
      externalId: '3987120456612093847',
      lines: [
        { sku: 'SKU-0002', quantity: 1, unitPrice: '299.00' },
        { sku: 'SKU-0045', quantity: 1, unitPrice: '108.00' },
      ],
    });
    const payload = JSON.parse(channelFixture('tmall-refund.json'));
    const doc = `mutation($c: String!, $p: JSON!) { importChannelReturn(channel: $c, payload: $p) {
      created return { id status reason source externalId lines { lineNo sku quantity } order { id } } } }`;
    const first = (await data(schema, as(), doc, { c: 'tmall', p: payload })).importChannelReturn;
    expect(first).toEqual({
      created: true,
      return: {
        id: expect.any(String),
        status: 'AUTHORISED',
        reason: 'CHANGED_MIND',
        source: 'tmall',
        externalId: '148820394756120938',
        lines: [{ lineNo: 2, sku: 'SKU-0045', quantity: 1 }],
        order: { id: order.id },
      },
    });
    const again = (await data(schema, as(), doc, { c: 'tmall', p: payload })).importChannelReturn;
    expect(again).toEqual({ ...first, created: false });
    const unknownOrder = structuredClone(payload);
    unknownOrder.refund_get_response.refund.tid = '1';
    unknownOrder.refund_get_response.refund.refund_id = '2';
    const missing = await ask(schema, as(), doc, { c: 'tmall', p: unknownOrder });
    expect(missing.errors[0].extensions.problems).toEqual([
      { field: 'payload.refund_get_response.refund.tid', message: 'no tmall order 1 was imported' },
    ]);
    const pos = await ask(schema, as(), doc, { c: 'pos', p: {} });
    expect(pos.errors[0].extensions.problems).toEqual([
      { field: 'channel', message: 'no return adapter for "pos"; supported: shopify, amazon, tmall, jd, douyin' },
    ]);
  });
});
