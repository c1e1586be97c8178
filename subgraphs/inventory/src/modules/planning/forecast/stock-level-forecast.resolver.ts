import { BoundedArg, intBound, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { StockLevel } from '../../stock/stock-level.type';
import {
  daysOfCover,
  DEFAULT_FORECAST_DAYS,
  forecastService,
  MAX_FORECAST_DAYS,
  plannedUnits,
} from './forecast.service';

/** What the stored forecast says about one stock level: the figures a planner reads beside its stock. */
@Resolver(() => StockLevel)
export class StockLevelForecastResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      `Units planned to be demanded here over the next \`days\` days from today (UTC; default ` +
      `${DEFAULT_FORECAST_DAYS}): the forecast's points, planned promotions included. Null when never fitted.`,
  })
  async forecastDemand(
    @Root() level: StockLevel,
    @BoundedArg('days', () => Int, intBound({ min: 1, max: MAX_FORECAST_DAYS }), {
      defaultValue: DEFAULT_FORECAST_DAYS,
    })
    days: number,
    @Ctx() ctx: InventoryContext,
  ) {
    const planned = await forecastService.levelDays(ctx, level.sku, level.warehouseId);
    return planned && plannedUnits(planned, days);
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Days the available units last at the planned demand (promotions included), walked day by day from today ' +
      `and past the ${MAX_FORECAST_DAYS} forecast days at their mean; 0 when nothing is available. Null when never ` +
      'fitted or when no demand is planned.',
  })
  async daysOfCover(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    const planned = await forecastService.levelDays(ctx, level.sku, level.warehouseId);
    return planned && daysOfCover(planned, level.available);
  }
}
