import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import {
  consumersOf,
  EventTypes,
  distanceKm,
  eventTransaction,
  locate,
  type AddressPayload,
  type DomainEvent,
  type ReturnRouted,
  type ReturnShipmentChanged,
  type ShipmentStatusChanged,
  type StockReserved,
} from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { loadLogisticsConfig, logisticsSubgraph } from '../../../index';
import { BalancedCarrierSelection } from '../../planning/carrier-selection.strategy';
import { planShipments } from '../../planning/shipment-planning.service';
import { ask, contextFor, data, principal } from '../../shipment/__tests__/scope-support';

const staff = principal('staff-1', null);
const partner = principal('tmall-connector', ['tmall'], ['logistics:read', 'logistics:write'], 'client');
const HANGZHOU: AddressPayload = { country: 'CN', province: 'Zhejiang', city: 'Hangzhou' };
const SHA = { id: randomUUID(), code: 'SHA', city: 'Shanghai', latitude: 31.38, longitude: 121.25 };
const PEK = { id: randomUUID(), code: 'PEK', city: 'Beijing', latitude: 39.73, longitude: 116.34 };
const DAY = 86_400_000;

const SCAN = `mutation($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status direction } }`;

interface ShipmentRow {
  id: string;
  carrier_code: string;
  tracking_number: string;
  warehouse_id: string;
  direction: string;
  return_id: string | null;
  customer_id: string | null;
  channel: string | null;
  status: string;
}

describeEachBackend('logistics: a routed return travels in its own RETURN shipment', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'logistics_returns', logisticsSubgraph);
    schema = await logisticsSubgraph.buildSchema();
  });
  afterAll(() => database?.close());

  const deliver = async (type: string, aggregateId: string, payload: unknown) => {
    const consumers = consumersOf(logisticsSubgraph, loadLogisticsConfig({}));
    const definition = consumers.find((c) => c.types.includes(type));
    if (!definition) throw new Error(`no consumer of ${type}`);
    const event: DomainEvent = {
      eventId: randomUUID(),
      type,
      aggregateType: 'return',
      aggregateId,
      aggregateVersion: 1,
      occurredAt: new Date().toISOString(),
      source: 'inventory',
      payload,
    };
    await database.db.transaction((m) => definition.handle(event, eventTransaction(m, 'logistics')));
  };
  const emitted = async <T>(type: string, aggregateId: string) =>
    (
      (await database.db.query('SELECT payload FROM outbox WHERE type = $1 AND aggregate_id = $2 ORDER BY seq', [
        type,
        aggregateId,
      ])) as { payload: T }[]
    ).map((r) => r.payload);
  const shipmentsOf = async (orderId: string) =>
    (await database.db.query('SELECT * FROM shipment WHERE order_id = $1 ORDER BY direction', [
      orderId,
    ])) as ShipmentRow[];
  const read = (source: string, variables: Record<string, unknown>, who = staff) =>
    data(schema, contextFor(database.db, who), source, variables);
  const scan = (s: ShipmentRow, status: string, at: Date, who = staff) =>
    ask(schema, contextFor(database.db, who), SCAN, {
      input: { carrier: s.carrier_code, trackingNumber: s.tracking_number, status, at: at.toISOString() },
    });

  const routed = (over: Partial<ReturnRouted> = {}): ReturnRouted => ({
    returnId: randomUUID(),
    orderId: randomUUID(),
    channel: 'webstore',
    lines: [
      { lineNo: 1, sku: 'SKU-1', quantity: 2 },
      { lineNo: 2, sku: 'SKU-2', quantity: 1 },
    ],
    warehouse: SHA,
    shipFrom: HANGZHOU,
    reason: 'SHA: nearest',
    customerId: randomUUID(),
    ...over,
  });

  /** An order shipped from PEK, as planning makes it from stock.reserved. */
  const outbound = async (orderId: string, customerId: string, channel = 'webstore') => {
    const reserved: StockReserved = {
      orderId,
      customerId,
      channel,
      shippingAddress: HANGZHOU,
      allocations: [{ allocationId: randomUUID(), sku: 'SKU-1', warehouseId: PEK.id, quantity: 2 }],
      warehouses: [PEK],
      routing: 'test',
    };
    await database.db.transaction((m) =>
      planShipments(eventTransaction(m, 'logistics'), reserved, new BalancedCarrierSelection()),
    );
  };

  it('books one shipment to the chosen warehouse with the carrier the strategy picks for that lane', async () => {
    const ret = routed();
    await outbound(ret.orderId, ret.customerId!);
    await Promise.all([1, 2, 3].map(() => deliver(EventTypes.returnRouted, ret.returnId, ret)));
    await deliver(EventTypes.returnRouted, ret.returnId, ret);
    const [out, back, ...more] = await shipmentsOf(ret.orderId);
    expect(more).toEqual([]);
    expect(out).toMatchObject({ direction: 'OUTBOUND', return_id: null, warehouse_id: PEK.id });
    const km = distanceKm(locate(HANGZHOU)!, SHA);
    expect(back).toMatchObject({
      direction: 'RETURN',
      return_id: ret.returnId,
      warehouse_id: SHA.id,
      customer_id: ret.customerId,
      channel: 'webstore',
      status: 'CREATED',
      carrier_code: new BalancedCarrierSelection().choose(km, 3).carrier,
    });
    expect(await emitted<ReturnShipmentChanged>(EventTypes.returnShipmentChanged, ret.returnId)).toEqual([
      expect.objectContaining({
        shipmentId: back.id,
        orderId: ret.orderId,
        warehouseId: SHA.id,
        carrier: back.carrier_code,
        trackingNumber: back.tracking_number,
        from: null,
        to: 'CREATED',
      }),
    ]);
    expect(await emitted(EventTypes.shipmentCreated, back.id)).toEqual([]);

    // A guest's return has no customer; it is booked all the same.
    const guest = routed({ customerId: null, warehouse: PEK });
    await deliver(EventTypes.returnRouted, guest.returnId, guest);
    expect(await shipmentsOf(guest.orderId)).toEqual([
      expect.objectContaining({ direction: 'RETURN', customer_id: null, warehouse_id: PEK.id }),
    ]);
  });

  it("the return shipment's scans go out as return.shipment-changed, never as the order's shipment changes", async () => {
    const ret = routed();
    await outbound(ret.orderId, ret.customerId!);
    await deliver(EventTypes.returnRouted, ret.returnId, ret);
    const [out, back] = await shipmentsOf(ret.orderId);
    const t0 = Date.now() - 60_000;
    expect((await scan(back, 'IN_TRANSIT', new Date(t0))).data?.recordTrackingEvent).toMatchObject({
      status: 'IN_TRANSIT',
      direction: 'RETURN',
    });
    await scan(back, 'DELIVERED', new Date(t0 + 1000));
    await scan(back, 'DELIVERED', new Date(t0 + 1000));
    await scan(out, 'IN_TRANSIT', new Date(t0 + 2000));
    const changes = await emitted<ReturnShipmentChanged>(EventTypes.returnShipmentChanged, ret.returnId);
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      [null, 'CREATED'],
      ['CREATED', 'IN_TRANSIT'],
      ['IN_TRANSIT', 'DELIVERED'],
    ]);
    expect(await emitted(EventTypes.shipmentStatusChanged, back.id)).toEqual([]);
    expect((await emitted<ShipmentStatusChanged>(EventTypes.shipmentStatusChanged, out.id)).map((c) => c.to)).toEqual([
      'IN_TRANSIT',
    ]);
  });

  it('a late return parcel is an exception like any other, announced as the return shipment changing', async () => {
    const ret = routed({ warehouse: PEK });
    await deliver(EventTypes.returnRouted, ret.returnId, ret);
    const [back] = await shipmentsOf(ret.orderId);
    const later = new Date(Date.now() + 30 * DAY);
    await read('mutation($now: DateTime!) { scanForExceptions(now: $now) { flagged } }', { now: later.toISOString() });
    const changes = await emitted<ReturnShipmentChanged>(EventTypes.returnShipmentChanged, ret.returnId);
    expect(changes.at(-1)).toMatchObject({ shipmentId: back.id, from: 'CREATED', to: 'EXCEPTION' });
    expect(await emitted(EventTypes.shipmentStatusChanged, back.id)).toEqual([]);
  });

  it('Order.shipments and Customer.shipments list outbound parcels unless asked; Return.shipment is the parcel', async () => {
    const ret = routed();
    const tmallRet = routed({ channel: 'tmall' });
    await outbound(ret.orderId, ret.customerId!);
    for (const r of [ret, tmallRet]) await deliver(EventTypes.returnRouted, r.returnId, r);
    const [out, back] = await shipmentsOf(ret.orderId);

    const orderView = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order {
      outbound: shipments { id direction } returns: shipments(direction: RETURN) { id returnId }
      all: shipments(direction: null) { id } } } }`;
    expect((await read(orderView, { r: [{ __typename: 'Order', id: ret.orderId }] }))._entities).toEqual([
      {
        outbound: [{ id: out.id, direction: 'OUTBOUND' }],
        returns: [{ id: back.id, returnId: ret.returnId }],
        all: expect.arrayContaining([{ id: out.id }, { id: back.id }]),
      },
    ]);
    const customerView = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer {
      outbound: shipments { id } returns: shipments(direction: RETURN) { id } } } }`;
    expect((await read(customerView, { r: [{ __typename: 'Customer', id: ret.customerId }] }))._entities).toEqual([
      { outbound: [{ id: out.id }], returns: [{ id: back.id }] },
    ]);

    const returnView = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Return {
      id shipment { id direction trackingNumber } } } }`;
    const refs = [ret, tmallRet].map((r) => ({ __typename: 'Return', id: r.returnId }));
    expect((await read(returnView, { r: refs }))._entities).toEqual([
      { id: ret.returnId, shipment: { id: back.id, direction: 'RETURN', trackingNumber: back.tracking_number } },
      { id: tmallRet.returnId, shipment: expect.objectContaining({ direction: 'RETURN' }) },
    ]);
    // A channel-scoped caller sees only its channels' return parcels.
    expect((await read(returnView, { r: refs }, partner))._entities).toEqual([
      { id: ret.returnId, shipment: null },
      { id: tmallRet.returnId, shipment: expect.objectContaining({ direction: 'RETURN' }) },
    ]);
  });
});
