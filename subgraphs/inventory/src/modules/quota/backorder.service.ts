import type { InventoryContext } from '../../context';

/** Reads of the backorder queue. Orders join and leave it in the reservation service. */
export const backorderService = {
  /** Why an order waits for stock; null when it does not. */
  reasonFor(ctx: InventoryContext, orderId: string): Promise<string | null> {
    return ctx.loaders.backorderReasonByOrderId.load(orderId);
  },
};
