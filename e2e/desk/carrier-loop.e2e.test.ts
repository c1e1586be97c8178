import { graphql } from '../generated/suites';
import { inventoryDriver } from '../inventory/inventory-support';
import { mintToken } from '../support/auth';
import { describePlatformSuite } from '../support/backends';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { RECORD_SCAN } from '../support/documents';
import { UPSERT_OPERATOR, reportException } from './desk-support';

const SHIPPED = graphql(`
  query CarrierLoopShipments($id: ID!) {
    order(id: $id) { status shipments { id trackingNumber carrier { code } warehouse { code } } }
  }
`);
const EXCEPTIONS = graphql(`
  query CarrierLoopExceptions {
    workItems(filter: { kind: ["LOGISTICS_EXCEPTION"] }, first: 100) { edges { node { id subjectId } } }
  }
`);
const ITEM = graphql(`
  query CarrierLoopItem($id: ID!) {
    workItem(id: $id) { id kind status assignee carrier subjectType shipment { id status } }
  }
`);
const RESOLVE = graphql(`
  mutation CarrierLoopResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {
    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) { id status outcome cause resolvedBy }
  }
`);
const ITEM_OUTCOME = graphql(`
  query CarrierLoopItemOutcome($id: ID!) { workItem(id: $id) { status outcome cause resolvedBy } }
`);
const CARRIERS = graphql(`
  query CarrierLoopRecords {
    carriers { code onTimeRate performance { delivered onTime carrierFaults observed observedOnTimeRate } }
  }
`);

/** The rate card's figure counts as this many shipments: small, so one failure is enough to lose a lane. */
const PRIOR_WEIGHT = 2;

describePlatformSuite('the carrier feedback loop through the gateway', (backend) => {
  const platformUnderTest = usePlatform(backend, {
    customers: 30,
    orders: 60,
    env: { LOGISTICS_CARRIER_PRIOR_WEIGHT: String(PRIOR_WEIGHT) },
  });
  const { platform, ask } = platformUnderTest;
  const drive = inventoryDriver(platformUnderTest);

  /** The order's one shipment, once logistics planned it. */
  const shipmentOf = (orderId: string) =>
    eventually(async () => {
      const shipments = (await ask(SHIPPED, { id: orderId })).data?.order?.shipments;
      return shipments?.length === 1 ? shipments[0] : undefined;
    }, `the shipment of order ${orderId}`);
  const carrierRecords = async () => {
    const answer = await ask(CARRIERS);
    expect(answer.errors).toBeUndefined();
    return new Map(answer.data!.carriers.map((c) => [c.code, c]));
  };

  it("an exception resolved as the carrier's fault counts against it, and the lane's next order goes to another carrier", async () => {
    const kim = 'carrier-loop-kim';
    expect(
      (await ask(UPSERT_OPERATOR, { input: { sub: kim, name: 'Kim', skills: ['logistics'], capacity: 5 } })).errors,
    ).toBeUndefined();
    const asKim = {
      authorization: `Bearer ${await mintToken(platform.gateway, { sub: kim, scopes: ['desk:read', 'desk:write'] })}`,
    };
    // Two units in SHA: both orders (to Shanghai) ship from there, on one lane.
    const { sku } = await drive.freshSku(2);

    const before = await carrierRecords();
    const first = await shipmentOf(await drive.place('webstore', [{ sku, quantity: 1 }]));
    const carrier = first.carrier.code;
    // Within Shanghai every carrier takes as long, so price decides: ZTO, with nothing against it yet.
    expect(carrier).toBe('zto');
    expect(before.get(carrier)!.performance).toEqual({
      delivered: 0,
      onTime: 0,
      carrierFaults: 0,
      observed: 0,
      observedOnTimeRate: null,
    });

    const scan = await reportException(ask, { carrier_code: carrier, tracking_number: first.trackingNumber });
    expect(scan.data?.recordTrackingEvent).toEqual({ id: first.id, status: 'EXCEPTION' });
    const itemId = await eventually(
      async () => (await ask(EXCEPTIONS)).data?.workItems.edges.find((e) => e.node.subjectId === first.id)?.node.id,
      'the exception on the desk',
    );
    expect((await ask(ITEM, { id: itemId }, asKim)).data?.workItem).toEqual({
      id: itemId,
      kind: 'LOGISTICS_EXCEPTION',
      status: 'ASSIGNED',
      assignee: kim,
      carrier,
      subjectType: 'Shipment',
      shipment: { id: first.id, status: 'EXCEPTION' },
    });

    const resolved = await ask(
      RESOLVE,
      { id: itemId, outcome: 'DELIVERED', cause: 'CARRIER_DELAY', note: 'two days late at the hub' },
      asKim,
    );
    expect(resolved.data?.resolveWorkItem).toEqual({
      id: itemId,
      status: 'RESOLVED',
      outcome: 'DELIVERED',
      cause: 'CARRIER_DELAY',
      resolvedBy: kim,
    });

    const after = await eventually(async () => {
      const records = await carrierRecords();
      return records.get(carrier)!.performance.carrierFaults > 0 ? records : undefined;
    }, "the fault on the carrier's record");
    expect(after.get(carrier)!.performance).toEqual({
      delivered: 0,
      onTime: 0,
      carrierFaults: 1,
      observed: 1,
      observedOnTimeRate: 0,
    });
    // One late parcel against the rate card's figure counted as PRIOR_WEIGHT on-time ones.
    const prior = before.get(carrier)!.onTimeRate!;
    expect(after.get(carrier)!.onTimeRate).toBeCloseTo((prior * PRIOR_WEIGHT) / (1 + PRIOR_WEIGHT), 4);
    // Nobody else's record moved.
    for (const [code, record] of after) if (code !== carrier) expect(record).toEqual(before.get(code));

    const second = await shipmentOf(await drive.place('webstore', [{ sku, quantity: 1 }]));
    expect(second.warehouse.code).toBe(first.warehouse.code);
    expect(second.carrier.code).not.toBe(carrier);
    expect(after.get(second.carrier.code)!.onTimeRate).toBeGreaterThan(after.get(carrier)!.onTimeRate!);
  });

  it('an exception the carrier recovers from closes its work item by itself, and the delivery counts, not a fault', async () => {
    const { sku } = await drive.freshSku(1);
    const shipment = await shipmentOf(await drive.place('webstore', [{ sku, quantity: 1 }]));
    const carrier = shipment.carrier.code;
    const parcel = { carrier_code: carrier, tracking_number: shipment.trackingNumber };
    expect((await reportException(ask, parcel)).data?.recordTrackingEvent.status).toBe('EXCEPTION');
    const itemId = await eventually(
      async () => (await ask(EXCEPTIONS)).data?.workItems.edges.find((e) => e.node.subjectId === shipment.id)?.node.id,
      'the exception on the desk',
    );
    const before = (await carrierRecords()).get(carrier)!.performance;

    // Nobody touched the item: the carrier found the parcel and delivered it.
    const delivered = await ask(RECORD_SCAN, {
      input: { carrier, trackingNumber: shipment.trackingNumber, status: 'DELIVERED', at: new Date().toISOString() },
    });
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data?.recordTrackingEvent.status).toBe('DELIVERED');
    const item = await eventually(async () => {
      const answer = (await ask(ITEM_OUTCOME, { id: itemId })).data?.workItem;
      return answer?.status === 'RESOLVED' ? answer : undefined;
    }, 'the work item closed by the delivery');
    expect(item).toEqual({ status: 'RESOLVED', outcome: 'AUTO_CLEARED', cause: null, resolvedBy: 'logistics' });
    const after = await eventually(async () => {
      const record = (await carrierRecords()).get(carrier)!.performance;
      return record.delivered > before.delivered ? record : undefined;
    }, "the delivery on the carrier's record");
    expect(after).toMatchObject({
      delivered: before.delivered + 1,
      onTime: before.onTime + 1,
      carrierFaults: before.carrierFaults,
    });
  });
});
