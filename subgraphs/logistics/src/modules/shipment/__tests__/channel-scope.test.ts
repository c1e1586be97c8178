import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { eventTransaction, type StockReserved } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { logisticsSubgraph } from '../../../index';
import { BalancedCarrierSelection } from '../../planning/carrier-selection.strategy';
import { planShipments } from '../../planning/shipment-planning.service';
import { ask, contextFor, data, insertShipment, principal, type TestShipment } from './scope-support';

const partner = principal('tmall-connector', ['tmall'], ['logistics:read', 'logistics:write'], 'client');
const staff = principal('staff-1', null);
const HOUR = 3_600_000;

describeEachBackend(
  "logistics: a channel-scoped caller reads and changes only its channels' shipments, in the SQL",
  (backend) => {
    let database: MigratedDatabase;
    let schema: GraphQLSchema;
    const alice = randomUUID();
    const [tmallOrder, jdOrder, legacyOrder] = [randomUUID(), randomUUID(), randomUUID()];
    const start = Date.now() - 10 * 24 * HOUR;
    const shipment = (
      channel: string | null,
      orderId: string,
      hoursIn: number,
      status = 'IN_TRANSIT',
    ): TestShipment => ({
      id: randomUUID(),
      orderId,
      customerId: alice,
      channel,
      status,
      trackingNumber: `SF${randomUUID().slice(0, 12)}`,
      createdAt: new Date(start + hoursIn * HOUR),
    });
    // Alice bought on tmall, on jd and (before shipments had channels) somewhere; the jd parcel is her newest.
    const tmall = shipment('tmall', tmallOrder, 1);
    const legacy = shipment(null, legacyOrder, 2);
    const jd = shipment('jd', jdOrder, 3);
    // Delivered parcels (never judged by the exception scan) for the writes.
    const tmallDone = shipment('tmall', tmallOrder, 4, 'DELIVERED');
    const jdDone = shipment('jd', jdOrder, 5, 'DELIVERED');
    const legacyDone = shipment(null, legacyOrder, 6, 'DELIVERED');

    const read = (caller: typeof partner, source: string, variables?: Record<string, unknown>) =>
      data(schema, contextFor(database.db, caller), source, variables);

    beforeAll(async () => {
      database = await migratedTestDatabase(backend.adminUrl, 'logistics_channel_scope', logisticsSubgraph);
      schema = await logisticsSubgraph.buildSchema();
      for (const s of [tmall, legacy, jd, tmallDone, jdDone, legacyDone]) await insertShipment(database.db, s);
    });
    afterAll(() => database?.close());

    it('reads a shipment of another channel, or of none, as null: by id, tracking number and reference', async () => {
      const byId = 'query($id: ID!) { shipment(id: $id) { id } }';
      expect((await read(partner, byId, { id: tmall.id })).shipment).toEqual({ id: tmall.id });
      expect((await read(partner, byId, { id: jd.id })).shipment).toBeNull();
      expect((await read(partner, byId, { id: legacy.id })).shipment).toBeNull();
      expect((await read(staff, byId, { id: jd.id })).shipment).toEqual({ id: jd.id });
      expect((await read(staff, byId, { id: legacy.id })).shipment).toEqual({ id: legacy.id });

      const byTracking = 'query($n: String!) { shipmentByTracking(carrier: "SF", trackingNumber: $n) { id } }';
      expect((await read(partner, byTracking, { n: tmall.trackingNumber })).shipmentByTracking).toEqual({
        id: tmall.id,
      });
      expect((await read(partner, byTracking, { n: jd.trackingNumber })).shipmentByTracking).toBeNull();
      expect((await read(partner, byTracking, { n: legacy.trackingNumber })).shipmentByTracking).toBeNull();
      expect((await read(staff, byTracking, { n: jd.trackingNumber })).shipmentByTracking).toEqual({ id: jd.id });

      const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { id } } }';
      const representations = [tmall, jd, legacy].map((s) => ({ __typename: 'Shipment', id: s.id }));
      expect((await read(partner, entities, { r: representations }))._entities).toEqual([{ id: tmall.id }, null, null]);
    });

    it("lists only its channels' shipments of a customer (the 360 view), `first` counting only those", async () => {
      const view =
        'query($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on Customer { shipments(first: ' +
        '$first) { id } } } }';
      const r = [{ __typename: 'Customer', id: alice }];
      expect((await read(partner, view, { r }))._entities).toEqual([
        { shipments: [{ id: tmallDone.id }, { id: tmall.id }] },
      ]);
      // Her newest parcels are of jd and of no channel: the partner's first one is still a tmall parcel.
      expect((await read(partner, view, { r, first: 1 }))._entities).toEqual([{ shipments: [{ id: tmallDone.id }] }]);
      const everything = (await read(staff, view, { r }))._entities[0].shipments.map((s: { id: string }) => s.id);
      expect(everything).toEqual([legacyDone, jdDone, tmallDone, jd, legacy, tmall].map((s) => s.id));
    });

    it("lists an order's shipments only when the order is of its channels", async () => {
      const view = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id shipments { id } } } }';
      const r = [tmallOrder, jdOrder, legacyOrder].map((id) => ({ __typename: 'Order', id }));
      expect((await read(partner, view, { r }))._entities).toEqual([
        { id: tmallOrder, shipments: [{ id: tmall.id }, { id: tmallDone.id }] },
        { id: jdOrder, shipments: [] },
        { id: legacyOrder, shipments: [] },
      ]);
      const staffView = (await read(staff, view, { r }))._entities.map(
        (o: { shipments: unknown[] }) => o.shipments.length,
      );
      expect(staffView).toEqual([2, 2, 2]);
    });

    it("scans only its channels' shipments for exceptions and lists only their alerts", async () => {
      const scan = 'mutation($now: DateTime!) { scanForExceptions(now: $now) { flagged } }';
      const alerts = '{ logisticsAlerts(first: 100) { shipment { id } } }';
      const now = new Date().toISOString();
      // Every open parcel is days past its ETA; the partner's scan judges only the tmall one.
      expect((await read(partner, scan, { now })).scanForExceptions).toEqual({ flagged: 1 });
      const status = async (s: TestShipment) =>
        ((await database.db.query('SELECT status FROM shipment WHERE id = $1', [s.id])) as { status: string }[])[0]
          .status;
      expect([await status(tmall), await status(jd), await status(legacy)]).toEqual([
        'EXCEPTION',
        'IN_TRANSIT',
        'IN_TRANSIT',
      ]);
      expect((await read(staff, scan, { now })).scanForExceptions).toEqual({ flagged: 2 });

      expect((await read(partner, alerts)).logisticsAlerts).toEqual([{ shipment: { id: tmall.id } }]);
      const all = (await read(staff, alerts)).logisticsAlerts
        .map((a: { shipment: { id: string } }) => a.shipment.id)
        .sort();
      expect(all).toEqual([tmall.id, jd.id, legacy.id].sort());
    });

    it("is refused a scan of another channel's shipment, or one without a channel; nothing is recorded", async () => {
      const record =
        'mutation($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id events { description } } }';
      const scanOf = (s: TestShipment, description: string) => ({
        input: {
          carrier: 'sf',
          trackingNumber: s.trackingNumber,
          status: 'DELIVERED',
          at: new Date().toISOString(),
          description,
        },
      });
      const events = async (s: TestShipment) =>
        (
          (await database.db.query('SELECT count(*)::int AS n FROM tracking_event WHERE shipment_id = $1', [s.id])) as {
            n: number;
          }[]
        )[0].n;

      for (const other of [jdDone, legacyDone]) {
        const refused = await ask(schema, contextFor(database.db, partner), record, scanOf(other, 'partner scan'));
        expect(refused.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
        expect(refused.data?.recordTrackingEvent ?? null).toBeNull();
        expect(await events(other)).toBe(0);
      }
      const mine = (await read(partner, record, scanOf(tmallDone, 'partner scan'))).recordTrackingEvent;
      expect(mine).toEqual({ id: tmallDone.id, events: [{ description: 'partner scan' }] });
      const staffScan = (await read(staff, record, scanOf(jdDone, 'staff scan'))).recordTrackingEvent;
      expect(staffScan).toEqual({ id: jdDone.id, events: [{ description: 'staff scan' }] });
    });

    describe('planning', () => {
      const reserved = (channel: string | undefined): StockReserved => ({
        orderId: randomUUID(),
        customerId: randomUUID(),
        ...(channel === undefined ? {} : { channel }),
        shippingAddress: { country: 'CN', province: 'Zhejiang', city: 'Hangzhou' },
        allocations: [{ allocationId: randomUUID(), sku: 'SKU-1', warehouseId: randomUUID(), quantity: 2 }],
        warehouses: [],
        routing: 'test',
      });
      const plan = (event: StockReserved) =>
        database.db.transaction((manager) =>
          planShipments(eventTransaction(manager, 'logistics'), event, new BalancedCarrierSelection()),
        );
      const channelOf = async (orderId: string) =>
        (
          (await database.db.query('SELECT channel FROM shipment WHERE order_id = $1', [orderId])) as {
            channel: string | null;
          }[]
        ).map((r) => r.channel);

      it('keeps the channel stock.reserved names; an older event leaves none, seen by no scoped caller', async () => {
        const withChannel = reserved('tmall');
        const old = reserved(undefined);
        expect(await plan(withChannel)).toBe(1);
        expect(await plan(old)).toBe(1);
        expect(await channelOf(withChannel.orderId)).toEqual(['tmall']);
        expect(await channelOf(old.orderId)).toEqual([null]);
        const view = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { shipments { id } } } }';
        const r = [withChannel.orderId, old.orderId].map((id) => ({ __typename: 'Order', id }));
        expect(
          (await read(partner, view, { r }))._entities.map((o: { shipments: unknown[] }) => o.shipments.length),
        ).toEqual([1, 0]);
      });
    });
  },
);
