import { EventTypes, consumersOf, serviceEvents, type ConsumerDefinition } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { loadLogisticsConfig, logisticsSubgraph } from '../../../index';
import { oneParcelReserved, stockReservedEvent } from '../../../__tests__/reserved-parcel';
import { applyScans } from '../../tracking/tracking.service';

describeEachBackend('logistics: the desk alert of a shipment exception', (backend) => {
  let database: MigratedDatabase;
  const plan = consumersOf(logisticsSubgraph, loadLogisticsConfig({})).find(
    (c) => c.consumer === 'logistics.plan-shipments',
  ) as ConsumerDefinition;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'logistics_exception_alert', logisticsSubgraph);
  });
  afterAll(() => database?.close());

  const transaction: ReturnType<typeof serviceEvents>['transaction'] = (fn) =>
    serviceEvents('logistics', database.db, () => undefined).transaction(fn);

  const planShipment = async () => {
    const reserved = oneParcelReserved({ country: 'CN', province: 'Shanghai', city: 'Shanghai' });
    await transaction((tx) => plan.handle(stockReservedEvent(reserved), tx));
    const [row] = (await database.db.query('SELECT id FROM shipment WHERE order_id = $1', [reserved.orderId])) as {
      id: string;
    }[];
    return row.id;
  };

  /** A carrier scan, stored and applied as the tracking service does under the shipment's row lock. */
  const scan = (shipmentId: string, status: string, at: Date) =>
    transaction(async (tx) => {
      const [{ status: from }] = (await tx.manager.query('SELECT status FROM shipment WHERE id = $1 FOR UPDATE', [
        shipmentId,
      ])) as { status: 'CREATED' }[];
      await tx.manager.query('INSERT INTO tracking_event (shipment_id, at, status) VALUES ($1, $2, $3)', [
        shipmentId,
        at,
        status,
      ]);
      return (await applyScans(tx, shipmentId, from, at)).status;
    });

  /** The alert events written for the shipment, in order: [type, key]. */
  const alerts = async (shipmentId: string) =>
    (
      (await database.db.query(
        `SELECT type, aggregate_id AS key FROM outbox WHERE type IN ($1, $2) AND aggregate_id LIKE $3 ORDER BY seq`,
        [EventTypes.alertRaised, EventTypes.alertCleared, `logistics:EXCEPTION:${shipmentId}:%`],
      )) as { type: string; key: string }[]
    ).map((r) => [r.type, r.key]);

  it('clears the alert once when the shipment leaves EXCEPTION; a second exception is a new alert', async () => {
    const id = await planShipment();
    // Scan times after the label's (planning wrote a CREATED scan at its own time).
    const start = Date.now();
    const t = (seconds: number) => new Date(start + seconds * 1000);
    expect(await scan(id, 'IN_TRANSIT', t(0))).toBe('IN_TRANSIT');
    expect(await scan(id, 'EXCEPTION', t(10))).toBe('EXCEPTION');
    const [[, first]] = await alerts(id);
    expect(await scan(id, 'IN_TRANSIT', t(20))).toBe('IN_TRANSIT');
    expect(await scan(id, 'OUT_FOR_DELIVERY', t(25))).toBe('OUT_FOR_DELIVERY');
    expect(await scan(id, 'EXCEPTION', t(30))).toBe('EXCEPTION');
    expect(await scan(id, 'DELIVERED', t(40))).toBe('DELIVERED');
    expect(await scan(id, 'DELIVERED', t(41))).toBe('DELIVERED');
    const events = await alerts(id);
    const second = events[2]?.[1];
    expect(second).not.toBe(first);
    expect(events).toEqual([
      [EventTypes.alertRaised, first],
      [EventTypes.alertCleared, first],
      [EventTypes.alertRaised, second],
      [EventTypes.alertCleared, second],
    ]);
    expect(await database.db.query('SELECT open_alert_key FROM shipment WHERE id = $1', [id])).toEqual([
      { open_alert_key: null },
    ]);
  });
});
