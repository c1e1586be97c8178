import { BoundedArg, Bounds, listBound, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, Float, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PLANNING_LIMITS } from '../../../config';
import type { InventoryContext } from '../../../context';
import { planningPolicyService } from './planning-policy.service';
import { recomputeSafetyStock } from './safety-stock-recompute';
import { PlanningPolicyOverride, SafetyStockChange, SetPlanningPolicyPayload } from './safety-stock.type';

/** SKUs one recompute call may name: every level of all SKUs is the background job's. */
export const MAX_RECOMPUTE_SKUS = 100;

const range = (r: { min: number; max: number }) => `${r.min}..${r.max}; null inherits.`;

@Resolver()
export class PlanningPolicyResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [PlanningPolicyOverride], {
    description: "Operators' planning overrides of one warehouse (or all): the warehouse's own first, then by SKU.",
  })
  planningPolicies(
    @BoundedArg('warehouseId', () => ID, Bounds.id, { nullable: true }) warehouseId: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return planningPolicyService.list(ctx, warehouseId ?? null);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => SetPlanningPolicyPayload, {
    description:
      "Overrides the configured lead time, review period and service level for a warehouse (sku omitted) or one SKU's " +
      'level there; the figures given replace the override, null ones inherit, all null removes it. The safety ' +
      'stock of every level it reaches is recomputed at once (units a lower one frees go to waiting orders).',
  })
  setPlanningPolicy(
    @BoundedArg('warehouseId', () => ID, Bounds.id) warehouseId: string,
    @BoundedArg('sku', () => ID, Bounds.sku, { nullable: true }) sku: string | null,
    @Arg('leadTimeDays', () => Int, { nullable: true, description: range(PLANNING_LIMITS.leadTimeDays) })
    leadTimeDays: number | null,
    @Arg('reviewDays', () => Int, { nullable: true, description: range(PLANNING_LIMITS.reviewDays) })
    reviewDays: number | null,
    @Arg('serviceLevel', () => Float, { nullable: true, description: range(PLANNING_LIMITS.serviceLevel) })
    serviceLevel: number | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return planningPolicyService.set(ctx, {
      warehouseId,
      sku: sku ?? null,
      leadTimeDays: leadTimeDays ?? null,
      reviewDays: reviewDays ?? null,
      serviceLevel: serviceLevel ?? null,
    });
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => [SafetyStockChange], {
    description:
      "Recomputes these SKUs' safety stocks now (the background job does every level hourly and after a refit); " +
      'returns the changes it made. Unknown SKUs change nothing.',
  })
  async recomputeSafetyStock(
    @BoundedArg('skus', () => [ID], listBound(MAX_RECOMPUTE_SKUS, Bounds.sku)) skus: string[],
    @Ctx() ctx: InventoryContext,
  ) {
    const changes = await recomputeSafetyStock(ctx, { skus, reason: `recompute asked by ${ctx.principal.sub}` });
    ctx.loaders.stockLevelsBySku.clearAll();
    ctx.loaders.planningTargets.clearAll();
    return changes;
  }
}
