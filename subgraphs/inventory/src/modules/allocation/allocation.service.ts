import type { InventoryContext } from '../../context';
import type { AllocationEntity } from './allocation.entity';
import type { Allocation } from './allocation.type';

const toAllocation = (row: AllocationEntity): Allocation => ({
  id: row.id,
  sku: row.sku,
  warehouseId: row.warehouseId,
  quantity: row.quantity,
  createdAt: row.createdAt,
  reason: row.reason,
  shippedAt: row.shippedAt,
});

/** Reads of allocations. Reserving and releasing are the event consumers' work (reservation/). */
export const allocationService = {
  /** An order's allocations that still hold stock (released ones are left out). */
  async activeForOrder(ctx: InventoryContext, orderId: string): Promise<Allocation[]> {
    const rows = await ctx.loaders.activeAllocationsByOrderId.load(orderId);
    return rows.map(toAllocation);
  },
};
