import { randomUUID } from 'node:crypto';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { ShipmentStatus } from '../generated/suites/graphql';
import { PLACE_ORDER, RECORD_SCAN } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { expectNamedError } from './named-error';

const MALFORMED_TMALL = graphql(`
  mutation RejectedMalformedTmall { importChannelOrder(channel: "tmall", payload: { tid: "123" }) { created } }
`);
const UNKNOWN_CHANNEL = graphql(`
  mutation RejectedUnknownChannel { importChannelOrder(channel: "ebay", payload: {}) { created } }
`);
const CANCEL = graphql(`
  mutation RejectedCancel($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id status } }
`);
const ADJUST = graphql(`
  mutation RejectedAdjust($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand }
  }
`);

describePlatformSuite('rejected writes through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 60, orders: 200 });
  const count = async (table: string) => (await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  describe('order intake and cancellation reject bad input and store nothing', () => {
    it('placeOrder with an unknown SKU, a zero quantity and three decimals lists every problem', async () => {
      const before = await count('orders.sales_order');
      const customers = await count('customers.customer');
      const result = await ask(PLACE_ORDER, {
        input: {
          channel: 'webstore',
          externalId: `e2e-${randomUUID()}`,
          buyer: { name: 'Test Buyer', email: `buyer-${randomUUID()}@example.com` },
          currency: 'CNY',
          lines: [
            { sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: '9.90' },
            { sku: 'SKU-0001', quantity: 0, unitPrice: '9.999' },
          ],
          shippingAddress: { country: 'CN', city: 'Shanghai' },
        },
      });
      const error = expectNamedError(result, 'BAD_USER_INPUT', /lines/);
      const fields = (error.extensions!.problems as { field: string }[]).map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['lines[1].quantity', 'lines[1].unitPrice']));
      expect(await count('orders.sales_order')).toBe(before);
      expect(await count('customers.customer')).toBe(customers);
    });

    it('placeOrder with an unknown SKU only is rejected by the catalogue check', async () => {
      const before = await count('orders.sales_order');
      const result = await ask(PLACE_ORDER, {
        input: {
          channel: 'webstore',
          externalId: `e2e-${randomUUID()}`,
          buyer: { name: 'Test Buyer', email: 'buyer@example.com' },
          currency: 'CNY',
          lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: '9.90' }],
          shippingAddress: { country: 'CN', city: 'Shanghai' },
        },
      });
      const error = expectNamedError(result, 'BAD_USER_INPUT', /NO-SUCH-SKU/);
      expect(error.extensions?.problems).toEqual([{ field: 'lines[0].sku', message: 'unknown SKU "NO-SUCH-SKU"' }]);
      expect(await count('orders.sales_order')).toBe(before);
    });

    it('importChannelOrder with a malformed payload or an unknown channel is BAD_USER_INPUT', async () => {
      const before = await count('orders.sales_order');
      const malformed = expectNamedError(await ask(MALFORMED_TMALL), 'BAD_USER_INPUT', /rejected/);
      expect((malformed.extensions!.problems as unknown[]).length).toBeGreaterThan(0);
      expectNamedError(await ask(UNKNOWN_CHANNEL), 'BAD_USER_INPUT', /ebay/);
      expect(await count('orders.sales_order')).toBe(before);
    });

    it('cancelOrder of a delivered order is CONFLICT naming both statuses, and changes nothing', async () => {
      const [order] = await db.rows<{ id: string; status: string; version: number }>(
        "SELECT id, status, version FROM orders.sales_order WHERE status = 'DELIVERED' ORDER BY id LIMIT 1",
      );
      expectNamedError(await ask(CANCEL, { id: order.id, reason: 'test' }), 'CONFLICT', /DELIVERED[\s\S]*CANCELLED/);
      expectNamedError(await ask(CANCEL, { id: randomUUID() }), 'NOT_FOUND', /does not exist/);
      const [after] = await db.rows<{ status: string; version: number }>(
        'SELECT status, version FROM orders.sales_order WHERE id = $1',
        [order.id],
      );
      expect(after).toEqual({ status: order.status, version: order.version });
    });
  });

  describe('rejected writes leave the database unchanged', () => {
    let stock: { sku: string; warehouse_id: string; on_hand: number };

    beforeAll(async () => {
      [stock] = await db.rows(
        'SELECT sku, warehouse_id, on_hand FROM inventory.stock_level ORDER BY sku, warehouse_id LIMIT 1',
      );
    });

    const snapshot = async () => ({
      movements: await count('inventory.stock_movement'),
      levels: await count('inventory.stock_level'),
      onHand: (
        await db.rows<{ on_hand: number }>(
          'SELECT on_hand FROM inventory.stock_level WHERE sku = $1 AND warehouse_id = $2',
          [stock.sku, stock.warehouse_id],
        )
      )[0].on_hand,
    });

    it('adjustStock with delta 0 and a blank reason lists both problems', async () => {
      const before = await snapshot();
      const result = await ask(ADJUST, { sku: stock.sku, w: stock.warehouse_id, delta: 0, reason: '   ' });
      const error = expectNamedError(result, 'BAD_USER_INPUT', /delta[\s\S]*reason/);
      const problems = error.extensions?.problems as { field: string; message: string }[];
      expect(problems.map((p) => p.field).sort()).toEqual(['delta', 'reason']);
      for (const problem of problems) expect(problem.message).not.toBe('');
      expect(await snapshot()).toEqual(before);
    });

    it('adjustStock of an unknown SKU is NOT_FOUND', async () => {
      const before = await snapshot();
      const result = await ask(ADJUST, { sku: 'NO-SUCH-SKU', w: stock.warehouse_id, delta: 5, reason: 'cycle count' });
      expectNamedError(result, 'NOT_FOUND', /NO-SUCH-SKU/);
      expect(await snapshot()).toEqual(before);
    });

    it('adjustStock in an unknown warehouse is NOT_FOUND', async () => {
      const before = await snapshot();
      for (const w of [randomUUID(), 'SHA']) {
        const result = await ask(ADJUST, { sku: stock.sku, w, delta: 5, reason: 'cycle count' });
        expectNamedError(result, 'NOT_FOUND', new RegExp(w));
      }
      expect(await snapshot()).toEqual(before);
    });

    it('recordTrackingEvent for an unknown tracking number or carrier is NOT_FOUND', async () => {
      const events = await count('logistics.tracking_event');
      const statuses = await db.rows('SELECT id, status FROM logistics.shipment ORDER BY id');
      const scan = { status: 'IN_TRANSIT' as ShipmentStatus, at: new Date().toISOString(), location: 'Shanghai' };
      expectNamedError(
        await ask(RECORD_SCAN, { input: { ...scan, carrier: 'sf', trackingNumber: 'SF-NO-SUCH-PARCEL' } }),
        'NOT_FOUND',
        /SF-NO-SUCH-PARCEL/,
      );
      expectNamedError(
        await ask(RECORD_SCAN, { input: { ...scan, carrier: 'pigeon-post', trackingNumber: '1' } }),
        'NOT_FOUND',
        /pigeon-post/,
      );
      expect(await count('logistics.tracking_event')).toBe(events);
      expect(await db.rows('SELECT id, status FROM logistics.shipment ORDER BY id')).toEqual(statuses);
    });

    it('a valid adjustment does write (the counts above would notice a write)', async () => {
      const before = await snapshot();
      const result = await ask(ADJUST, { sku: stock.sku, w: stock.warehouse_id, delta: 3, reason: 'found in aisle 7' });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ adjustStock: { onHand: before.onHand + 3 } });
      expect(await snapshot()).toEqual({ ...before, movements: before.movements + 1, onHand: before.onHand + 3 });
    });
  });
});
