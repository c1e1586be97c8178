import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import type { AllocationEntity } from './allocation.entity';

const LIVE_ALLOCATIONS = preparedRead<AllocationEntity>(
  'inventory.live-allocations-by-order',
  `SELECT id, order_id AS "orderId", sku, warehouse_id AS "warehouseId", quantity, created_at AS "createdAt",
          released_at AS "releasedAt", reason, shipped_at AS "shippedAt", returned_at AS "returnedAt", channel, presale
     FROM allocation
    WHERE order_id = ANY($1::uuid[]) AND released_at IS NULL
    ORDER BY created_at, id`,
);

/** Per-request allocation loaders: one SQL statement per request, whatever the number of orders. */
export function createAllocationLoaders(db: DataSource) {
  return {
    /** Each order's live (not released) allocations, oldest first. */
    activeAllocationsByOrderId: new DataLoader<string, AllocationEntity[]>(async (orderIds) => {
      const valid = orderIds.filter(isUuid).map((id) => id.toLowerCase());
      const rows = valid.length ? await readRows(db, LIVE_ALLOCATIONS, [valid]) : [];
      const grouped = new Map<string, AllocationEntity[]>();
      for (const row of rows) {
        const list = grouped.get(row.orderId);
        if (list) list.push(row);
        else grouped.set(row.orderId, [row]);
      }
      return orderIds.map((id) => grouped.get(id.toLowerCase()) ?? []);
    }),
  };
}
