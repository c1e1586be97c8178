import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { StockLevel } from '../../stock/stock-level.type';
import type { PlanningTargetsDetail } from './planning-targets';
import { SafetyStockChange, SafetyStockSourceKind } from './safety-stock.type';

/** A stock level's planning figures: where its safety stock comes from, its reorder point and policy, and why. */
@Resolver(() => StockLevel)
export class StockLevelPlanningResolver {
  private async targets(level: StockLevel, ctx: InventoryContext): Promise<PlanningTargetsDetail> {
    const found = await ctx.loaders.planningTargets.load({ sku: level.sku, warehouseId: level.warehouseId });
    if (!found) throw new Error(`stock level ${level.sku} at ${level.warehouseId} has no planning targets`);
    return found;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => SafetyStockSourceKind, {
    description: "FIXED: the operator's number; DYNAMIC: computed from the forecast error (see SafetyStockSource).",
  })
  async safetyStockSource(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await this.targets(level, ctx)).source;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, {
    description: "The operator's fixed safety stock: the level's safety stock while FIXED, and what it returns to.",
  })
  async fixedSafetyStock(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await this.targets(level, ctx)).fixedSafetyStock;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, {
    description:
      'Order more when on hand less reserved plus inbound falls to this: the planned demand over the lead time ' +
      '(forecast x promotions, from today, rounded up) plus the safety stock.',
  })
  async reorderPoint(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await this.targets(level, ctx)).reorderPoint;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, { description: 'Days from ordering (or producing) to units on the shelf.' })
  async leadTimeDays(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await this.targets(level, ctx)).leadTimeDays;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, { description: 'Days between two looks at the level: a replenishment covers them too.' })
  async reviewDays(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await this.targets(level, ctx)).reviewDays;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Float, {
    description: 'The share of lead times that should pass without a stockout; dynamic safety stock is sized for it.',
  })
  async serviceLevel(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await this.targets(level, ctx)).serviceLevel;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => [SafetyStockChange], {
    description: "The level's latest safety-stock changes, newest first, each with the inputs it was computed from.",
  })
  safetyStockChanges(
    @Root() level: StockLevel,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 10 }) first: number,
    @Ctx() ctx: InventoryContext,
  ) {
    return ctx.loaders.safetyStockChanges.load({ sku: level.sku, warehouseId: level.warehouseId, first });
  }
}
