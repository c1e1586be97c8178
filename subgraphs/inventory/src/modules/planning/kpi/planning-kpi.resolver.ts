import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { Product } from '../../product/product.type';
import { warehouseService } from '../../warehouse/warehouse.service';
import { Warehouse } from '../../warehouse/warehouse.type';
import { MAX_KPI_DAYS, planningKpiService } from './planning-kpi.service';
import { PlanningKpi } from './planning-kpi.type';

const RANGE =
  `UTC days \`from\` to \`to\` (YYYY-MM-DD, both included; \`to\` not after today; at most ${MAX_KPI_DAYS} days; ` +
  'BAD_USER_INPUT otherwise)';

@Resolver(() => PlanningKpi)
export class PlanningKpiResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [PlanningKpi], {
    description:
      `Planning KPIs (inventory turnover, stock-out rate, forecast accuracy) over the ${RANGE}: one entry per ` +
      'warehouse, by code, then one for the whole network (warehouseId null). `channel` narrows the demand and ' +
      "stock-out figures; a channel-scoped caller's count its channels only.",
  })
  warehouseKpis(
    @BoundedArg('from', () => String, Bounds.code) from: string,
    @BoundedArg('to', () => String, Bounds.code) to: string,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return planningKpiService.byWarehouse(ctx, from, to, channel ?? null);
  }

  @FieldResolver(() => Warehouse, { nullable: true, description: 'The warehouse; null for network-wide figures.' })
  warehouse(@Root() kpi: PlanningKpi, @Ctx() ctx: InventoryContext) {
    return kpi.warehouseId === null ? null : warehouseService.findById(ctx, kpi.warehouseId);
  }
}

@Resolver(() => Product)
export class ProductPlanningKpiResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => PlanningKpi, {
    description:
      `The product's planning KPIs over the ${RANGE}, at one warehouse or all of them. \`channel\` narrows the ` +
      "demand and stock-out figures; a channel-scoped caller's count its channels only.",
  })
  planningKpi(
    @Root() product: Product,
    @BoundedArg('from', () => String, Bounds.code) from: string,
    @BoundedArg('to', () => String, Bounds.code) to: string,
    @BoundedArg('warehouseId', () => ID, Bounds.id, { nullable: true }) warehouseId: string | null,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return planningKpiService.forProduct(ctx, product.sku, {
      from,
      to,
      warehouseId: warehouseId ?? null,
      channel: channel ?? null,
    });
  }
}
