import { buildFederatedSchema, scalarsMap } from '@supply-graph/shared';
import type { InventoryContext } from './context';
import { StockAlertResolver } from './modules/alerts/stock-alert.resolver';
import { AllocationResolver } from './modules/allocation/allocation.resolver';
import { OrderAllocationsResolver } from './modules/allocation/order-allocations.resolver';
import { OrderRef } from './modules/allocation/order-ref.type';
import { StockLedgerResolver } from './modules/ledger/stock-ledger.resolver';
import { ProductDemandResolver } from './modules/planning/demand/product-demand.resolver';
import { ForecastRefitResolver } from './modules/planning/forecast/forecast-refit.resolver';
import { ProductForecastResolver } from './modules/planning/forecast/product-forecast.resolver';
import { StockLevelForecastResolver } from './modules/planning/forecast/stock-level-forecast.resolver';
import { ProductPromotionsResolver } from './modules/planning/promotion/product-promotions.resolver';
import { PromotionResolver } from './modules/planning/promotion/promotion.resolver';
import { PlanningPolicyResolver } from './modules/planning/safety-stock/planning-policy.resolver';
import { StockLevelPlanningResolver } from './modules/planning/safety-stock/stock-level-planning.resolver';
import { PlanningKpiResolver, ProductPlanningKpiResolver } from './modules/planning/kpi/planning-kpi.resolver';
import { StockLevelTransitResolver } from './modules/planning/transfer/stock-level-transit.resolver';
import { StockTransferResolver } from './modules/planning/transfer/transfer.resolver';
import { TransferSuggestionResolver } from './modules/planning/transfer/transfer-suggestion.resolver';
import { ReplenishmentResolver } from './modules/planning/replenishment/replenishment.resolver';
import {
  PackagingResolver,
  ProductDimensionsResolver,
  WarehouseBoxesResolver,
} from './modules/packing/packaging.resolver';
import { PresaleStockResolver } from './modules/presale/presale-stock.resolver';
import { ProductPresaleResolver } from './modules/presale/product-presale.resolver';
import { ProductResolver } from './modules/product/product.resolver';
import { productService } from './modules/product/product.service';
import { ChannelPriorityResolver } from './modules/quota/channel-priority.resolver';
import { ChannelQuotaResolver } from './modules/quota/channel-quota.resolver';
import { OrderBackorderResolver } from './modules/quota/order-backorder.resolver';
import { ReturnReceiptResolver } from './modules/returns/return-receipt.resolver';
import { ReturnRef } from './modules/returns/return-receipt.type';
import { ReturnRefResolver } from './modules/returns/return-ref.resolver';
import { StockLevelResolver } from './modules/stock/stock-level.resolver';
import { WarehouseResolver } from './modules/warehouse/warehouse.resolver';
import { warehouseService } from './modules/warehouse/warehouse.service';

export function buildInventorySchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        WarehouseResolver,
        ProductResolver,
        StockLevelResolver,
        AllocationResolver,
        OrderAllocationsResolver,
        ChannelQuotaResolver,
        ChannelPriorityResolver,
        OrderBackorderResolver,
        PresaleStockResolver,
        ProductPresaleResolver,
        StockLedgerResolver,
        StockAlertResolver,
        ProductDemandResolver,
        ProductForecastResolver,
        StockLevelForecastResolver,
        ForecastRefitResolver,
        PromotionResolver,
        ProductPromotionsResolver,
        PlanningPolicyResolver,
        StockLevelPlanningResolver,
        PlanningKpiResolver,
        ProductPlanningKpiResolver,
        StockTransferResolver,
        StockLevelTransitResolver,
        TransferSuggestionResolver,
        ReplenishmentResolver,
        ReturnReceiptResolver,
        ReturnRefResolver,
        PackagingResolver,
        ProductDimensionsResolver,
        WarehouseBoxesResolver,
      ],
      // Order and Return are reachable only through `_entities`, so type-graphql must be told to emit them.
      orphanedTypes: [OrderRef, ReturnRef],
      scalarsMap,
    },
    {
      Warehouse: {
        __resolveReference: (ref: { id: string }, ctx: InventoryContext) => warehouseService.findById(ctx, ref.id),
      },
      Product: {
        __resolveReference: (ref: { sku: string }, ctx: InventoryContext) => productService.findBySku(ctx, ref.sku),
      },
      // Orders live in the orders subgraph; the key is all `allocations` needs, so no SQL here.
      Order: {
        __resolveReference: (ref: { id: string }): OrderRef => ({ id: ref.id }),
      },
      // Returns live in the orders subgraph; `warehouse` and `receipt` read the receipt through the loader.
      Return: {
        __resolveReference: (ref: { id: string }): ReturnRef => ({ id: ref.id }),
      },
    },
  );
}
