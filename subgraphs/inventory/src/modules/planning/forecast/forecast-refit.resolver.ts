import { BoundedArg, Bounds, listBound, RequiresScopes } from '@supply-graph/shared';
import { Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { forecastRefitService } from './forecast-refit-request.service';
import { ForecastRefit } from './forecast.type';

/** SKUs one `refitForecasts` may name; all of them: leave the list out. */
export const MAX_REFIT_SKUS = 1000;

@Resolver()
export class ForecastRefitResolver {
  @RequiresScopes('inventory:write')
  @Mutation(() => ForecastRefit, {
    description:
      "Refits the stored demand forecasts now, of every stock level or of the given SKUs' (others keep theirs), " +
      'from the demand history up to yesterday; scheduled refits run besides (INVENTORY_FORECAST_REFIT_HOURS). ' +
      'One refit runs at a time: a call made during another waits its turn; the same call again joins the running ' +
      'one. Answers when the refit is done, or, for a refit longer than the request may take, shortly before the ' +
      'deadline with status RUNNING: the refit carries on, and its forecasts land with the `fittedAt` given ' +
      '(`Product.forecast.fittedAt` shows when).',
  })
  refitForecasts(
    @BoundedArg('skus', () => [ID], listBound(MAX_REFIT_SKUS, Bounds.sku), { nullable: true }) skus: string[] | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return forecastRefitService.refitNow(ctx, skus ?? null);
  }
}
