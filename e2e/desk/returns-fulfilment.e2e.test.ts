import { randomUUID } from 'node:crypto';
import { EventTypes, type ReturnAuthorised } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { ShipmentStatus } from '../generated/suites/graphql';
import { inventoryDriver } from '../inventory/inventory-support';
import { RECORD_SCAN } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const ORDER = graphql(`
  query FulfilmentOrder($id: ID!) {
    order(id: $id) {
      status
      shipments { id trackingNumber direction carrier { code } }
      returnShipments: shipments(direction: RETURN) {
        id trackingNumber direction returnId status carrier { code } warehouse { code }
      }
    }
  }
`);
const RECEIPT = graphql(`
  query ReturnsReceipt($id: ID!) {
    returnReceipt(returnId: $id) { status receivedAt routingReason warehouse { id code } }
  }
`);
const INSPECT = graphql(`
  mutation ReturnsInspect($input: InspectReturnInput!) {
    inspectReturn(input: $input) { status lines { lineNo sku restocked refurbished scrapped } }
  }
`);
const AUDIT = graphql(`
  query FulfilmentAudit($target: String) {
    auditEvents(first: 10, filter: { target: $target }) { edges { node { action target channel outcome } } }
  }
`);
const LEDGER = graphql(`
  query ReturnsLedger($sku: ID) { stockLedgerCheck(sku: $sku) { sku onHand ledgerOnHand } }
`);

/**
 * A return from authorisation to restock, across inventory and logistics. Orders' `requestReturn` is built
 * elsewhere; here `return.authorised` is written to orders' outbox, exactly as orders would, and its relay
 * publishes it on the platform's bus.
 */
describePlatformSuite('a return goes from authorisation to restock', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 120 });
  const drive = inventoryDriver({ ask, db });

  const onHand = async (sku: string, warehouseId: string) =>
    (
      await db.rows<{ on_hand: number }>(
        'SELECT on_hand FROM inventory.stock_level WHERE sku = $1 AND warehouse_id = $2',
        [sku, warehouseId],
      )
    )[0].on_hand;
  const scan = (shipment: { carrier: { code: string }; trackingNumber: string }, status: ShipmentStatus, min: number) =>
    ask(RECORD_SCAN, {
      input: {
        carrier: shipment.carrier.code,
        trackingNumber: shipment.trackingNumber,
        status,
        at: new Date(Date.now() + min * 60_000).toISOString(),
      },
    });

  /** Writes `return.authorised` to orders' outbox, as orders does when it authorises a return. */
  async function authorise(payload: ReturnAuthorised): Promise<void> {
    await db.query(
      `INSERT INTO orders.outbox (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source,
         payload)
       VALUES ($1, $2, 'return', $3, 1, now(), 'orders', $4::jsonb)`,
      [randomUUID(), EventTypes.returnAuthorised, payload.returnId, JSON.stringify(payload)],
    );
  }

  it('is routed, shipped back, received on the DELIVERED scan, inspected: units restocked, a backorder allocated', async () => {
    const { sku, warehouseId } = await drive.freshSku(2);
    // The order that comes back: shipped from SHA and delivered.
    const sold = await drive.place('webstore', [{ sku, quantity: 2 }]);
    const outbound = await eventually(async () => {
      const o = (await ask(ORDER, { id: sold })).data!.order!;
      return o.status === 'ALLOCATED' && o.shipments!.length ? o.shipments![0] : undefined;
    }, 'ALLOCATED with a shipment');
    expect((await scan(outbound, 'IN_TRANSIT', 1)).errors).toBeUndefined();
    expect((await scan(outbound, 'DELIVERED', 2)).errors).toBeUndefined();
    await drive.status(sold, 'DELIVERED');
    // An order waiting for one unit more than there is anywhere.
    const waiting = await drive.place('tmall', [{ sku, quantity: (await drive.sellable(sku)) + 1 }]);
    await drive.status(waiting, 'BACKORDERED');
    const before = await onHand(sku, warehouseId);

    const returnId = randomUUID();
    const [{ customer_id }] = await db.rows<{ customer_id: string }>(
      'SELECT customer_id FROM orders.sales_order WHERE id = $1',
      [sold],
    );
    await authorise({
      returnId,
      orderId: sold,
      channel: 'webstore',
      customerId: customer_id,
      lines: [{ lineNo: 1, sku, quantity: 2 }],
      reason: 'DAMAGED',
      shipFrom: { country: 'CN', province: 'Shanghai', city: 'Shanghai' },
      shippedFrom: [warehouseId],
      authorisedAt: new Date().toISOString(),
    });

    // Inventory routes it to SHA (nearest, and it shipped the order); logistics books the parcel back there.
    const back = await eventually(async () => {
      const o = (await ask(ORDER, { id: sold })).data!.order!;
      return o.returnShipments?.length ? o.returnShipments[0] : undefined;
    }, 'the return shipment');
    expect(back).toMatchObject({ direction: 'RETURN', returnId, status: 'CREATED', warehouse: { code: 'SHA' } });
    const receipt = (await ask(RECEIPT, { id: returnId })).data!.returnReceipt!;
    expect(receipt).toMatchObject({ status: 'ROUTED', warehouse: { id: warehouseId, code: 'SHA' } });
    expect(receipt.routingReason).toMatch(/^SHA: nearest/);
    // The order's own parcels are still just the outbound one.
    expect((await ask(ORDER, { id: sold })).data!.order!.shipments).toEqual([
      expect.objectContaining({ id: outbound.id, direction: 'OUTBOUND' }),
    ]);

    expect((await scan(back, 'IN_TRANSIT', 3)).errors).toBeUndefined();
    expect((await scan(back, 'DELIVERED', 4)).errors).toBeUndefined();
    await eventually(
      async () =>
        (await ask(RECEIPT, { id: returnId })).data!.returnReceipt!.status === 'RECEIVED' ? true : undefined,
      'the return RECEIVED on the DELIVERED scan',
    );
    // Its scans never became the order's: no shipment.status-changed for the return parcel, the order DELIVERED.
    const [{ n }] = await db.rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM logistics.outbox WHERE type IN ('shipment.status-changed', 'shipment.created') " +
        'AND aggregate_id = $1',
      [back.id],
    );
    expect(n).toBe(0);
    expect((await ask(ORDER, { id: sold })).data!.order!.status).toBe('DELIVERED');

    const inspected = await ask(INSPECT, {
      input: { returnId, lines: [{ lineNo: 1, restock: 2, refurbish: 0, scrap: 0 }] },
    });
    expect(inspected.errors).toBeUndefined();
    expect(inspected.data!.inspectReturn).toEqual({
      status: 'INSPECTED',
      lines: [{ lineNo: 1, sku, restocked: 2, refurbished: 0, scrapped: 0 }],
    });
    // The two units landed and went straight to the waiting order.
    await drive.status(waiting, 'ALLOCATED');
    expect(await onHand(sku, warehouseId)).toBe(before + 2);
    const again = await ask(INSPECT, {
      input: { returnId, lines: [{ lineNo: 1, restock: 2, refurbish: 0, scrap: 0 }] },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await onHand(sku, warehouseId)).toBe(before + 2);
    expect((await ask(LEDGER, { sku })).data!.stockLedgerCheck).toEqual([]);
    expect((await ask(ORDER, { id: sold })).data!.order!.status).toBe('DELIVERED');
    // Both inspections are in the audit trail against the return, with its channel and their outcome.
    const audited = await eventually(async () => {
      const edges = (await ask(AUDIT, { target: `Return:${returnId}` })).data?.auditEvents.edges ?? [];
      return edges.length >= 2 ? edges.map((e) => e.node) : undefined;
    }, 'the inspections audited');
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'inspectReturn', target: `Return:${returnId}`, channel: 'webstore', outcome: 'ok' },
        { action: 'inspectReturn', target: `Return:${returnId}`, channel: 'webstore', outcome: 'CONFLICT' },
      ]),
    );
  });
});
