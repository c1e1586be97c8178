import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { productService } from '../../product/product.service';
import { Product } from '../../product/product.type';
import { warehouseService } from '../../warehouse/warehouse.service';
import { Warehouse } from '../../warehouse/warehouse.type';
import {
  TransferFilter,
  TransferStockInput,
  transferFilterBound,
  transferStockBound,
  transferUnitsBound,
} from './transfer.input';
import { transferService } from './transfer.service';
import { StockTransfer, StockTransferConnection } from './transfer.type';

@Resolver(() => StockTransfer)
export class StockTransferResolver {
  @RequiresScopes('inventory:write')
  @Mutation(() => StockTransfer, {
    description:
      "Sends units from one warehouse to another: they leave the source's on-hand stock at once (TRANSFER_OUT in " +
      'the ledger) and are in transit, available at neither end, until received. Takes only available units (never ' +
      'reserved ones, the safety stock only with allowBelowSafetyStock); CONFLICT when the source cannot spare them.',
  })
  transferStock(
    @BoundedArg('input', () => TransferStockInput, transferStockBound) input: TransferStockInput,
    @Ctx() ctx: InventoryContext,
  ) {
    return transferService.send(ctx, input);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => StockTransfer, {
    description:
      'Units of a transfer arrived: on hand at the destination (TRANSFER_IN), offered to waiting orders at once. ' +
      'quantity defaults to all still on the way; fewer leave the transfer IN_TRANSIT for the rest. CONFLICT ' +
      '(extensions.status) for a transfer already RECEIVED or CANCELLED: a repeated receipt changes nothing.',
  })
  receiveTransfer(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('quantity', () => Int, transferUnitsBound, {
      nullable: true,
      description: 'Units that arrived; at most those on the way. Default: all of them.',
    })
    quantity: number | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return transferService.receive(ctx, id, quantity ?? null);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => StockTransfer, {
    description:
      'Calls off what a transfer still has on the way: those units go back on hand at the source (TRANSFER_IN ' +
      'there); what arrived stays. Units lost on the way: cancel, then write them off with adjustStock at the ' +
      'source. CONFLICT (extensions.status) for a transfer already RECEIVED or CANCELLED.',
  })
  cancelTransfer(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('reason', () => String, Bounds.reason) reason: string,
    @Ctx() ctx: InventoryContext,
  ) {
    return transferService.cancel(ctx, id, reason);
  }

  @RequiresScopes('inventory:read')
  @Query(() => StockTransferConnection, { description: 'Transfers between warehouses, newest first.' })
  transfers(
    @BoundedArg('filter', () => TransferFilter, transferFilterBound, { nullable: true }) filter: TransferFilter | null,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return transferService.page(ctx, filter ?? {}, { first, after });
  }

  @RequiresScopes('inventory:read')
  @Query(() => StockTransfer, { nullable: true, description: 'A transfer by id; null when there is none.' })
  transfer(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: InventoryContext) {
    return transferService.findById(ctx, id);
  }

  @FieldResolver(() => Product)
  async product(@Root() transfer: StockTransfer, @Ctx() ctx: InventoryContext) {
    const product = await productService.findBySku(ctx, transfer.sku);
    if (!product) throw new Error(`product ${transfer.sku} referenced by transfer ${transfer.id} is missing`);
    return product;
  }

  @FieldResolver(() => Warehouse, { description: 'Where the units left.' })
  fromWarehouse(@Root() transfer: StockTransfer, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, transfer.fromWarehouseId);
  }

  @FieldResolver(() => Warehouse, { description: 'Where the units go.' })
  toWarehouse(@Root() transfer: StockTransfer, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, transfer.toWarehouseId);
  }
}
