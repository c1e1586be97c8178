import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import { Warehouse } from '../warehouse/warehouse.type';
import { InspectReturnInput, inspectReturnBound } from './return-inspect.input';
import { CompleteRefurbishmentInput, completeRefurbishmentBound } from './return-refurbish.input';
import { returnReceiptService } from './return-receipt.service';
import { ReturnReceipt } from './return-receipt.type';

@Resolver(() => ReturnReceipt)
export class ReturnReceiptResolver {
  @RequiresScopes('inventory:read')
  @Query(() => ReturnReceipt, {
    nullable: true,
    description:
      "A return's receipt at its warehouse; null until the return is routed, or when it is outside a channel-scoped " +
      "caller's channels.",
  })
  returnReceipt(@BoundedArg('returnId', () => ID, Bounds.id) returnId: string, @Ctx() ctx: InventoryContext) {
    return returnReceiptService.findByReturnId(ctx, returnId);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => ReturnReceipt, {
    description:
      'Books in a return parcel at the dock without a carrier scan: ROUTED becomes RECEIVED (return.received), and ' +
      'it waits for inspection. A DELIVERED scan of its return shipment does the same. CONFLICT (extensions.status) ' +
      "when already RECEIVED or INSPECTED; NOT_FOUND before it is routed; FORBIDDEN for another channel's return.",
  })
  receiveReturn(@BoundedArg('returnId', () => ID, Bounds.id) returnId: string, @Ctx() ctx: InventoryContext) {
    return returnReceiptService.receive(ctx, returnId);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => ReturnReceipt, {
    description:
      "Judges a RECEIVED return's units, every line once: restocked units go on hand at its warehouse (RETURN in " +
      'the ledger) and are offered to waiting orders at once; refurbished and scrapped ones are recorded on the ' +
      'receipt only. One transaction with return.inspected. BAD_USER_INPUT lists every problem (counts must sum to ' +
      "the line's units); CONFLICT (extensions.status) unless RECEIVED, so a repeat changes nothing.",
  })
  inspectReturn(
    @BoundedArg('input', () => InspectReturnInput, inspectReturnBound) input: InspectReturnInput,
    @Ctx() ctx: InventoryContext,
  ) {
    return returnReceiptService.inspect(ctx, input);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => ReturnReceipt, {
    description:
      'Units of an INSPECTED return come out of refurbishment: mended ones go on hand at its warehouse (RETURN in ' +
      'the ledger) and are offered to waiting orders at once, the others are scrapped; any number of times until ' +
      'every refurbished unit is accounted for. BAD_USER_INPUT lists every problem (more units than a line has in ' +
      'refurbishment, an unknown line); CONFLICT (extensions.status) before inspection; FORBIDDEN for another ' +
      "channel's return.",
  })
  completeRefurbishment(
    @BoundedArg('input', () => CompleteRefurbishmentInput, completeRefurbishmentBound)
    input: CompleteRefurbishmentInput,
    @Ctx() ctx: InventoryContext,
  ) {
    return returnReceiptService.completeRefurbishment(ctx, input);
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse that receives the return.' })
  warehouse(@Root() receipt: ReturnReceipt, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, receipt.warehouseId);
  }
}
