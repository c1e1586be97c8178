import { randomUUID } from 'node:crypto';
import { createLogger, serviceEvents, staticPeers, type Principal } from '@supply-graph/shared';
import { principal } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { loadInventoryConfig } from '../../../config';
import { createContext, type InventoryContext } from '../../../context';
import { defaultInventoryStrategies } from '../../../index';
import type { InventoryFixture } from './inventory-fixture';

/** A request context on the fixture's database (or a wrapper of it), as the subgraph builds one for the caller (staff by default). */
export function inventoryContext(
  fx: InventoryFixture,
  who: Principal = principal('staff-1', null),
  db: DataSource = fx.db,
): InventoryContext {
  return createContext(
    {
      requestId: randomUUID(),
      log: createLogger('inventory-test', 'silent'),
      db,
      events: serviceEvents('inventory', fx.db, () => undefined),
      peers: staticPeers({}),
      config: loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-priority-test-secret-0123456789' }),
      principal: who,
    },
    defaultInventoryStrategies(),
  );
}

/** Reads of the queue and the allocations, as a test checks them. */
export function queueProbe(fx: InventoryFixture) {
  return {
    setPriority: (channel: string, priority: number) =>
      fx.db.query(
        `INSERT INTO channel_priority (channel, priority) VALUES ($1, $2)
         ON CONFLICT (channel) DO UPDATE SET priority = EXCLUDED.priority`,
        [channel, priority],
      ),
    /** The fixture puts stock on the shelf without a movement: an opening RECEIVE makes the ledger explain it. */
    openLedger: (sku: string) =>
      fx.db.query(
        `INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason)
         SELECT sku, warehouse_id, 'RECEIVE', on_hand, 'opening balance' FROM stock_level WHERE sku = $1 AND on_hand > 0`,
        [sku],
      ),
    /** Why the order waits; undefined when it does not. */
    async reason(orderId: string): Promise<string | undefined> {
      const rows = (await fx.db.query('SELECT reason FROM backorder WHERE order_id = $1', [orderId])) as {
        reason: string;
      }[];
      return rows[0]?.reason;
    },
    /** Units the order holds now (reserved, not released). */
    async held(orderId: string): Promise<number> {
      const [row] = (await fx.db.query(
        'SELECT coalesce(sum(quantity), 0)::int AS n FROM allocation WHERE order_id = $1 AND released_at IS NULL',
        [orderId],
      )) as { n: number }[];
      return row.n;
    },
  };
}
