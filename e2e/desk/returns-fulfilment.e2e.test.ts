import { randomUUID } from 'node:crypto';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { inventoryDriver } from '../inventory/inventory-support';
import { PLACE_ORDER, shanghaiOrder } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { REQUEST_RETURN, returnsDriver } from './returns-support';

const ORDER = graphql(`
  query FulfilmentOrder($id: ID!) {
    order(id: $id) {
      status returnState total { amount } refunded { amount currency }
      lines { sku quantity unitPrice { amount } returnedQuantity }
      shipments { id direction }
      returnShipments: shipments(direction: RETURN) {
        id trackingNumber direction returnId status carrier { code } warehouse { code }
      }
    }
  }
`);
const RETURN = graphql(`
  query FulfilmentReturn($id: ID!) {
    return(id: $id) {
      status refund { amount } shippingRefund { amount }
      lines { lineNo sku quantity restocked refurbished scrapped refund { amount } }
      history { to }
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
const REFURBISHED = graphql(`
  mutation ReturnsRefurbished($input: CompleteRefurbishmentInput!) {
    completeRefurbishment(input: $input) { lines { lineNo refurbished refurbishedRestocked refurbishedScrapped } }
  }
`);
const AUDIT = graphql(`
  query FulfilmentAudit($target: String) {
    auditEvents(first: 10, filter: { target: $target }) { edges { node { action target channel outcome } } }
  }
`);
const BUYER_VALUE = graphql(`
  query FulfilmentBuyerValue($id: ID!) {
    order(id: $id) { customer { value { frequency monetary { amount currency } } } }
  }
`);
const LEDGER = graphql(`
  query ReturnsLedger($sku: ID) { stockLedgerCheck(sku: $sku) { sku onHand ledgerOnHand } }
`);

/** "19.99" -> 1999: the refund rule's integer minor units (amounts here always have two decimals). */
const minor = (amount: string) => Number(amount.replace('.', ''));
const money = (units: number) => (units / 100).toFixed(2);

/**
 * A whole return through the gateway: the buyer asks for it, orders authorises it, inventory routes it,
 * logistics carries it back, the warehouse receives and inspects it (restocked units go to a waiting order),
 * and orders settles the refund.
 */
describePlatformSuite('a return goes from the buyer’s request to the refund', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });
  const { scan, deliver } = returnsDriver({ ask });

  const onHand = async (sku: string, warehouseId: string) =>
    (
      await db.rows<{ on_hand: number }>(
        'SELECT on_hand FROM inventory.stock_level WHERE sku = $1 AND warehouse_id = $2',
        [sku, warehouseId],
      )
    )[0].on_hand;
  const returnStatus = (id: string, status: string) =>
    eventually(async () => (await ask(RETURN, { id })).data?.return?.status === status, `the return ${status}`);

  it('requested, routed, shipped back, received, inspected, a backorder allocated, refunded exactly', async () => {
    const kept = await drive.freshSku(3);
    const mended = await drive.freshSku(1);
    // Prices with cents: the refund is counted in minor units, each unit at its line's price.
    const buyer = { name: 'Lu Yan', email: `lu.yan+${randomUUID().slice(0, 8)}@example.com` };
    const input = shanghaiOrder(
      `WS-RMA-${randomUUID()}`,
      buyer,
      [
        { sku: kept.sku, quantity: 3, unitPrice: '19.99' },
        { sku: mended.sku, quantity: 1, unitPrice: '7.45' },
      ],
      `No. ${randomUUID()} Huaihai Road`,
    );
    const placed = await ask(PLACE_ORDER, { input });
    expect(placed.errors).toBeUndefined();
    const sold = placed.data!.placeOrder.order!.id;
    const outbound = await deliver(sold);
    const buyerValue = (monetary: string) =>
      eventually(async () => {
        const value = (await ask(BUYER_VALUE, { id: sold })).data?.order?.customer?.value;
        return value?.monetary?.amount === monetary ? value : undefined;
      }, `the buyer's value at ${monetary} CNY`);
    // A new buyer: their value is this one order (3 x 19.99 + 7.45).
    expect(await buyerValue(money(3 * 1999 + 745))).toMatchObject({ frequency: 1 });
    // An order waiting for one unit more than there is anywhere.
    const waiting = await drive.place('tmall', [{ sku: kept.sku, quantity: (await drive.sellable(kept.sku)) + 1 }]);
    await drive.status(waiting, 'BACKORDERED');
    const before = {
      kept: await onHand(kept.sku, kept.warehouseId),
      mended: await onHand(mended.sku, mended.warehouseId),
    };

    // The buyer sends every unit back: delivered just now, for a reason approved at once, it is AUTHORISED.
    const requested = await ask(REQUEST_RETURN, {
      input: {
        orderId: sold,
        lines: [
          { lineNo: 1, quantity: 3 },
          { lineNo: 2, quantity: 1 },
        ],
        reason: 'DEFECTIVE',
      },
    });
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestReturn.status).toBe('AUTHORISED');
    const returnId = requested.data!.requestReturn.id;

    // Inventory routes it to SHA (nearest, and it shipped the order); logistics books the parcel back there.
    const back = await eventually(async () => {
      const o = (await ask(ORDER, { id: sold })).data!.order!;
      return o.returnShipments?.length ? o.returnShipments[0] : undefined;
    }, 'the return shipment');
    expect(back).toMatchObject({ direction: 'RETURN', returnId, status: 'CREATED', warehouse: { code: 'SHA' } });
    const receipt = (await ask(RECEIPT, { id: returnId })).data!.returnReceipt!;
    expect(receipt).toMatchObject({ status: 'ROUTED', warehouse: { id: kept.warehouseId, code: 'SHA' } });
    expect(receipt.routingReason).toMatch(/^SHA: nearest/);
    // The order's own parcels are still just the outbound ones.
    expect((await ask(ORDER, { id: sold })).data!.order!.shipments).toEqual(
      outbound.map((p) => ({ id: p.id, direction: 'OUTBOUND' })),
    );

    await scan(back, 'IN_TRANSIT');
    await returnStatus(returnId, 'IN_TRANSIT');
    await scan(back, 'DELIVERED');
    await eventually(
      async () => (await ask(RECEIPT, { id: returnId })).data!.returnReceipt!.status === 'RECEIVED',
      'the return RECEIVED on the DELIVERED scan',
    );
    await returnStatus(returnId, 'RECEIVED');
    // Its scans never became the order's: no shipment.status-changed for the return parcel, the order DELIVERED.
    const [{ n }] = await db.rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM logistics.outbox WHERE type IN ('shipment.status-changed', 'shipment.created') " +
        'AND aggregate_id = $1',
      [back.id],
    );
    expect(n).toBe(0);
    expect((await ask(ORDER, { id: sold })).data!.order!.status).toBe('DELIVERED');

    const judged = {
      returnId,
      lines: [
        { lineNo: 1, restock: 2, refurbish: 0, scrap: 1 },
        { lineNo: 2, restock: 0, refurbish: 1, scrap: 0 },
      ],
    };
    const inspected = await ask(INSPECT, { input: judged });
    expect(inspected.errors).toBeUndefined();
    expect(inspected.data!.inspectReturn).toEqual({
      status: 'INSPECTED',
      lines: [
        { lineNo: 1, sku: kept.sku, restocked: 2, refurbished: 0, scrapped: 1 },
        { lineNo: 2, sku: mended.sku, restocked: 0, refurbished: 1, scrapped: 0 },
      ],
    });
    // The two restocked units landed and went straight to the waiting order; the others never reach stock.
    await drive.status(waiting, 'ALLOCATED');
    expect(await onHand(kept.sku, kept.warehouseId)).toBe(before.kept + 2);
    expect(await onHand(mended.sku, mended.warehouseId)).toBe(before.mended);
    const again = await ask(INSPECT, { input: judged });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await onHand(kept.sku, kept.warehouseId)).toBe(before.kept + 2);
    // The refurbished unit comes back mended: on hand at SHA (the warehouse that received it), on the ledger.
    const refurbished = await ask(REFURBISHED, { input: { returnId, lines: [{ lineNo: 2, restock: 1, scrap: 0 }] } });
    expect(refurbished.errors).toBeUndefined();
    expect(refurbished.data!.completeRefurbishment.lines[1]).toEqual({
      lineNo: 2,
      refurbished: 1,
      refurbishedRestocked: 1,
      refurbishedScrapped: 0,
    });
    expect(await onHand(mended.sku, mended.warehouseId)).toBe(before.mended + 1);
    for (const { sku } of [kept, mended]) expect((await ask(LEDGER, { sku })).data!.stockLedgerCheck).toEqual([]);

    // Orders settles the refund on the inspection: every inspected unit at its line's price (restocked,
    // refurbished or scrapped alike). The order had no discount, tax or shipping fee, so what each line paid
    // is its price times its units, and the return brings every unit back.
    await returnStatus(returnId, 'REFUNDED');
    const order = (await ask(ORDER, { id: sold })).data!.order!;
    // Each line's price as the order states it, times the units this return brought back of it.
    const returned = requested.data!.requestReturn.lines.map((l) => l.quantity);
    const lineRefunds = order.lines.map((l, i) => minor(l.unitPrice.amount) * returned[i]);
    expect(order.lines.map((l) => l.unitPrice.amount)).toEqual(input.lines.map((l) => l.unitPrice));
    const refund = lineRefunds[0] + lineRefunds[1];
    expect(minor(order.total.amount)).toBe(refund);
    expect(order).toMatchObject({
      status: 'DELIVERED',
      returnState: 'FULL',
      refunded: { amount: money(refund), currency: 'CNY' },
      lines: [{ returnedQuantity: 3 }, { returnedQuantity: 1 }],
    });
    expect((await ask(RETURN, { id: returnId })).data!.return).toEqual({
      status: 'REFUNDED',
      refund: { amount: money(refund) },
      shippingRefund: { amount: '0.00' },
      lines: [
        {
          lineNo: 1,
          sku: kept.sku,
          quantity: 3,
          restocked: 2,
          refurbished: 0,
          scrapped: 1,
          refund: { amount: money(lineRefunds[0]) },
        },
        {
          lineNo: 2,
          sku: mended.sku,
          quantity: 1,
          restocked: 0,
          refurbished: 1,
          scrapped: 0,
          refund: { amount: money(lineRefunds[1]) },
        },
      ],
      history: ['REQUESTED', 'AUTHORISED', 'IN_TRANSIT', 'RECEIVED', 'INSPECTED', 'REFUNDED'].map((to) => ({ to })),
    });

    // The buyer's value is what they kept: nothing, though the order still counts as one.
    expect(await buyerValue(money(0))).toEqual({ frequency: 1, monetary: { amount: '0.00', currency: 'CNY' } });

    // The request, both inspections and the refurbishment are in the audit trail against the return, with its channel.
    const audited = await eventually(async () => {
      const edges = (await ask(AUDIT, { target: `Return:${returnId}` })).data?.auditEvents.edges ?? [];
      return edges.length >= 4 ? edges.map((e) => e.node) : undefined;
    }, 'the request, the inspections and the refurbishment audited');
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'requestReturn', target: `Return:${returnId}`, channel: 'webstore', outcome: 'ok' },
        { action: 'inspectReturn', target: `Return:${returnId}`, channel: 'webstore', outcome: 'ok' },
        { action: 'inspectReturn', target: `Return:${returnId}`, channel: 'webstore', outcome: 'CONFLICT' },
        { action: 'completeRefurbishment', target: `Return:${returnId}`, channel: 'webstore', outcome: 'ok' },
      ]),
    );
  });
});
