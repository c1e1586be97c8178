import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import type { Warehouse } from '../warehouse/warehouse.type';
import type { InspectReturnInput } from './return-inspect.input';
import type { CompleteRefurbishmentInput } from './return-refurbish.input';
import { completeRefurbishment } from './return-refurbish.service';
import { inspectReturn } from './return-inspect.service';
import { toReturnReceipt } from './return-receipt-row';
import type { ReturnReceipt } from './return-receipt.type';
import { receiveReturn } from './return-receive.service';

/** Return receipts: receiving and inspecting them, units out of refurbishment, and reading them in the caller's channels. */
export const returnReceiptService = {
  async receive(ctx: InventoryContext, returnId: string): Promise<ReturnReceipt> {
    return toReturnReceipt(await receiveReturn(ctx, returnId));
  },

  async inspect(ctx: InventoryContext, input: InspectReturnInput): Promise<ReturnReceipt> {
    return toReturnReceipt(await inspectReturn(ctx, input));
  },

  async completeRefurbishment(ctx: InventoryContext, input: CompleteRefurbishmentInput): Promise<ReturnReceipt> {
    return toReturnReceipt(await completeRefurbishment(ctx, input));
  },

  /** The return's receipt through the request's loader; null when there is none or it is another channel's. */
  async findByReturnId(ctx: InventoryContext, returnId: string): Promise<ReturnReceipt | null> {
    const row = await ctx.loaders.receiptByReturnId.load(returnId);
    return row && toReturnReceipt(row);
  },

  /** The warehouse that receives the return; null when the caller may not see the return. */
  async warehouseOf(ctx: InventoryContext, returnId: string): Promise<Warehouse | null> {
    const row = await ctx.loaders.receiptByReturnId.load(returnId);
    return row && warehouseService.referenced(ctx, row.warehouseId);
  },
};
