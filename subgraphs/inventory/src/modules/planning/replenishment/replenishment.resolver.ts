import { BoundedArg, Bounds, intBound, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { productService } from '../../product/product.service';
import { Product } from '../../product/product.type';
import { warehouseService } from '../../warehouse/warehouse.service';
import { Warehouse } from '../../warehouse/warehouse.type';
import type { ReplenishmentPlan } from './replenishment-plan';
import {
  DEFAULT_HORIZON_DAYS,
  MAX_HORIZON_DAYS,
  MAX_SUGGESTIONS,
  replenishmentService,
  type ReplenishmentFilter,
} from './replenishment.service';
import { ReplenishmentSuggestion } from './replenishment.type';

const HORIZON = intBound({ min: 1, max: MAX_HORIZON_DAYS });
const FIRST = intBound({ min: 1, max: MAX_SUGGESTIONS });

// The arguments both fields take, declared once so the list and its CSV always agree.
const WarehouseArg = BoundedArg('warehouseId', () => ID, Bounds.id, {
  nullable: true,
  description: 'Only this warehouse.',
});
const SkuArg = BoundedArg('sku', () => ID, Bounds.sku, { nullable: true, description: 'Only this product.' });
const HorizonArg = BoundedArg('horizonDays', () => Int, HORIZON, {
  nullable: true,
  defaultValue: DEFAULT_HORIZON_DAYS,
  description: 'Days from today (UTC) in which the position reaching the reorder point makes a suggestion.',
});
const FirstArg = BoundedArg('first', () => Int, FIRST, {
  nullable: true,
  description: 'Only the most urgent this many; every suggestion without it.',
});

const filterOf = (
  warehouseId: string | null,
  sku: string | null,
  horizonDays: number | null,
  first: number | null,
): ReplenishmentFilter => ({
  warehouseId: warehouseId ?? null,
  sku: sku ?? null,
  horizonDays: horizonDays ?? null,
  first: first ?? null,
});

const RULE =
  'Each stock level the filters match is projected day by day (on hand - reserved + inbound in transit - the ' +
  "forecast with planned promotions' uplift); when the position reaches the reorder point within the horizon, " +
  'the suggestion orders it up to safety stock + planned demand over lead time + review period.';

@Resolver(() => ReplenishmentSuggestion)
export class ReplenishmentResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [ReplenishmentSuggestion], {
    description: `What to order (or produce), how much and by when, most urgent first. ${RULE}`,
  })
  replenishmentSuggestions(
    @WarehouseArg warehouseId: string | null,
    @SkuArg sku: string | null,
    @HorizonArg horizonDays: number | null,
    @FirstArg first: number | null,
    @Ctx() ctx: InventoryContext,
  ): Promise<ReplenishmentPlan[]> {
    return replenishmentService.suggestions(ctx, filterOf(warehouseId, sku, horizonDays, first));
  }

  @RequiresScopes('inventory:read')
  @Query(() => String, {
    description:
      'replenishmentSuggestions as CSV text (RFC 4180, a header row, CRLF line ends): one row per suggestion, ' +
      'columns named as the fields with the inputs flattened, plus productName and warehouseCode.',
  })
  replenishmentSuggestionsCsv(
    @WarehouseArg warehouseId: string | null,
    @SkuArg sku: string | null,
    @HorizonArg horizonDays: number | null,
    @FirstArg first: number | null,
    @Ctx() ctx: InventoryContext,
  ): Promise<string> {
    return replenishmentService.csv(ctx, filterOf(warehouseId, sku, horizonDays, first));
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() suggestion: ReplenishmentSuggestion, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, suggestion.warehouseId);
  }

  @FieldResolver(() => Product)
  async product(@Root() suggestion: ReplenishmentSuggestion, @Ctx() ctx: InventoryContext) {
    const product = await productService.findBySku(ctx, suggestion.sku);
    // The stock level's foreign key guarantees it: a miss is a bug, shown as INTERNAL.
    if (!product) throw new Error(`product ${suggestion.sku} of a stock level is missing`);
    return product;
  }
}
