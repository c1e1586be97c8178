import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  consumersOf,
  serviceEvents,
  type ConsumerDefinition,
  type WorkItemResolved,
} from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { createLogisticsSubgraph, loadLogisticsConfig, logisticsSubgraph } from '../../../index';
import { oneParcelReserved } from '../../../__tests__/reserved-parcel';
import { applyScans } from '../../tracking/tracking.service';

/** Shanghai to Urumqi: 3,300 km, where punctuality decides between the express carriers. */
const LANE = { shippingAddress: { country: 'CN', province: 'Xinjiang', city: 'Urumqi' } };

describeEachBackend('logistics: resolved exceptions and deliveries feed carrier selection', (backend) => {
  let database: MigratedDatabase;
  // A small prior weight, so one fault is enough to move a lane.
  const consumers = consumersOf(
    createLogisticsSubgraph(),
    loadLogisticsConfig({ LOGISTICS_CARRIER_PRIOR_WEIGHT: '2' }),
  );
  const consumer = (name: string) => consumers.find((c) => c.consumer === name) as ConsumerDefinition;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'logistics_carrier_record', logisticsSubgraph);
  });
  afterAll(() => database?.close());

  // As the service runs them: hooks that wait for the commit (the planning cache's refresh) run after it.
  const transaction: ReturnType<typeof serviceEvents>['transaction'] = (fn) =>
    serviceEvents('logistics', database.db, () => undefined).transaction(fn);

  const deliver = (name: string, type: string, payload: object, eventId = randomUUID()) =>
    transaction((tx) =>
      consumer(name).handle(
        {
          eventId,
          type,
          aggregateType: 'test',
          aggregateId: randomUUID(),
          aggregateVersion: 1,
          occurredAt: new Date().toISOString(),
          source: 'test',
          payload,
        },
        tx,
      ),
    );

  /** Plans one parcel on the lane; its shipment id and carrier. */
  const planLane = async () => {
    const reserved = oneParcelReserved(LANE.shippingAddress);
    await deliver('logistics.plan-shipments', EventTypes.stockReserved, reserved);
    const [row] = (await database.db.query('SELECT id, carrier_code FROM shipment WHERE order_id = $1', [
      reserved.orderId,
    ])) as { id: string; carrier_code: string }[];
    return { shipmentId: row.id, carrier: row.carrier_code };
  };

  const resolved = (shipmentId: string, carrier: string, cause: string): WorkItemResolved => ({
    workItemId: randomUUID(),
    alertKey: `logistics:PAST_ETA:${shipmentId}`,
    kind: 'LOGISTICS_EXCEPTION',
    subject: { type: 'Shipment', id: shipmentId },
    orderId: null,
    channel: 'webstore',
    carrier,
    outcome: 'DELIVERED',
    cause,
    detail: {},
    resolvedBy: 'ops-1',
    resolvedAt: new Date().toISOString(),
  });

  const record = async (carrier: string) =>
    (
      (await database.db.query(
        'SELECT delivered, on_time AS "onTime", carrier_faults AS "carrierFaults", observed FROM carrier_performance ' +
          'WHERE carrier_code = $1',
        [carrier],
      )) as { delivered: number; onTime: number; carrierFaults: number; observed: number }[]
    )[0] ?? null;

  it('a cause not held against the carrier changes nothing; a carrier delay moves the lane to another, once', async () => {
    const first = await planLane();
    await deliver(
      'logistics.carrier-record',
      EventTypes.workItemResolved,
      resolved(first.shipmentId, first.carrier, 'ADDRESS_PROBLEM'),
    );
    expect(await record(first.carrier)).toBeNull();
    expect((await planLane()).carrier).toBe(first.carrier);

    const delay = resolved(first.shipmentId, first.carrier, 'CARRIER_DELAY');
    const eventId = randomUUID();
    await deliver('logistics.carrier-record', EventTypes.workItemResolved, delay, eventId);
    // The same event again, and the same case resolved a second time: still one fault.
    await deliver('logistics.carrier-record', EventTypes.workItemResolved, delay, eventId);
    await deliver('logistics.carrier-record', EventTypes.workItemResolved, { ...delay, workItemId: randomUUID() });
    expect(await record(first.carrier)).toEqual({ delivered: 0, onTime: 0, carrierFaults: 1, observed: 1 });

    expect((await planLane()).carrier).not.toBe(first.carrier);
  });

  /** Records a scan of the shipment as the tracking service does, under its row lock. */
  const scan = (shipmentId: string, status: string, from: 'CREATED' | 'DELIVERED') =>
    transaction(async (tx) => {
      const at = new Date();
      await tx.manager.query('SELECT 1 FROM shipment WHERE id = $1 FOR UPDATE', [shipmentId]);
      await tx.manager.query('INSERT INTO tracking_event (shipment_id, at, status) VALUES ($1, $2, $3)', [
        shipmentId,
        at,
        status,
      ]);
      await applyScans(tx, shipmentId, from, at);
    });

  it('a delivery by the promised day counts on time, once, whatever scans follow', async () => {
    const { shipmentId, carrier } = await planLane();
    const before = (await record(carrier)) ?? { delivered: 0, onTime: 0, carrierFaults: 0, observed: 0 };
    await scan(shipmentId, 'DELIVERED', 'CREATED');
    await scan(shipmentId, 'DELIVERED', 'DELIVERED');
    expect(await record(carrier)).toEqual({
      delivered: before.delivered + 1,
      onTime: before.onTime + 1,
      carrierFaults: before.carrierFaults,
      observed: before.observed + 1,
    });
  });

  it('a late delivery moves the lane at once: planning does not wait out its cache of the records', async () => {
    const { shipmentId, carrier } = await planLane();
    // Planned a moment ago, so planning's cache holds the records (30 s TTL); the parcel arrives after its ETA.
    await database.db.query("UPDATE shipment SET estimated_delivery_at = now() - interval '3 days' WHERE id = $1", [
      shipmentId,
    ]);
    const before = (await record(carrier)) ?? { delivered: 0, onTime: 0, carrierFaults: 0, observed: 0 };
    await scan(shipmentId, 'DELIVERED', 'CREATED');
    expect(await record(carrier)).toMatchObject({ onTime: before.onTime, observed: before.observed + 1 });
    expect((await planLane()).carrier).not.toBe(carrier);
  });
});
