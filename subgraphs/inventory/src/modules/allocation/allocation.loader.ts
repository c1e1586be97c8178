import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import { isUuid } from '@supply-graph/shared';
import { AllocationEntity } from './allocation.entity';

/** Per-request allocation loaders: one SQL statement per request, whatever the number of orders. */
export function createAllocationLoaders(db: DataSource) {
  return {
    /** Each order's live (not released) allocations, oldest first. */
    activeAllocationsByOrderId: new DataLoader<string, AllocationEntity[]>(async (orderIds) => {
      const valid = orderIds.filter(isUuid).map((id) => id.toLowerCase());
      const rows = valid.length
        ? await db.getRepository(AllocationEntity).find({
            where: { orderId: In(valid), releasedAt: IsNull() },
            order: { createdAt: 'ASC', id: 'ASC' },
          })
        : [];
      const grouped = new Map<string, AllocationEntity[]>();
      for (const row of rows) grouped.set(row.orderId, [...(grouped.get(row.orderId) ?? []), row]);
      return orderIds.map((id) => grouped.get(id.toLowerCase()) ?? []);
    }),
  };
}
