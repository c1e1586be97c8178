import { BoundedArg, Bounds, intBound, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { Product } from '../../product/product.type';
import { DEFAULT_FORECAST_DAYS, forecastService, MAX_FORECAST_DAYS } from './forecast.service';
import { ProductForecast } from './forecast.type';

@Resolver(() => Product)
export class ProductForecastResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => ProductForecast, {
    nullable: true,
    description:
      `The product's demand forecast for the next \`days\` days from today (UTC; default ${DEFAULT_FORECAST_DAYS}), ` +
      'at `warehouseId` or, without it, summed over the warehouses that stock it; planned promotions included. ' +
      'Null when never fitted, and for callers scoped to channels (a forecast sums every channel).',
  })
  forecast(
    @Root() product: Product,
    @BoundedArg('warehouseId', () => ID, Bounds.id, { nullable: true }) warehouseId: string | null,
    @BoundedArg('days', () => Int, intBound({ min: 1, max: MAX_FORECAST_DAYS }), {
      defaultValue: DEFAULT_FORECAST_DAYS,
    })
    days: number,
    @Ctx() ctx: InventoryContext,
  ) {
    return forecastService.productForecast(ctx, product.sku, warehouseId ?? null, days);
  }
}
