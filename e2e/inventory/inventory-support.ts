import { randomUUID } from 'node:crypto';
import { PLACE_ORDER } from '../support/documents';
import type { PlatformUnderTest } from '../support/use-platform';
import { eventually } from '../support/wait';

/** The inventory scenarios' shared moves: place orders, wait for them to settle, pick untouched stock. */
export function inventoryDriver({ ask, db }: Pick<PlatformUnderTest, 'ask' | 'db'>) {
  const taken = new Set<string>();
  return {
    /** Places a unified order bound for Shanghai and returns its id. */
    async place(channel: string, lines: { sku: string; quantity: number }[]): Promise<string> {
      const result = await ask(PLACE_ORDER, {
        input: {
          channel,
          externalId: `INV-E2E-${randomUUID()}`,
          buyer: { name: 'Qian Li', email: `qian.${randomUUID().slice(0, 8)}@example.com` },
          currency: 'CNY',
          // A low price: large test orders stay under the high-value risk rule, which would hold them.
          lines: lines.map((l) => ({ ...l, unitPrice: '1.00' })),
          // A new buyer at an address of their own: no risk rule (velocity, identities per address)
          // holds these orders.
          shippingAddress: {
            country: 'CN',
            province: 'Shanghai',
            city: 'Shanghai',
            line1: `Century Avenue, room ${randomUUID()}`,
          },
        },
      });
      if (result.errors) throw new Error(`placeOrder failed: ${JSON.stringify(result.errors)}`);
      return result.data!.placeOrder.order!.id;
    },

    /** Waits until every order left PENDING and returns their statuses. */
    async settled(ids: string[], ms = 30_000): Promise<Map<string, string>> {
      return eventually(
        async () => {
          const rows = await db.rows<{ id: string; status: string }>(
            'SELECT id, status FROM orders.sales_order WHERE id = ANY($1::uuid[])',
            [ids],
          );
          return rows.length === ids.length && rows.every((r) => r.status !== 'PENDING')
            ? new Map(rows.map((r) => [r.id, r.status]))
            : undefined;
        },
        `${ids.length} order(s) allocated or backordered`,
        ms,
      );
    },

    /** Units of the SKU an order can still take, over all warehouses. */
    async sellable(sku: string): Promise<number> {
      const [{ total }] = await db.rows<{ total: number }>(
        `SELECT sum(greatest(on_hand - reserved - safety_stock, 0))::int AS total
         FROM inventory.stock_level WHERE sku = $1`,
        [sku],
      );
      return total;
    },

    /** Waits until the order has this status. */
    status: (id: string, status: string, ms = 15_000) =>
      eventually(
        async () => {
          const [row] = await db.rows<{ status: string }>('SELECT status FROM orders.sales_order WHERE id = $1', [id]);
          return row?.status === status || undefined;
        },
        `order ${id} ${status}`,
        ms,
      ),

    /**
     * A seeded SKU no earlier test of this suite used, with at least `units`
     * available in SHA (Shanghai, where the test orders go) and no live
     * reservation, so channel counts and alerts start from nothing.
     */
    async freshSku(
      units: number,
      extra = 'TRUE',
    ): Promise<{ sku: string; warehouseId: string; onHand: number; available: number; safetyStock: number }> {
      const rows = await db.rows<{
        sku: string;
        warehouse_id: string;
        on_hand: number;
        available: number;
        safety_stock: number;
      }>(
        `SELECT s.sku, s.warehouse_id, s.on_hand, s.on_hand - s.reserved - s.safety_stock AS available, s.safety_stock
         FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
         WHERE w.code = 'SHA' AND s.on_hand - s.reserved - s.safety_stock >= $1 AND ${extra}
           AND NOT EXISTS (SELECT 1 FROM inventory.stock_level o WHERE o.sku = s.sku AND o.reserved > 0)
           AND NOT EXISTS (SELECT 1 FROM inventory.backorder b WHERE b.request::text LIKE '%"' || s.sku || '"%')
         ORDER BY s.sku`,
        [units],
      );
      const row = rows.find((r) => !taken.has(r.sku));
      if (!row) throw new Error(`the seed has no untouched SKU with ${units} available in SHA`);
      taken.add(row.sku);
      return {
        sku: row.sku,
        warehouseId: row.warehouse_id,
        onHand: row.on_hand,
        available: row.available,
        safetyStock: row.safety_stock,
      };
    },
  };
}
