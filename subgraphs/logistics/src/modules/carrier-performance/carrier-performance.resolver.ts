import { RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { Carrier } from '../carrier/carrier.type';
import { carrierPerformanceService } from './carrier-performance.service';
import { CarrierPerformance } from './carrier-performance.type';

@Resolver(() => Carrier)
export class CarrierPerformanceResolver {
  @RequiresScopes('logistics:read')
  @Query(() => [Carrier], { description: 'Every carrier, by code.' })
  carriers(@Ctx() ctx: LogisticsContext) {
    return carrierPerformanceService.carriers(ctx);
  }

  @RequiresScopes('logistics:read')
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The on-time rate carrier selection plans with: the rate card's figure counted as " +
      'LOGISTICS_CARRIER_PRIOR_WEIGHT shipments, blended with the observed record. Null for a carrier not on the ' +
      'rate card.',
  })
  onTimeRate(@Root() carrier: Carrier, @Ctx() ctx: LogisticsContext) {
    return carrierPerformanceService.onTimeRate(ctx, carrier.code);
  }

  @RequiresScopes('logistics:read')
  @FieldResolver(() => CarrierPerformance)
  performance(@Root() carrier: Carrier, @Ctx() ctx: LogisticsContext) {
    return carrierPerformanceService.performance(ctx, carrier.code);
  }
}
