/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ApiClientsCreate($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { id clientId scopes channels disabledAt } }\n  }\n": typeof types.ApiClientsCreateDocument,
    "query ApiClientsList { apiClients { clientId name trustedDocumentsOnly } }": typeof types.ApiClientsListDocument,
    "query ApiClientsViewer { viewer { sub scopes channels } }": typeof types.ApiClientsViewerDocument,
    "mutation ApiClientsDisable($id: ID!) { disableApiClient(id: $id) { disabledAt } }": typeof types.ApiClientsDisableDocument,
    "subscription ApiClientsEvents { orderStatusChanged { eventId } }": typeof types.ApiClientsEventsDocument,
    "subscription ApiClientsWorkItems { workItemChanged { eventId change } }": typeof types.ApiClientsWorkItemsDocument,
    "\n  mutation AuditAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 3, reason: \"audit e2e count\") { onHand }\n  }\n": typeof types.AuditAdjustDocument,
    "mutation AuditCancel($id: ID!) { cancelOrder(id: $id) { id } }": typeof types.AuditCancelDocument,
    "\n  query Audit($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at actor action target channel requestId outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditDocument,
    "query PartnerOrders { orders(first: 100) { totalCount edges { node { channel { code } } } } }": typeof types.PartnerOrdersDocument,
    "query PartnerJdOrders { orders(filter: { channel: \"jd\" }) { totalCount } }": typeof types.PartnerJdOrdersDocument,
    "query PartnerOrder($id: ID!) { order(id: $id) { id } }": typeof types.PartnerOrderDocument,
    "query PartnerChannels { channels { code } }": typeof types.PartnerChannelsDocument,
    "\n  query PartnerCustomerView($id: ID!) {\n    customer(id: $id) {\n      name email phone\n      orders(first: 50) { totalCount edges { node { channel { code } } } }\n      stats { orderCount channels }\n    }\n  }\n": typeof types.PartnerCustomerViewDocument,
    "query PartnerCustomer($id: ID!) { customer(id: $id) { id } }": typeof types.PartnerCustomerDocument,
    "query PartnerCustomerCount { customers(first: 1) { totalCount } }": typeof types.PartnerCustomerCountDocument,
    "\n  query PartnerShipments($id: ID!) { customer(id: $id) { shipments(first: 100) { id order { channel { code } } } } }\n": typeof types.PartnerShipmentsDocument,
    "query PartnerShipmentIds($id: ID!) { customer(id: $id) { shipments(first: 100) { id } } }": typeof types.PartnerShipmentIdsDocument,
    "\n  query PartnerParcel($id: ID!, $n: String!) {\n    shipment(id: $id) { id }\n    shipmentByTracking(carrier: \"sf\", trackingNumber: $n) { id }\n  }\n": typeof types.PartnerParcelDocument,
    "\n  subscription PartnerEvents($channel: String) {\n    orderStatusChanged(channel: $channel) { eventId to order { id channel { code } customer { name email } } }\n  }\n": typeof types.PartnerEventsDocument,
    "\n  mutation PartnerImportJd($p: JSON!) { importChannelOrder(channel: \"jd\", payload: $p) { created } }\n": typeof types.PartnerImportJdDocument,
    "\n  mutation PartnerRegisterWebhook($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n": typeof types.PartnerRegisterWebhookDocument,
    "query PartnerWebhook($id: ID!) { webhook(id: $id) { id } }": typeof types.PartnerWebhookDocument,
    "\n  query PartnerTrail($actor: String) {\n    auditEvents(first: 100, filter: { actor: $actor }) { edges { node { actor action outcome channel } } }\n  }\n": typeof types.PartnerTrailDocument,
    "query IdentityViewer { viewer { sub scopes channels } }": typeof types.IdentityViewerDocument,
    "\n  query IdentityOrdersWithCustomers { orders(first: 2) { edges { node { id status customer { id } } } } }\n": typeof types.IdentityOrdersWithCustomersDocument,
    "query LimitsFirstCustomer { customers(first: 1) { edges { node { id } } } }": typeof types.LimitsFirstCustomerDocument,
    "\n  query LimitsCancelsInTrail {\n    auditEvents(first: 50, filter: { action: \"cancelOrder\" }) { edges { node { actor action outcome } } }\n  }\n": typeof types.LimitsCancelsInTrailDocument,
    "\n  query BadInputFullPages($id: ID!) {\n    customers(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    customer(id: $id) { orders(first: 100) { totalCount edges { node { id } } } shipments(first: 100) { id } }\n  }\n": typeof types.BadInputFullPagesDocument,
    "\n  query BadInputOrderBothWays($id: ID!, $c: String!, $x: String!) {\n    order(id: $id) { id }\n    orderByExternalId(channel: $c, externalId: $x) { id }\n  }\n": typeof types.BadInputOrderBothWaysDocument,
    "\n  mutation PayloadsImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n": typeof types.PayloadsImportDocument,
    "\n  mutation PayloadsBatch($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n": typeof types.PayloadsBatchDocument,
    "\n  query PayloadsQuality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) { received accepted duplicates rejected }\n  }\n": typeof types.PayloadsQualityDocument,
    "\n  query PayloadsRejections($channel: String) {\n    recentRejections(channel: $channel, first: 1) { externalId problems { field message } }\n  }\n": typeof types.PayloadsRejectionsDocument,
    "\n  query CorpusEverySubgraph {\n    channels { code }\n    warehouses { id }\n    customers(first: 1) { totalCount }\n    shipment(id: \"00000000-0000-4000-8000-000000000000\") { id }\n  }\n": typeof types.CorpusEverySubgraphDocument,
    "\n  mutation RejectedMalformedTmall { importChannelOrder(channel: \"tmall\", payload: { tid: \"123\" }) { created } }\n": typeof types.RejectedMalformedTmallDocument,
    "\n  mutation RejectedUnknownChannel { importChannelOrder(channel: \"ebay\", payload: {}) { created } }\n": typeof types.RejectedUnknownChannelDocument,
    "\n  mutation RejectedCancel($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id status } }\n": typeof types.RejectedCancelDocument,
    "\n  mutation RejectedAdjust($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand }\n  }\n": typeof types.RejectedAdjustDocument,
    "\n  subscription ClusterLive($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) { eventId to order { id customer { id } } }\n  }\n": typeof types.ClusterLiveDocument,
    "\n  query RestartRead { customers(first: 3) { totalCount edges { node { name orders(first: 2) { totalCount } } } } }\n": typeof types.RestartReadDocument,
    "\n  query ClusterCacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku available } } }\n  }\n": typeof types.ClusterCacheOrderProductsDocument,
    "query ClusterPoisonOrder($id: ID!) { order(id: $id) { status statusHistory { to reason } } }": typeof types.ClusterPoisonOrderDocument,
    "\n  query ClusterPoisonParked { parkedEvents(service: \"inventory\") { id consumer orderId attempts status } }\n": typeof types.ClusterPoisonParkedDocument,
    "mutation ClusterPoisonRetry($id: ID!) { retryParkedEvent(id: $id) { status } }": typeof types.ClusterPoisonRetryDocument,
    "\n  query CacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku name available } } }\n  }\n": typeof types.CacheOrderProductsDocument,
    "\n  query CacheOrderBuyer($id: ID!) {\n    order(id: $id) { id customer { id name email } }\n  }\n": typeof types.CacheOrderBuyerDocument,
    "\n  mutation CacheAdjust($sku: ID!, $w: ID!, $delta: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: \"entity cache e2e\") { onHand }\n  }\n": typeof types.CacheAdjustDocument,
    "\n  fragment CustomerStatsFields on Customer {\n    id\n    stats {\n      orderCount firstOrderAt lastOrderAt channels\n      lifetimeValue { amount currency } averageOrderValue { amount currency }\n      lifetimeValueByCurrency { amount currency }\n    }\n  }\n": typeof types.CustomerStatsFieldsFragmentDoc,
    "query CustomerStatsOf($id: ID!) { customer(id: $id) { ...CustomerStatsFields } }": typeof types.CustomerStatsOfDocument,
    "\n  query DegradedOrder($id: ID!) {\n    order(id: $id) { id status customer { name } lines { sku product { name } } allocations { sku } shipments { id } }\n  }\n": typeof types.DegradedOrderDocument,
    "\n  query DownOrderWithProducts($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      customer { name }\n      lines { sku quantity product { name } }\n    }\n  }\n": typeof types.DownOrderWithProductsDocument,
    "\n  query DownWarehousesAndCustomers { warehouses { code } customers(first: 2) { totalCount } }\n": typeof types.DownWarehousesAndCustomersDocument,
    "\n  query DownProductAndCustomers($sku: ID!) { product(sku: $sku) { name } customers(first: 2) { totalCount } }\n": typeof types.DownProductAndCustomersDocument,
    "query DownOrderAndCustomer($id: ID!) { order(id: $id) { status customer { name } } }": typeof types.DownOrderAndCustomerDocument,
    "\n  query CarrierLoopShipments($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } warehouse { code } } }\n  }\n": typeof types.CarrierLoopShipmentsDocument,
    "\n  query CarrierLoopExceptions {\n    workItems(filter: { kind: [\"LOGISTICS_EXCEPTION\"] }, first: 100) { edges { node { id subjectId } } }\n  }\n": typeof types.CarrierLoopExceptionsDocument,
    "\n  query CarrierLoopItem($id: ID!) {\n    workItem(id: $id) { id kind status assignee carrier subjectType shipment { id status } }\n  }\n": typeof types.CarrierLoopItemDocument,
    "\n  mutation CarrierLoopResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) { id status outcome cause resolvedBy }\n  }\n": typeof types.CarrierLoopResolveDocument,
    "\n  query CarrierLoopItemOutcome($id: ID!) { workItem(id: $id) { status outcome cause resolvedBy } }\n": typeof types.CarrierLoopItemOutcomeDocument,
    "\n  query CarrierLoopRecords {\n    carriers { code onTimeRate performance { delivered onTime carrierFaults observed observedOnTimeRate } }\n  }\n": typeof types.CarrierLoopRecordsDocument,
    "\n  query DeskCustomerValue($id: ID!) {\n    customer(id: $id) {\n      id name email guest\n      identities { channel externalId }\n      value {\n        tier recency frequency monetary { amount currency } rScore fScore mScore score\n        channelMix { channel orders share } firstOrderAt lastOrderAt\n      }\n    }\n  }\n": typeof types.DeskCustomerValueDocument,
    "\n  query DeskCustomersByTier($tier: CustomerTier, $search: String) {\n    customers(tier: $tier, search: $search, first: 5) { totalCount edges { node { id value { tier } } } }\n  }\n": typeof types.DeskCustomersByTierDocument,
    "\n  mutation DeskImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n": typeof types.DeskImportDocument,
    "\n  query DeskIntakeFlags($since: DateTime) { intakeQuality(since: $since) { channel accepted flagsByCode { flag count } } }\n": typeof types.DeskIntakeFlagsDocument,
    "\n  mutation DeskUpsertOperator($input: OperatorInput!) { upsertOperator(input: $input) { sub skills capacity openItems } }\n": typeof types.DeskUpsertOperatorDocument,
    "query PackagingOrder($id: ID!) { order(id: $id) { status shipments { id } } }": typeof types.PackagingOrderDocument,
    "\n  query PackagingShipment($id: ID!) {\n    shipment(id: $id) {\n      carbonKg carrier { mode } warehouse { id code latitude longitude boxes { code lengthMm widthMm heightMm tareGrams maxWeightGrams isDefault } }\n      packages { packageNo boxCode lengthMm widthMm heightMm weightGrams itemsVolumeCm3 boxVolumeCm3 defaultBoxVolumeCm3 voidFill\n        assumedDimensions items { sku quantity } }\n    }\n  }\n": typeof types.PackagingShipmentDocument,
    "\n  query PackagingProducts($a: ID!, $b: ID!) {\n    a: product(sku: $a) { ...PackedProduct }\n    b: product(sku: $b) { ...PackedProduct }\n  }\n  fragment PackedProduct on Product { sku weightGrams dimensions { lengthMm widthMm heightMm volumeCm3 } }\n": typeof types.PackagingProductsDocument,
    "\n  query PackagingKpis($warehouseId: ID!, $from: String!, $to: String!) {\n    packagingKpis(warehouseId: $warehouseId, from: $from, to: $to) {\n      shipmentsPacked packages boxVolumeCm3 defaultBoxVolumeCm3 voidFill voidFillWithDefaultBox volumeSavedCm3\n    }\n  }\n": typeof types.PackagingKpisDocument,
    "\n  mutation PackagingSetBoxes($warehouseId: ID!, $boxes: [BoxInput!]!) {\n    setWarehouseBoxes(input: { warehouseId: $warehouseId, boxes: $boxes }) { code volumeCm3 isDefault }\n  }\n": typeof types.PackagingSetBoxesDocument,
    "\n  query PackagingTrail { auditEvents(first: 20, filter: { action: \"setWarehouseBoxes\" }) { edges { node { action target outcome } } } }\n": typeof types.PackagingTrailDocument,
    "\n  query FulfilmentOrder($id: ID!) {\n    order(id: $id) {\n      status returnState total { amount } refunded { amount currency }\n      lines { sku quantity unitPrice { amount } returnedQuantity }\n      shipments { id direction }\n      returnShipments: shipments(direction: RETURN) {\n        id trackingNumber direction returnId status carrier { code } warehouse { code }\n      }\n    }\n  }\n": typeof types.FulfilmentOrderDocument,
    "\n  query FulfilmentReturn($id: ID!) {\n    return(id: $id) {\n      status refund { amount } shippingRefund { amount }\n      lines { lineNo sku quantity restocked refurbished scrapped refund { amount } }\n      history { to }\n    }\n  }\n": typeof types.FulfilmentReturnDocument,
    "\n  query ReturnsReceipt($id: ID!) {\n    returnReceipt(returnId: $id) { status receivedAt routingReason warehouse { id code } }\n  }\n": typeof types.ReturnsReceiptDocument,
    "\n  mutation ReturnsInspect($input: InspectReturnInput!) {\n    inspectReturn(input: $input) { status lines { lineNo sku restocked refurbished scrapped } }\n  }\n": typeof types.ReturnsInspectDocument,
    "\n  mutation ReturnsRefurbished($input: CompleteRefurbishmentInput!) {\n    completeRefurbishment(input: $input) { lines { lineNo refurbished refurbishedRestocked refurbishedScrapped } }\n  }\n": typeof types.ReturnsRefurbishedDocument,
    "\n  query FulfilmentAudit($target: String) {\n    auditEvents(first: 10, filter: { target: $target }) { edges { node { action target channel outcome } } }\n  }\n": typeof types.FulfilmentAuditDocument,
    "\n  query FulfilmentBuyerValue($id: ID!) {\n    order(id: $id) { customer { value { frequency monetary { amount currency } } } }\n  }\n": typeof types.FulfilmentBuyerValueDocument,
    "\n  query ReturnsLedger($sku: ID) { stockLedgerCheck(sku: $sku) { sku onHand ledgerOnHand } }\n": typeof types.ReturnsLedgerDocument,
    "\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) {\n      status returnState lines { sku quantity returnedQuantity }\n    }\n  }\n": typeof types.ReturnsOrderDocument,
    "\n  mutation ReturnsAuthorise($id: ID!) { authoriseReturn(id: $id) { id status authorisedAt } }\n": typeof types.ReturnsAuthoriseDocument,
    "\n  query ReturnsList($filter: ReturnFilter) {\n    returns(first: 10, filter: $filter) { totalCount edges { node { id status reason order { id returnState } } } }\n  }\n": typeof types.ReturnsListDocument,
    "\n  query ReturnsOne($id: ID!) { return(id: $id) { id status } }\n": typeof types.ReturnsOneDocument,
    "\n  query ReturnsKpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    returnKpis(from: $from, to: $to, channel: $channel) {\n      unitsSold unitsReturned returnRate byReason { key unitsReturned }\n    }\n  }\n": typeof types.ReturnsKpisDocument,
    "\n  query ReturnsAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n": typeof types.ReturnsAuditDocument,
    "\n  mutation ReturnsImport($channel: String!, $payload: JSON!) {\n    importChannelReturn(channel: $channel, payload: $payload) { created return { id status source externalId } }\n  }\n": typeof types.ReturnsImportDocument,
    "\n  mutation ReturnsRequest($input: RequestReturnInput!) {\n    requestReturn(input: $input) { id status reason lines { lineNo sku quantity } }\n  }\n": typeof types.ReturnsRequestDocument,
    "\n  query ReturnsOutboundParcels($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } } }\n  }\n": typeof types.ReturnsOutboundParcelsDocument,
    "\n  query DeskItems($filter: WorkItemFilter) {\n    workItems(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind status priority assignee channel carrier subjectType subjectId orderId summary checklist dueAt overdue\n          outcome cause resolvedBy facts { name value }\n          order { id status riskScore }\n          shipment { id status }\n        }\n      }\n    }\n  }\n": typeof types.DeskItemsDocument,
    "\n  mutation DeskResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) {\n      id status outcome cause resolvedBy history { change actor note }\n    }\n  }\n": typeof types.DeskResolveDocument,
    "\n  query DeskPrecision($from: DateTime!) { riskRulePrecision(from: $from) { ruleCode held legitimate fraudulent precision } }\n": typeof types.DeskPrecisionDocument,
    "\n  subscription DeskLive($kinds: [String!]) {\n    workItemChanged(kinds: $kinds) { eventId change workItem { id kind status assignee shipment { id } } }\n  }\n": typeof types.DeskLiveDocument,
    "\n  subscription DeskLiveAfter($kinds: [String!], $after: ID) {\n    workItemChanged(kinds: $kinds, after: $after) { eventId change workItem { id } }\n  }\n": typeof types.DeskLiveAfterDocument,
    "\n  mutation DeskComment($id: ID!, $text: String!) { commentWorkItem(id: $id, text: $text) { id } }\n": typeof types.DeskCommentDocument,
    "\n  mutation DeskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status riskScore riskFlags } } }\n": typeof types.DeskPlaceDocument,
    "\n  query DeskAudit($filter: AuditFilter) { auditEvents(filter: $filter, first: 20) { edges { node { actor action target outcome } } } }\n": typeof types.DeskAuditDocument,
    "\n  mutation GraphiqlRestock($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 100, reason: \"GraphiQL e2e\") { available }\n  }\n": typeof types.GraphiqlRestockDocument,
    "query GraphiqlWarehouses { warehouses { id } }": typeof types.GraphiqlWarehousesDocument,
    "fragment GraphiqlFound on Customer { name orders { totalCount } }": typeof types.GraphiqlFoundFragmentDoc,
    "\n  fragment GraphiqlStatusEvent on OrderStatusEvent { eventId from to order { id status customer { name } } }\n": typeof types.GraphiqlStatusEventFragmentDoc,
    "\n  mutation BatchImport($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n": typeof types.BatchImportDocument,
    "\n  mutation BatchImportOne($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { order { id } }\n  }\n": typeof types.BatchImportOneDocument,
    "\n  mutation QualityImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n": typeof types.QualityImportDocument,
    "\n  query Quality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) {\n      channel received accepted duplicates rejected repaired\n      repairsByRule { rule count } problemsByField { field count }\n    }\n  }\n": typeof types.QualityDocument,
    "\n  query QualityRejections($channel: String, $first: Int) {\n    recentRejections(channel: $channel, first: $first) {\n      id channel externalId receivedAt problems { field message } repairs { rule field from to }\n    }\n  }\n": typeof types.QualityRejectionsDocument,
    "\n  query Kpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    channelKpis(from: $from, to: $to, channel: $channel) {\n      channel { code } day orders revenue { amount currency } revenueByCurrency { amount currency }\n      shippedOrders processingHoursP50 processingHoursP90 fillRate deliveredOrders onTimeDeliveryRate\n    }\n  }\n": typeof types.KpisDocument,
    "\n  mutation PrioritySet($channel: String!, $priority: Int!) {\n    setChannelPriority(channel: $channel, priority: $priority) { channel priority isDefault }\n  }\n": typeof types.PrioritySetDocument,
    "\n  mutation PriorityRemove($channel: String!) { removeChannelPriority(channel: $channel) }\n": typeof types.PriorityRemoveDocument,
    "\n  query Priorities($channel: String) { channelPriorities(channel: $channel) { channel priority isDefault } }\n": typeof types.PrioritiesDocument,
    "\n  mutation PriorityAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n": typeof types.PriorityAdjustDocument,
    "\n  query PriorityOrder($id: ID!) { order(id: $id) { id backorderReason allocations { sku quantity } } }\n": typeof types.PriorityOrderDocument,
    "\n  query PriorityStockouts($sku: ID!, $day: String!) {\n    product(sku: $sku) {\n      planningKpi(from: $day, to: $day) { stockoutByChannel { channel unitsDemanded unitsShort } }\n    }\n  }\n": typeof types.PriorityStockoutsDocument,
    "\n  mutation QuotaSet($channel: String!, $sku: ID!, $maxUnits: Int, $maxShare: Float) {\n    setChannelQuota(channel: $channel, sku: $sku, maxUnits: $maxUnits, maxShare: $maxShare) {\n      channel sku maxUnits maxShare limit held remaining\n    }\n  }\n": typeof types.QuotaSetDocument,
    "\n  query Quotas($sku: ID) { channelQuotas(sku: $sku) { channel sku maxUnits maxShare limit held remaining } }\n": typeof types.QuotasDocument,
    "\n  query QuotaOrder($id: ID!) { order(id: $id) { id status backorderReason allocations { sku quantity } } }\n": typeof types.QuotaOrderDocument,
    "\n  query DemandHistory($sku: ID!, $from: String, $to: String) {\n    product(sku: $sku) {\n      demandHistory(from: $from, to: $to) { day warehouseId channel unitsDemanded unitsFulfilled unitsShort orders }\n    }\n  }\n": typeof types.DemandHistoryDocument,
    "\n  mutation ForecastRefit($skus: [ID!]) {\n    refitForecasts(skus: $skus) { status fitted byModel { model series } holdoutWape fittedAt durationMs }\n  }\n": typeof types.ForecastRefitDocument,
    "\n  query ProductForecast($sku: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(days: $days) {\n        warehouseId model level fittedAt holdoutWape errorSd days { date baseline point lower upper uplift }\n      }\n      stockLevels {\n        warehouse { id }\n        available\n        forecastDemand(days: $days)\n        daysOfCover\n      }\n    }\n  }\n": typeof types.ProductForecastDocument,
    "\n  query ProductForecastAt($sku: ID!, $warehouseId: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(warehouseId: $warehouseId, days: $days) { model fittedAt errorSd days { date point lower upper } }\n    }\n  }\n": typeof types.ProductForecastAtDocument,
    "\n  mutation PresaleAdjust($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { code } onHand reserved available\n    }\n  }\n": typeof types.PresaleAdjustDocument,
    "\n  query PresaleProduct($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { code } onHand reserved }\n      presaleStock { warehouse { code } onHand reserved available }\n    }\n  }\n": typeof types.PresaleProductDocument,
    "\n  mutation PresalePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id lines { sku presale } } } }\n": typeof types.PresalePlaceDocument,
    "\n  mutation PresaleRegularAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"stock count\") { available }\n  }\n": typeof types.PresaleRegularAdjustDocument,
    "\n  mutation PromotionPlan($input: PlanPromotionInput!) {\n    planPromotion(input: $input) { id name channels skus startsOn endsOn uplift status plannedBy }\n  }\n": typeof types.PromotionPlanDocument,
    "mutation PromotionCancel($id: ID!) { cancelPromotion(id: $id) { id status } }": typeof types.PromotionCancelDocument,
    "\n  query PromotionList($sku: ID, $status: PromotionStatus) {\n    promotions(sku: $sku, status: $status) {\n      id name status uplift measuredUplift measuredDays actualUnits baselineUnits\n    }\n  }\n": typeof types.PromotionListDocument,
    "\n  query PromotionsOfProduct($sku: ID!) {\n    product(sku: $sku) { sku promotions { id name uplift measuredUplift } }\n  }\n": typeof types.PromotionsOfProductDocument,
    "\n  query PromotionAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n": typeof types.PromotionAuditDocument,
    "\n  query Replenishment($sku: ID, $warehouseId: ID) {\n    replenishmentSuggestions(sku: $sku, warehouseId: $warehouseId) {\n      sku warehouse { code } quantity orderBy neededBy arrivesBy reorderPointOn stockoutOn late urgency\n      inputs { onHand reserved inbound position safetyStock reorderPoint leadTimeDays reviewDays horizonDemand\n        forecastDays positionAtOrder coverDemand orderUpTo }\n    }\n  }\n": typeof types.ReplenishmentDocument,
    "\n  query ReplenishmentCsv($sku: ID, $horizonDays: Int) { replenishmentSuggestionsCsv(sku: $sku, horizonDays: $horizonDays) }\n": typeof types.ReplenishmentCsvDocument,
    "\n  query LedgerCheck($sku: ID) {\n    stockLedgerCheck(sku: $sku) { sku warehouse { code } presale onHand ledgerOnHand reserved ledgerReserved }\n  }\n": typeof types.LedgerCheckDocument,
    "\n  query LedgerShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n": typeof types.LedgerShipmentsDocument,
    "\n  mutation LedgerCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { status } }\n": typeof types.LedgerCancelDocument,
    "\n  mutation LedgerAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 4, reason: \"found in a returns cage\") { onHand }\n  }\n": typeof types.LedgerAdjustDocument,
    "\n  mutation LedgerAdjustPresale($sku: ID!, $w: ID!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $w, delta: 6, reason: \"presale allotment\") { onHand }\n  }\n": typeof types.LedgerAdjustPresaleDocument,
    "\n  query SafetyStockLevel($sku: ID!) {\n    product(sku: $sku) {\n      stockLevels {\n        warehouse { id code } safetyStock available safetyStockSource fixedSafetyStock reorderPoint leadTimeDays\n        reviewDays serviceLevel\n        safetyStockChanges(first: 5) {\n          reason oldSafetyStock newSafetyStock source errorSd historyDays leadTimeDays serviceLevel z uplift\n          leadTimeDemand reorderPoint\n        }\n      }\n    }\n  }\n": typeof types.SafetyStockLevelDocument,
    "\n  mutation SafetyStockRecompute($skus: [ID!]!) {\n    recomputeSafetyStock(skus: $skus) { sku warehouseId oldSafetyStock newSafetyStock source uplift }\n  }\n": typeof types.SafetyStockRecomputeDocument,
    "\n  mutation SafetyStockPolicy($w: ID!, $sku: ID, $lead: Int, $level: Float) {\n    setPlanningPolicy(warehouseId: $w, sku: $sku, leadTimeDays: $lead, serviceLevel: $level) {\n      policy { sku leadTimeDays serviceLevel } changes { oldSafetyStock newSafetyStock }\n    }\n  }\n": typeof types.SafetyStockPolicyDocument,
    "\n  mutation SafetyStockPromotion($input: PlanPromotionInput!) { planPromotion(input: $input) { id } }\n": typeof types.SafetyStockPromotionDocument,
    "\n  mutation SafetyStockPromotionCancel($id: ID!) { cancelPromotion(id: $id) { id } }\n": typeof types.SafetyStockPromotionCancelDocument,
    "\n  query StockAlerts($open: Boolean) {\n    stockAlerts(open: $open) { id kind sku warehouse { code } message openedAt closedAt }\n  }\n": typeof types.StockAlertsDocument,
    "\n  mutation AlertsCancel($id: ID!) { cancelOrder(id: $id, reason: \"out of patience\") { status } }\n": typeof types.AlertsCancelDocument,
    "\n  mutation AlertsAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n": typeof types.AlertsAdjustDocument,
    "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { id status quantity inTransit fromWarehouse { code } toWarehouse { code } }\n  }\n": typeof types.TransferStockDocument,
    "\n  mutation ReceiveTransfer($id: ID!) { receiveTransfer(id: $id) { id status received inTransit closedAt } }\n": typeof types.ReceiveTransferDocument,
    "\n  query TransferLevels($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { id code } onHand reserved available inTransitIn inTransitOut }\n    }\n    transfers(filter: { sku: $sku }) { totalCount edges { node { id status inTransit } } }\n    stockLedgerCheck(sku: $sku) { warehouse { code } }\n  }\n": typeof types.TransferLevelsDocument,
    "query LogisticsOrderShipments($id: ID!) { order(id: $id) { status shipments { id } } }": typeof types.LogisticsOrderShipmentsDocument,
    "\n  query LogisticsShipment($id: ID!) {\n    shipment(id: $id) {\n      id status trackingNumber createdAt estimatedDeliveryAt carbonKg packages { weightGrams }\n      carrier { code mode } warehouse { code latitude longitude }\n      events { at status description }\n    }\n  }\n": typeof types.LogisticsShipmentDocument,
    "mutation LogisticsScan($now: DateTime) { scanForExceptions(now: $now) { flagged at } }": typeof types.LogisticsScanDocument,
    "\n  query LogisticsAlerts($first: Int, $since: DateTime) {\n    logisticsAlerts(first: $first, since: $since) { id kind detail raisedAt shipment { id status } }\n  }\n": typeof types.LogisticsAlertsDocument,
    "\n  query TracedOrder($id: ID!) { order(id: $id) { id status shipments { id } } }\n": typeof types.TracedOrderDocument,
    "\n  mutation IntakeImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id externalId channel { code } status total { amount currency }\n        customer { id name identities { channel externalId } }\n      }\n    }\n  }\n": typeof types.IntakeImportDocument,
    "\n  mutation IntakeImportTotals($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id total { amount currency } tax { amount currency }\n        customer { id name email phone identities { channel externalId } }\n      }\n    }\n  }\n": typeof types.IntakeImportTotalsDocument,
    "\n  mutation IntakePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id customer { id } } } }\n": typeof types.IntakePlaceDocument,
    "\n  query OrderFlowOrder($id: ID!) {\n    order(id: $id) {\n      id status version\n      statusHistory { from to reason }\n      allocations { sku quantity warehouse { code } reason }\n      shipments { id status trackingNumber carrier { code } warehouse { code } }\n    }\n  }\n": typeof types.OrderFlowOrderDocument,
    "\n  mutation RaceCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { id status } }\n": typeof types.RaceCancelDocument,
    "\n  mutation RaceDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 5, reason: \"delivery from supplier\") { reserved available }\n  }\n": typeof types.RaceDeliveryDocument,
    "subscription RateLimitEvents { orderStatusChanged { eventId } }": typeof types.RateLimitEventsDocument,
    "query DeadlineCustomerCount { customers(first: 1) { totalCount } }": typeof types.DeadlineCustomerCountDocument,
    "\n  query AsyncBuyerView($id: ID!) { order(id: $id) { status customer { id } statusHistory { to reason } } }\n": typeof types.AsyncBuyerViewDocument,
    "\n  mutation PoisonRelease($id: ID!) { releaseOrder(id: $id, reason: \"trigger fixed\") { id status } }\n": typeof types.PoisonReleaseDocument,
    "\n  mutation PoisonDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 1000, reason: \"supplier delivery\") { sku }\n  }\n": typeof types.PoisonDeliveryDocument,
    "\n  query PoisonOrder($id: ID!) {\n    order(id: $id) { id status statusHistory { from to reason } allocations { sku quantity } }\n  }\n": typeof types.PoisonOrderDocument,
    "\n  query PoisonParked($service: String, $status: ParkedEventStatus) {\n    parkedEvents(service: $service, status: $status) {\n      id service consumer eventId eventType aggregateType aggregateId orderId error attempts parkedAt status\n      order { id status }\n    }\n  }\n": typeof types.PoisonParkedDocument,
    "mutation PoisonRetry($id: ID!) { retryParkedEvent(id: $id) { id status } }": typeof types.PoisonRetryDocument,
    "\n  fragment RiskOrderFields on Order {\n    id status version riskScore riskFlags statusHistory { from to reason } allocations { sku quantity }\n  }\n": typeof types.RiskOrderFieldsFragmentDoc,
    "\n  mutation RiskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { ...RiskOrderFields } } }\n": typeof types.RiskPlaceDocument,
    "query RiskOrder($id: ID!) { order(id: $id) { ...RiskOrderFields } }": typeof types.RiskOrderDocument,
    "\n  mutation RiskRelease($id: ID!, $reason: String) { releaseOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n": typeof types.RiskReleaseDocument,
    "\n  mutation RiskHold($id: ID!, $reason: String!) { holdOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n": typeof types.RiskHoldDocument,
    "\n  mutation RiskCancel($id: ID!) { cancelOrder(id: $id, reason: \"fraud confirmed\") { ...RiskOrderFields } }\n": typeof types.RiskCancelDocument,
    "query StartCustomerCount { customers(first: 1) { totalCount } }": typeof types.StartCustomerCountDocument,
    "query StartFirstCustomer { customers(first: 1) { edges { node { id } } } }": typeof types.StartFirstCustomerDocument,
    "query StartCounts { customers(first: 1) { totalCount } orders(first: 1) { totalCount } }": typeof types.StartCountsDocument,
    "\n  mutation AdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { id } onHand reserved safetyStock available updatedAt\n    }\n  }\n": typeof types.AdjustStockDocument,
    "\n  query AdjustStockProduct($sku: ID!) {\n    product(sku: $sku) { available stockLevels { warehouse { id } onHand reserved available } }\n  }\n": typeof types.AdjustStockProductDocument,
    "\n  subscription ReplicaEvents($channel: String) {\n    orderStatusChanged(channel: $channel) {\n      eventId from to order { id status customer { name } allocations { warehouse { code } } }\n    }\n  }\n": typeof types.ReplicaEventsDocument,
    "\n  subscription LiveStatus($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId from to at\n      order {\n        id status version\n        customer { id name }\n        lines { sku product { name } }\n        allocations { sku quantity warehouse { code } }\n        shipments { trackingNumber status carrier { code } }\n      }\n    }\n  }\n": typeof types.LiveStatusDocument,
    "\n  query LiveShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n": typeof types.LiveShipmentsDocument,
    "\n  subscription SlowFat($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId to\n      order {\n        id\n        customer {\n          id\n          orders(first: 50) {\n            edges { node { id status statusHistory { from to at reason } lines { sku quantity product { name } } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SlowFatDocument,
    "\n  mutation SupportCreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { clientId } }\n  }\n": typeof types.SupportCreateApiClientDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }\n": typeof types.PlaceOrderDocument,
    "\n  mutation RecordScan($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }\n": typeof types.RecordScanDocument,
    "\n  subscription HookPartner {\n    orderStatusChanged {\n      eventId from to at\n      order { id status customer { id name } lines { sku product { name } } allocations { sku warehouse { code } } }\n    }\n  }\n": typeof types.HookPartnerDocument,
    "\n  mutation HookRegister($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) { id url active secretLastFour filter { orderId customerId channel } }\n  }\n": typeof types.HookRegisterDocument,
    "mutation HookDeactivate($id: ID!) { deactivateWebhook(id: $id) { id active } }": typeof types.HookDeactivateDocument,
    "\n  query HookDeliveries($id: ID!, $status: WebhookDeliveryStatus) {\n    webhook(id: $id) {\n      deliveries(status: $status, first: 50) {\n        totalCount\n        edges {\n          node {\n            id eventId from to status attemptCount lastStatusCode lastError\n            deliveredAt deadAt nextAttemptAt order { id }\n          }\n        }\n      }\n    }\n  }\n": typeof types.HookDeliveriesDocument,
    "\n  fragment ScansShipment on Shipment {\n    id trackingNumber carrier { code } status createdAt deliveredAt events { at status location }\n  }\n": typeof types.ScansShipmentFragmentDoc,
    "\n  query ScansOrder($id: ID!) { order(id: $id) { status statusHistory { to at } shipments { ...ScansShipment } } }\n": typeof types.ScansOrderDocument,
    "\n  mutation ScansRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...ScansShipment } }\n": typeof types.ScansRecordDocument,
    "\n  fragment TrackingShipment on Shipment {\n    id trackingNumber carrier { code } status deliveredAt events { at status location description }\n  }\n": typeof types.TrackingShipmentFragmentDoc,
    "\n  mutation TrackingRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...TrackingShipment } }\n": typeof types.TrackingRecordDocument,
    "query TrackingShipmentById($id: ID!) { shipment(id: $id) { ...TrackingShipment } }": typeof types.TrackingShipmentByIdDocument,
    "\n  query TrackingByNumber($carrier: String!, $number: String!) {\n    shipmentByTracking(carrier: $carrier, trackingNumber: $number) { ...TrackingShipment }\n  }\n": typeof types.TrackingByNumberDocument,
    "\n  subscription HookByCustomer($customerId: ID) {\n    orderStatusChanged(customerId: $customerId) { eventId to order { id customer { id } } }\n  }\n": typeof types.HookByCustomerDocument,
    "\n  subscription HookReplay($orderId: ID, $after: ID) {\n    orderStatusChanged(orderId: $orderId, after: $after) { eventId to }\n  }\n": typeof types.HookReplayDocument,
    "\n  query HookEverything {\n    webhooks(first: 100) {\n      edges { node { id url query variables secretLastFour deliveries { edges { node { id lastError } } } } }\n    }\n  }\n": typeof types.HookEverythingDocument,
    "\n  mutation HookRegisterRefused($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n": typeof types.HookRegisterRefusedDocument,
    "\n  query HookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      id eventId status attemptCount lastError deadAt deliveredAt\n      attempts { at statusCode error durationMs } webhook { id }\n    }\n  }\n": typeof types.HookDeliveryDocument,
    "\n  mutation HookResend($id: ID!) {\n    resendWebhookDelivery(id: $id) { id eventId status attemptCount nextAttemptAt deadAt }\n  }\n": typeof types.HookResendDocument,
};
const documents: Documents = {
    "\n  mutation ApiClientsCreate($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { id clientId scopes channels disabledAt } }\n  }\n": types.ApiClientsCreateDocument,
    "query ApiClientsList { apiClients { clientId name trustedDocumentsOnly } }": types.ApiClientsListDocument,
    "query ApiClientsViewer { viewer { sub scopes channels } }": types.ApiClientsViewerDocument,
    "mutation ApiClientsDisable($id: ID!) { disableApiClient(id: $id) { disabledAt } }": types.ApiClientsDisableDocument,
    "subscription ApiClientsEvents { orderStatusChanged { eventId } }": types.ApiClientsEventsDocument,
    "subscription ApiClientsWorkItems { workItemChanged { eventId change } }": types.ApiClientsWorkItemsDocument,
    "\n  mutation AuditAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 3, reason: \"audit e2e count\") { onHand }\n  }\n": types.AuditAdjustDocument,
    "mutation AuditCancel($id: ID!) { cancelOrder(id: $id) { id } }": types.AuditCancelDocument,
    "\n  query Audit($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at actor action target channel requestId outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditDocument,
    "query PartnerOrders { orders(first: 100) { totalCount edges { node { channel { code } } } } }": types.PartnerOrdersDocument,
    "query PartnerJdOrders { orders(filter: { channel: \"jd\" }) { totalCount } }": types.PartnerJdOrdersDocument,
    "query PartnerOrder($id: ID!) { order(id: $id) { id } }": types.PartnerOrderDocument,
    "query PartnerChannels { channels { code } }": types.PartnerChannelsDocument,
    "\n  query PartnerCustomerView($id: ID!) {\n    customer(id: $id) {\n      name email phone\n      orders(first: 50) { totalCount edges { node { channel { code } } } }\n      stats { orderCount channels }\n    }\n  }\n": types.PartnerCustomerViewDocument,
    "query PartnerCustomer($id: ID!) { customer(id: $id) { id } }": types.PartnerCustomerDocument,
    "query PartnerCustomerCount { customers(first: 1) { totalCount } }": types.PartnerCustomerCountDocument,
    "\n  query PartnerShipments($id: ID!) { customer(id: $id) { shipments(first: 100) { id order { channel { code } } } } }\n": types.PartnerShipmentsDocument,
    "query PartnerShipmentIds($id: ID!) { customer(id: $id) { shipments(first: 100) { id } } }": types.PartnerShipmentIdsDocument,
    "\n  query PartnerParcel($id: ID!, $n: String!) {\n    shipment(id: $id) { id }\n    shipmentByTracking(carrier: \"sf\", trackingNumber: $n) { id }\n  }\n": types.PartnerParcelDocument,
    "\n  subscription PartnerEvents($channel: String) {\n    orderStatusChanged(channel: $channel) { eventId to order { id channel { code } customer { name email } } }\n  }\n": types.PartnerEventsDocument,
    "\n  mutation PartnerImportJd($p: JSON!) { importChannelOrder(channel: \"jd\", payload: $p) { created } }\n": types.PartnerImportJdDocument,
    "\n  mutation PartnerRegisterWebhook($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n": types.PartnerRegisterWebhookDocument,
    "query PartnerWebhook($id: ID!) { webhook(id: $id) { id } }": types.PartnerWebhookDocument,
    "\n  query PartnerTrail($actor: String) {\n    auditEvents(first: 100, filter: { actor: $actor }) { edges { node { actor action outcome channel } } }\n  }\n": types.PartnerTrailDocument,
    "query IdentityViewer { viewer { sub scopes channels } }": types.IdentityViewerDocument,
    "\n  query IdentityOrdersWithCustomers { orders(first: 2) { edges { node { id status customer { id } } } } }\n": types.IdentityOrdersWithCustomersDocument,
    "query LimitsFirstCustomer { customers(first: 1) { edges { node { id } } } }": types.LimitsFirstCustomerDocument,
    "\n  query LimitsCancelsInTrail {\n    auditEvents(first: 50, filter: { action: \"cancelOrder\" }) { edges { node { actor action outcome } } }\n  }\n": types.LimitsCancelsInTrailDocument,
    "\n  query BadInputFullPages($id: ID!) {\n    customers(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    customer(id: $id) { orders(first: 100) { totalCount edges { node { id } } } shipments(first: 100) { id } }\n  }\n": types.BadInputFullPagesDocument,
    "\n  query BadInputOrderBothWays($id: ID!, $c: String!, $x: String!) {\n    order(id: $id) { id }\n    orderByExternalId(channel: $c, externalId: $x) { id }\n  }\n": types.BadInputOrderBothWaysDocument,
    "\n  mutation PayloadsImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n": types.PayloadsImportDocument,
    "\n  mutation PayloadsBatch($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n": types.PayloadsBatchDocument,
    "\n  query PayloadsQuality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) { received accepted duplicates rejected }\n  }\n": types.PayloadsQualityDocument,
    "\n  query PayloadsRejections($channel: String) {\n    recentRejections(channel: $channel, first: 1) { externalId problems { field message } }\n  }\n": types.PayloadsRejectionsDocument,
    "\n  query CorpusEverySubgraph {\n    channels { code }\n    warehouses { id }\n    customers(first: 1) { totalCount }\n    shipment(id: \"00000000-0000-4000-8000-000000000000\") { id }\n  }\n": types.CorpusEverySubgraphDocument,
    "\n  mutation RejectedMalformedTmall { importChannelOrder(channel: \"tmall\", payload: { tid: \"123\" }) { created } }\n": types.RejectedMalformedTmallDocument,
    "\n  mutation RejectedUnknownChannel { importChannelOrder(channel: \"ebay\", payload: {}) { created } }\n": types.RejectedUnknownChannelDocument,
    "\n  mutation RejectedCancel($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id status } }\n": types.RejectedCancelDocument,
    "\n  mutation RejectedAdjust($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand }\n  }\n": types.RejectedAdjustDocument,
    "\n  subscription ClusterLive($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) { eventId to order { id customer { id } } }\n  }\n": types.ClusterLiveDocument,
    "\n  query RestartRead { customers(first: 3) { totalCount edges { node { name orders(first: 2) { totalCount } } } } }\n": types.RestartReadDocument,
    "\n  query ClusterCacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku available } } }\n  }\n": types.ClusterCacheOrderProductsDocument,
    "query ClusterPoisonOrder($id: ID!) { order(id: $id) { status statusHistory { to reason } } }": types.ClusterPoisonOrderDocument,
    "\n  query ClusterPoisonParked { parkedEvents(service: \"inventory\") { id consumer orderId attempts status } }\n": types.ClusterPoisonParkedDocument,
    "mutation ClusterPoisonRetry($id: ID!) { retryParkedEvent(id: $id) { status } }": types.ClusterPoisonRetryDocument,
    "\n  query CacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku name available } } }\n  }\n": types.CacheOrderProductsDocument,
    "\n  query CacheOrderBuyer($id: ID!) {\n    order(id: $id) { id customer { id name email } }\n  }\n": types.CacheOrderBuyerDocument,
    "\n  mutation CacheAdjust($sku: ID!, $w: ID!, $delta: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: \"entity cache e2e\") { onHand }\n  }\n": types.CacheAdjustDocument,
    "\n  fragment CustomerStatsFields on Customer {\n    id\n    stats {\n      orderCount firstOrderAt lastOrderAt channels\n      lifetimeValue { amount currency } averageOrderValue { amount currency }\n      lifetimeValueByCurrency { amount currency }\n    }\n  }\n": types.CustomerStatsFieldsFragmentDoc,
    "query CustomerStatsOf($id: ID!) { customer(id: $id) { ...CustomerStatsFields } }": types.CustomerStatsOfDocument,
    "\n  query DegradedOrder($id: ID!) {\n    order(id: $id) { id status customer { name } lines { sku product { name } } allocations { sku } shipments { id } }\n  }\n": types.DegradedOrderDocument,
    "\n  query DownOrderWithProducts($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      customer { name }\n      lines { sku quantity product { name } }\n    }\n  }\n": types.DownOrderWithProductsDocument,
    "\n  query DownWarehousesAndCustomers { warehouses { code } customers(first: 2) { totalCount } }\n": types.DownWarehousesAndCustomersDocument,
    "\n  query DownProductAndCustomers($sku: ID!) { product(sku: $sku) { name } customers(first: 2) { totalCount } }\n": types.DownProductAndCustomersDocument,
    "query DownOrderAndCustomer($id: ID!) { order(id: $id) { status customer { name } } }": types.DownOrderAndCustomerDocument,
    "\n  query CarrierLoopShipments($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } warehouse { code } } }\n  }\n": types.CarrierLoopShipmentsDocument,
    "\n  query CarrierLoopExceptions {\n    workItems(filter: { kind: [\"LOGISTICS_EXCEPTION\"] }, first: 100) { edges { node { id subjectId } } }\n  }\n": types.CarrierLoopExceptionsDocument,
    "\n  query CarrierLoopItem($id: ID!) {\n    workItem(id: $id) { id kind status assignee carrier subjectType shipment { id status } }\n  }\n": types.CarrierLoopItemDocument,
    "\n  mutation CarrierLoopResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) { id status outcome cause resolvedBy }\n  }\n": types.CarrierLoopResolveDocument,
    "\n  query CarrierLoopItemOutcome($id: ID!) { workItem(id: $id) { status outcome cause resolvedBy } }\n": types.CarrierLoopItemOutcomeDocument,
    "\n  query CarrierLoopRecords {\n    carriers { code onTimeRate performance { delivered onTime carrierFaults observed observedOnTimeRate } }\n  }\n": types.CarrierLoopRecordsDocument,
    "\n  query DeskCustomerValue($id: ID!) {\n    customer(id: $id) {\n      id name email guest\n      identities { channel externalId }\n      value {\n        tier recency frequency monetary { amount currency } rScore fScore mScore score\n        channelMix { channel orders share } firstOrderAt lastOrderAt\n      }\n    }\n  }\n": types.DeskCustomerValueDocument,
    "\n  query DeskCustomersByTier($tier: CustomerTier, $search: String) {\n    customers(tier: $tier, search: $search, first: 5) { totalCount edges { node { id value { tier } } } }\n  }\n": types.DeskCustomersByTierDocument,
    "\n  mutation DeskImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n": types.DeskImportDocument,
    "\n  query DeskIntakeFlags($since: DateTime) { intakeQuality(since: $since) { channel accepted flagsByCode { flag count } } }\n": types.DeskIntakeFlagsDocument,
    "\n  mutation DeskUpsertOperator($input: OperatorInput!) { upsertOperator(input: $input) { sub skills capacity openItems } }\n": types.DeskUpsertOperatorDocument,
    "query PackagingOrder($id: ID!) { order(id: $id) { status shipments { id } } }": types.PackagingOrderDocument,
    "\n  query PackagingShipment($id: ID!) {\n    shipment(id: $id) {\n      carbonKg carrier { mode } warehouse { id code latitude longitude boxes { code lengthMm widthMm heightMm tareGrams maxWeightGrams isDefault } }\n      packages { packageNo boxCode lengthMm widthMm heightMm weightGrams itemsVolumeCm3 boxVolumeCm3 defaultBoxVolumeCm3 voidFill\n        assumedDimensions items { sku quantity } }\n    }\n  }\n": types.PackagingShipmentDocument,
    "\n  query PackagingProducts($a: ID!, $b: ID!) {\n    a: product(sku: $a) { ...PackedProduct }\n    b: product(sku: $b) { ...PackedProduct }\n  }\n  fragment PackedProduct on Product { sku weightGrams dimensions { lengthMm widthMm heightMm volumeCm3 } }\n": types.PackagingProductsDocument,
    "\n  query PackagingKpis($warehouseId: ID!, $from: String!, $to: String!) {\n    packagingKpis(warehouseId: $warehouseId, from: $from, to: $to) {\n      shipmentsPacked packages boxVolumeCm3 defaultBoxVolumeCm3 voidFill voidFillWithDefaultBox volumeSavedCm3\n    }\n  }\n": types.PackagingKpisDocument,
    "\n  mutation PackagingSetBoxes($warehouseId: ID!, $boxes: [BoxInput!]!) {\n    setWarehouseBoxes(input: { warehouseId: $warehouseId, boxes: $boxes }) { code volumeCm3 isDefault }\n  }\n": types.PackagingSetBoxesDocument,
    "\n  query PackagingTrail { auditEvents(first: 20, filter: { action: \"setWarehouseBoxes\" }) { edges { node { action target outcome } } } }\n": types.PackagingTrailDocument,
    "\n  query FulfilmentOrder($id: ID!) {\n    order(id: $id) {\n      status returnState total { amount } refunded { amount currency }\n      lines { sku quantity unitPrice { amount } returnedQuantity }\n      shipments { id direction }\n      returnShipments: shipments(direction: RETURN) {\n        id trackingNumber direction returnId status carrier { code } warehouse { code }\n      }\n    }\n  }\n": types.FulfilmentOrderDocument,
    "\n  query FulfilmentReturn($id: ID!) {\n    return(id: $id) {\n      status refund { amount } shippingRefund { amount }\n      lines { lineNo sku quantity restocked refurbished scrapped refund { amount } }\n      history { to }\n    }\n  }\n": types.FulfilmentReturnDocument,
    "\n  query ReturnsReceipt($id: ID!) {\n    returnReceipt(returnId: $id) { status receivedAt routingReason warehouse { id code } }\n  }\n": types.ReturnsReceiptDocument,
    "\n  mutation ReturnsInspect($input: InspectReturnInput!) {\n    inspectReturn(input: $input) { status lines { lineNo sku restocked refurbished scrapped } }\n  }\n": types.ReturnsInspectDocument,
    "\n  mutation ReturnsRefurbished($input: CompleteRefurbishmentInput!) {\n    completeRefurbishment(input: $input) { lines { lineNo refurbished refurbishedRestocked refurbishedScrapped } }\n  }\n": types.ReturnsRefurbishedDocument,
    "\n  query FulfilmentAudit($target: String) {\n    auditEvents(first: 10, filter: { target: $target }) { edges { node { action target channel outcome } } }\n  }\n": types.FulfilmentAuditDocument,
    "\n  query FulfilmentBuyerValue($id: ID!) {\n    order(id: $id) { customer { value { frequency monetary { amount currency } } } }\n  }\n": types.FulfilmentBuyerValueDocument,
    "\n  query ReturnsLedger($sku: ID) { stockLedgerCheck(sku: $sku) { sku onHand ledgerOnHand } }\n": types.ReturnsLedgerDocument,
    "\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) {\n      status returnState lines { sku quantity returnedQuantity }\n    }\n  }\n": types.ReturnsOrderDocument,
    "\n  mutation ReturnsAuthorise($id: ID!) { authoriseReturn(id: $id) { id status authorisedAt } }\n": types.ReturnsAuthoriseDocument,
    "\n  query ReturnsList($filter: ReturnFilter) {\n    returns(first: 10, filter: $filter) { totalCount edges { node { id status reason order { id returnState } } } }\n  }\n": types.ReturnsListDocument,
    "\n  query ReturnsOne($id: ID!) { return(id: $id) { id status } }\n": types.ReturnsOneDocument,
    "\n  query ReturnsKpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    returnKpis(from: $from, to: $to, channel: $channel) {\n      unitsSold unitsReturned returnRate byReason { key unitsReturned }\n    }\n  }\n": types.ReturnsKpisDocument,
    "\n  query ReturnsAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n": types.ReturnsAuditDocument,
    "\n  mutation ReturnsImport($channel: String!, $payload: JSON!) {\n    importChannelReturn(channel: $channel, payload: $payload) { created return { id status source externalId } }\n  }\n": types.ReturnsImportDocument,
    "\n  mutation ReturnsRequest($input: RequestReturnInput!) {\n    requestReturn(input: $input) { id status reason lines { lineNo sku quantity } }\n  }\n": types.ReturnsRequestDocument,
    "\n  query ReturnsOutboundParcels($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } } }\n  }\n": types.ReturnsOutboundParcelsDocument,
    "\n  query DeskItems($filter: WorkItemFilter) {\n    workItems(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind status priority assignee channel carrier subjectType subjectId orderId summary checklist dueAt overdue\n          outcome cause resolvedBy facts { name value }\n          order { id status riskScore }\n          shipment { id status }\n        }\n      }\n    }\n  }\n": types.DeskItemsDocument,
    "\n  mutation DeskResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) {\n      id status outcome cause resolvedBy history { change actor note }\n    }\n  }\n": types.DeskResolveDocument,
    "\n  query DeskPrecision($from: DateTime!) { riskRulePrecision(from: $from) { ruleCode held legitimate fraudulent precision } }\n": types.DeskPrecisionDocument,
    "\n  subscription DeskLive($kinds: [String!]) {\n    workItemChanged(kinds: $kinds) { eventId change workItem { id kind status assignee shipment { id } } }\n  }\n": types.DeskLiveDocument,
    "\n  subscription DeskLiveAfter($kinds: [String!], $after: ID) {\n    workItemChanged(kinds: $kinds, after: $after) { eventId change workItem { id } }\n  }\n": types.DeskLiveAfterDocument,
    "\n  mutation DeskComment($id: ID!, $text: String!) { commentWorkItem(id: $id, text: $text) { id } }\n": types.DeskCommentDocument,
    "\n  mutation DeskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status riskScore riskFlags } } }\n": types.DeskPlaceDocument,
    "\n  query DeskAudit($filter: AuditFilter) { auditEvents(filter: $filter, first: 20) { edges { node { actor action target outcome } } } }\n": types.DeskAuditDocument,
    "\n  mutation GraphiqlRestock($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 100, reason: \"GraphiQL e2e\") { available }\n  }\n": types.GraphiqlRestockDocument,
    "query GraphiqlWarehouses { warehouses { id } }": types.GraphiqlWarehousesDocument,
    "fragment GraphiqlFound on Customer { name orders { totalCount } }": types.GraphiqlFoundFragmentDoc,
    "\n  fragment GraphiqlStatusEvent on OrderStatusEvent { eventId from to order { id status customer { name } } }\n": types.GraphiqlStatusEventFragmentDoc,
    "\n  mutation BatchImport($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n": types.BatchImportDocument,
    "\n  mutation BatchImportOne($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { order { id } }\n  }\n": types.BatchImportOneDocument,
    "\n  mutation QualityImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n": types.QualityImportDocument,
    "\n  query Quality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) {\n      channel received accepted duplicates rejected repaired\n      repairsByRule { rule count } problemsByField { field count }\n    }\n  }\n": types.QualityDocument,
    "\n  query QualityRejections($channel: String, $first: Int) {\n    recentRejections(channel: $channel, first: $first) {\n      id channel externalId receivedAt problems { field message } repairs { rule field from to }\n    }\n  }\n": types.QualityRejectionsDocument,
    "\n  query Kpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    channelKpis(from: $from, to: $to, channel: $channel) {\n      channel { code } day orders revenue { amount currency } revenueByCurrency { amount currency }\n      shippedOrders processingHoursP50 processingHoursP90 fillRate deliveredOrders onTimeDeliveryRate\n    }\n  }\n": types.KpisDocument,
    "\n  mutation PrioritySet($channel: String!, $priority: Int!) {\n    setChannelPriority(channel: $channel, priority: $priority) { channel priority isDefault }\n  }\n": types.PrioritySetDocument,
    "\n  mutation PriorityRemove($channel: String!) { removeChannelPriority(channel: $channel) }\n": types.PriorityRemoveDocument,
    "\n  query Priorities($channel: String) { channelPriorities(channel: $channel) { channel priority isDefault } }\n": types.PrioritiesDocument,
    "\n  mutation PriorityAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n": types.PriorityAdjustDocument,
    "\n  query PriorityOrder($id: ID!) { order(id: $id) { id backorderReason allocations { sku quantity } } }\n": types.PriorityOrderDocument,
    "\n  query PriorityStockouts($sku: ID!, $day: String!) {\n    product(sku: $sku) {\n      planningKpi(from: $day, to: $day) { stockoutByChannel { channel unitsDemanded unitsShort } }\n    }\n  }\n": types.PriorityStockoutsDocument,
    "\n  mutation QuotaSet($channel: String!, $sku: ID!, $maxUnits: Int, $maxShare: Float) {\n    setChannelQuota(channel: $channel, sku: $sku, maxUnits: $maxUnits, maxShare: $maxShare) {\n      channel sku maxUnits maxShare limit held remaining\n    }\n  }\n": types.QuotaSetDocument,
    "\n  query Quotas($sku: ID) { channelQuotas(sku: $sku) { channel sku maxUnits maxShare limit held remaining } }\n": types.QuotasDocument,
    "\n  query QuotaOrder($id: ID!) { order(id: $id) { id status backorderReason allocations { sku quantity } } }\n": types.QuotaOrderDocument,
    "\n  query DemandHistory($sku: ID!, $from: String, $to: String) {\n    product(sku: $sku) {\n      demandHistory(from: $from, to: $to) { day warehouseId channel unitsDemanded unitsFulfilled unitsShort orders }\n    }\n  }\n": types.DemandHistoryDocument,
    "\n  mutation ForecastRefit($skus: [ID!]) {\n    refitForecasts(skus: $skus) { status fitted byModel { model series } holdoutWape fittedAt durationMs }\n  }\n": types.ForecastRefitDocument,
    "\n  query ProductForecast($sku: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(days: $days) {\n        warehouseId model level fittedAt holdoutWape errorSd days { date baseline point lower upper uplift }\n      }\n      stockLevels {\n        warehouse { id }\n        available\n        forecastDemand(days: $days)\n        daysOfCover\n      }\n    }\n  }\n": types.ProductForecastDocument,
    "\n  query ProductForecastAt($sku: ID!, $warehouseId: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(warehouseId: $warehouseId, days: $days) { model fittedAt errorSd days { date point lower upper } }\n    }\n  }\n": types.ProductForecastAtDocument,
    "\n  mutation PresaleAdjust($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { code } onHand reserved available\n    }\n  }\n": types.PresaleAdjustDocument,
    "\n  query PresaleProduct($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { code } onHand reserved }\n      presaleStock { warehouse { code } onHand reserved available }\n    }\n  }\n": types.PresaleProductDocument,
    "\n  mutation PresalePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id lines { sku presale } } } }\n": types.PresalePlaceDocument,
    "\n  mutation PresaleRegularAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"stock count\") { available }\n  }\n": types.PresaleRegularAdjustDocument,
    "\n  mutation PromotionPlan($input: PlanPromotionInput!) {\n    planPromotion(input: $input) { id name channels skus startsOn endsOn uplift status plannedBy }\n  }\n": types.PromotionPlanDocument,
    "mutation PromotionCancel($id: ID!) { cancelPromotion(id: $id) { id status } }": types.PromotionCancelDocument,
    "\n  query PromotionList($sku: ID, $status: PromotionStatus) {\n    promotions(sku: $sku, status: $status) {\n      id name status uplift measuredUplift measuredDays actualUnits baselineUnits\n    }\n  }\n": types.PromotionListDocument,
    "\n  query PromotionsOfProduct($sku: ID!) {\n    product(sku: $sku) { sku promotions { id name uplift measuredUplift } }\n  }\n": types.PromotionsOfProductDocument,
    "\n  query PromotionAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n": types.PromotionAuditDocument,
    "\n  query Replenishment($sku: ID, $warehouseId: ID) {\n    replenishmentSuggestions(sku: $sku, warehouseId: $warehouseId) {\n      sku warehouse { code } quantity orderBy neededBy arrivesBy reorderPointOn stockoutOn late urgency\n      inputs { onHand reserved inbound position safetyStock reorderPoint leadTimeDays reviewDays horizonDemand\n        forecastDays positionAtOrder coverDemand orderUpTo }\n    }\n  }\n": types.ReplenishmentDocument,
    "\n  query ReplenishmentCsv($sku: ID, $horizonDays: Int) { replenishmentSuggestionsCsv(sku: $sku, horizonDays: $horizonDays) }\n": types.ReplenishmentCsvDocument,
    "\n  query LedgerCheck($sku: ID) {\n    stockLedgerCheck(sku: $sku) { sku warehouse { code } presale onHand ledgerOnHand reserved ledgerReserved }\n  }\n": types.LedgerCheckDocument,
    "\n  query LedgerShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n": types.LedgerShipmentsDocument,
    "\n  mutation LedgerCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { status } }\n": types.LedgerCancelDocument,
    "\n  mutation LedgerAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 4, reason: \"found in a returns cage\") { onHand }\n  }\n": types.LedgerAdjustDocument,
    "\n  mutation LedgerAdjustPresale($sku: ID!, $w: ID!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $w, delta: 6, reason: \"presale allotment\") { onHand }\n  }\n": types.LedgerAdjustPresaleDocument,
    "\n  query SafetyStockLevel($sku: ID!) {\n    product(sku: $sku) {\n      stockLevels {\n        warehouse { id code } safetyStock available safetyStockSource fixedSafetyStock reorderPoint leadTimeDays\n        reviewDays serviceLevel\n        safetyStockChanges(first: 5) {\n          reason oldSafetyStock newSafetyStock source errorSd historyDays leadTimeDays serviceLevel z uplift\n          leadTimeDemand reorderPoint\n        }\n      }\n    }\n  }\n": types.SafetyStockLevelDocument,
    "\n  mutation SafetyStockRecompute($skus: [ID!]!) {\n    recomputeSafetyStock(skus: $skus) { sku warehouseId oldSafetyStock newSafetyStock source uplift }\n  }\n": types.SafetyStockRecomputeDocument,
    "\n  mutation SafetyStockPolicy($w: ID!, $sku: ID, $lead: Int, $level: Float) {\n    setPlanningPolicy(warehouseId: $w, sku: $sku, leadTimeDays: $lead, serviceLevel: $level) {\n      policy { sku leadTimeDays serviceLevel } changes { oldSafetyStock newSafetyStock }\n    }\n  }\n": types.SafetyStockPolicyDocument,
    "\n  mutation SafetyStockPromotion($input: PlanPromotionInput!) { planPromotion(input: $input) { id } }\n": types.SafetyStockPromotionDocument,
    "\n  mutation SafetyStockPromotionCancel($id: ID!) { cancelPromotion(id: $id) { id } }\n": types.SafetyStockPromotionCancelDocument,
    "\n  query StockAlerts($open: Boolean) {\n    stockAlerts(open: $open) { id kind sku warehouse { code } message openedAt closedAt }\n  }\n": types.StockAlertsDocument,
    "\n  mutation AlertsCancel($id: ID!) { cancelOrder(id: $id, reason: \"out of patience\") { status } }\n": types.AlertsCancelDocument,
    "\n  mutation AlertsAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n": types.AlertsAdjustDocument,
    "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { id status quantity inTransit fromWarehouse { code } toWarehouse { code } }\n  }\n": types.TransferStockDocument,
    "\n  mutation ReceiveTransfer($id: ID!) { receiveTransfer(id: $id) { id status received inTransit closedAt } }\n": types.ReceiveTransferDocument,
    "\n  query TransferLevels($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { id code } onHand reserved available inTransitIn inTransitOut }\n    }\n    transfers(filter: { sku: $sku }) { totalCount edges { node { id status inTransit } } }\n    stockLedgerCheck(sku: $sku) { warehouse { code } }\n  }\n": types.TransferLevelsDocument,
    "query LogisticsOrderShipments($id: ID!) { order(id: $id) { status shipments { id } } }": types.LogisticsOrderShipmentsDocument,
    "\n  query LogisticsShipment($id: ID!) {\n    shipment(id: $id) {\n      id status trackingNumber createdAt estimatedDeliveryAt carbonKg packages { weightGrams }\n      carrier { code mode } warehouse { code latitude longitude }\n      events { at status description }\n    }\n  }\n": types.LogisticsShipmentDocument,
    "mutation LogisticsScan($now: DateTime) { scanForExceptions(now: $now) { flagged at } }": types.LogisticsScanDocument,
    "\n  query LogisticsAlerts($first: Int, $since: DateTime) {\n    logisticsAlerts(first: $first, since: $since) { id kind detail raisedAt shipment { id status } }\n  }\n": types.LogisticsAlertsDocument,
    "\n  query TracedOrder($id: ID!) { order(id: $id) { id status shipments { id } } }\n": types.TracedOrderDocument,
    "\n  mutation IntakeImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id externalId channel { code } status total { amount currency }\n        customer { id name identities { channel externalId } }\n      }\n    }\n  }\n": types.IntakeImportDocument,
    "\n  mutation IntakeImportTotals($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id total { amount currency } tax { amount currency }\n        customer { id name email phone identities { channel externalId } }\n      }\n    }\n  }\n": types.IntakeImportTotalsDocument,
    "\n  mutation IntakePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id customer { id } } } }\n": types.IntakePlaceDocument,
    "\n  query OrderFlowOrder($id: ID!) {\n    order(id: $id) {\n      id status version\n      statusHistory { from to reason }\n      allocations { sku quantity warehouse { code } reason }\n      shipments { id status trackingNumber carrier { code } warehouse { code } }\n    }\n  }\n": types.OrderFlowOrderDocument,
    "\n  mutation RaceCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { id status } }\n": types.RaceCancelDocument,
    "\n  mutation RaceDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 5, reason: \"delivery from supplier\") { reserved available }\n  }\n": types.RaceDeliveryDocument,
    "subscription RateLimitEvents { orderStatusChanged { eventId } }": types.RateLimitEventsDocument,
    "query DeadlineCustomerCount { customers(first: 1) { totalCount } }": types.DeadlineCustomerCountDocument,
    "\n  query AsyncBuyerView($id: ID!) { order(id: $id) { status customer { id } statusHistory { to reason } } }\n": types.AsyncBuyerViewDocument,
    "\n  mutation PoisonRelease($id: ID!) { releaseOrder(id: $id, reason: \"trigger fixed\") { id status } }\n": types.PoisonReleaseDocument,
    "\n  mutation PoisonDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 1000, reason: \"supplier delivery\") { sku }\n  }\n": types.PoisonDeliveryDocument,
    "\n  query PoisonOrder($id: ID!) {\n    order(id: $id) { id status statusHistory { from to reason } allocations { sku quantity } }\n  }\n": types.PoisonOrderDocument,
    "\n  query PoisonParked($service: String, $status: ParkedEventStatus) {\n    parkedEvents(service: $service, status: $status) {\n      id service consumer eventId eventType aggregateType aggregateId orderId error attempts parkedAt status\n      order { id status }\n    }\n  }\n": types.PoisonParkedDocument,
    "mutation PoisonRetry($id: ID!) { retryParkedEvent(id: $id) { id status } }": types.PoisonRetryDocument,
    "\n  fragment RiskOrderFields on Order {\n    id status version riskScore riskFlags statusHistory { from to reason } allocations { sku quantity }\n  }\n": types.RiskOrderFieldsFragmentDoc,
    "\n  mutation RiskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { ...RiskOrderFields } } }\n": types.RiskPlaceDocument,
    "query RiskOrder($id: ID!) { order(id: $id) { ...RiskOrderFields } }": types.RiskOrderDocument,
    "\n  mutation RiskRelease($id: ID!, $reason: String) { releaseOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n": types.RiskReleaseDocument,
    "\n  mutation RiskHold($id: ID!, $reason: String!) { holdOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n": types.RiskHoldDocument,
    "\n  mutation RiskCancel($id: ID!) { cancelOrder(id: $id, reason: \"fraud confirmed\") { ...RiskOrderFields } }\n": types.RiskCancelDocument,
    "query StartCustomerCount { customers(first: 1) { totalCount } }": types.StartCustomerCountDocument,
    "query StartFirstCustomer { customers(first: 1) { edges { node { id } } } }": types.StartFirstCustomerDocument,
    "query StartCounts { customers(first: 1) { totalCount } orders(first: 1) { totalCount } }": types.StartCountsDocument,
    "\n  mutation AdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { id } onHand reserved safetyStock available updatedAt\n    }\n  }\n": types.AdjustStockDocument,
    "\n  query AdjustStockProduct($sku: ID!) {\n    product(sku: $sku) { available stockLevels { warehouse { id } onHand reserved available } }\n  }\n": types.AdjustStockProductDocument,
    "\n  subscription ReplicaEvents($channel: String) {\n    orderStatusChanged(channel: $channel) {\n      eventId from to order { id status customer { name } allocations { warehouse { code } } }\n    }\n  }\n": types.ReplicaEventsDocument,
    "\n  subscription LiveStatus($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId from to at\n      order {\n        id status version\n        customer { id name }\n        lines { sku product { name } }\n        allocations { sku quantity warehouse { code } }\n        shipments { trackingNumber status carrier { code } }\n      }\n    }\n  }\n": types.LiveStatusDocument,
    "\n  query LiveShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n": types.LiveShipmentsDocument,
    "\n  subscription SlowFat($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId to\n      order {\n        id\n        customer {\n          id\n          orders(first: 50) {\n            edges { node { id status statusHistory { from to at reason } lines { sku quantity product { name } } } }\n          }\n        }\n      }\n    }\n  }\n": types.SlowFatDocument,
    "\n  mutation SupportCreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { clientId } }\n  }\n": types.SupportCreateApiClientDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }\n": types.PlaceOrderDocument,
    "\n  mutation RecordScan($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }\n": types.RecordScanDocument,
    "\n  subscription HookPartner {\n    orderStatusChanged {\n      eventId from to at\n      order { id status customer { id name } lines { sku product { name } } allocations { sku warehouse { code } } }\n    }\n  }\n": types.HookPartnerDocument,
    "\n  mutation HookRegister($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) { id url active secretLastFour filter { orderId customerId channel } }\n  }\n": types.HookRegisterDocument,
    "mutation HookDeactivate($id: ID!) { deactivateWebhook(id: $id) { id active } }": types.HookDeactivateDocument,
    "\n  query HookDeliveries($id: ID!, $status: WebhookDeliveryStatus) {\n    webhook(id: $id) {\n      deliveries(status: $status, first: 50) {\n        totalCount\n        edges {\n          node {\n            id eventId from to status attemptCount lastStatusCode lastError\n            deliveredAt deadAt nextAttemptAt order { id }\n          }\n        }\n      }\n    }\n  }\n": types.HookDeliveriesDocument,
    "\n  fragment ScansShipment on Shipment {\n    id trackingNumber carrier { code } status createdAt deliveredAt events { at status location }\n  }\n": types.ScansShipmentFragmentDoc,
    "\n  query ScansOrder($id: ID!) { order(id: $id) { status statusHistory { to at } shipments { ...ScansShipment } } }\n": types.ScansOrderDocument,
    "\n  mutation ScansRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...ScansShipment } }\n": types.ScansRecordDocument,
    "\n  fragment TrackingShipment on Shipment {\n    id trackingNumber carrier { code } status deliveredAt events { at status location description }\n  }\n": types.TrackingShipmentFragmentDoc,
    "\n  mutation TrackingRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...TrackingShipment } }\n": types.TrackingRecordDocument,
    "query TrackingShipmentById($id: ID!) { shipment(id: $id) { ...TrackingShipment } }": types.TrackingShipmentByIdDocument,
    "\n  query TrackingByNumber($carrier: String!, $number: String!) {\n    shipmentByTracking(carrier: $carrier, trackingNumber: $number) { ...TrackingShipment }\n  }\n": types.TrackingByNumberDocument,
    "\n  subscription HookByCustomer($customerId: ID) {\n    orderStatusChanged(customerId: $customerId) { eventId to order { id customer { id } } }\n  }\n": types.HookByCustomerDocument,
    "\n  subscription HookReplay($orderId: ID, $after: ID) {\n    orderStatusChanged(orderId: $orderId, after: $after) { eventId to }\n  }\n": types.HookReplayDocument,
    "\n  query HookEverything {\n    webhooks(first: 100) {\n      edges { node { id url query variables secretLastFour deliveries { edges { node { id lastError } } } } }\n    }\n  }\n": types.HookEverythingDocument,
    "\n  mutation HookRegisterRefused($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n": types.HookRegisterRefusedDocument,
    "\n  query HookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      id eventId status attemptCount lastError deadAt deliveredAt\n      attempts { at statusCode error durationMs } webhook { id }\n    }\n  }\n": types.HookDeliveryDocument,
    "\n  mutation HookResend($id: ID!) {\n    resendWebhookDelivery(id: $id) { id eventId status attemptCount nextAttemptAt deadAt }\n  }\n": types.HookResendDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiClientsCreate($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { id clientId scopes channels disabledAt } }\n  }\n"): (typeof documents)["\n  mutation ApiClientsCreate($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { id clientId scopes channels disabledAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiClientsList { apiClients { clientId name trustedDocumentsOnly } }"): (typeof documents)["query ApiClientsList { apiClients { clientId name trustedDocumentsOnly } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiClientsViewer { viewer { sub scopes channels } }"): (typeof documents)["query ApiClientsViewer { viewer { sub scopes channels } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiClientsDisable($id: ID!) { disableApiClient(id: $id) { disabledAt } }"): (typeof documents)["mutation ApiClientsDisable($id: ID!) { disableApiClient(id: $id) { disabledAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ApiClientsEvents { orderStatusChanged { eventId } }"): (typeof documents)["subscription ApiClientsEvents { orderStatusChanged { eventId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ApiClientsWorkItems { workItemChanged { eventId change } }"): (typeof documents)["subscription ApiClientsWorkItems { workItemChanged { eventId change } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 3, reason: \"audit e2e count\") { onHand }\n  }\n"): (typeof documents)["\n  mutation AuditAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 3, reason: \"audit e2e count\") { onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditCancel($id: ID!) { cancelOrder(id: $id) { id } }"): (typeof documents)["mutation AuditCancel($id: ID!) { cancelOrder(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at actor action target channel requestId outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Audit($first: Int, $after: String, $filter: AuditFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at actor action target channel requestId outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerOrders { orders(first: 100) { totalCount edges { node { channel { code } } } } }"): (typeof documents)["query PartnerOrders { orders(first: 100) { totalCount edges { node { channel { code } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerJdOrders { orders(filter: { channel: \"jd\" }) { totalCount } }"): (typeof documents)["query PartnerJdOrders { orders(filter: { channel: \"jd\" }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerOrder($id: ID!) { order(id: $id) { id } }"): (typeof documents)["query PartnerOrder($id: ID!) { order(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerChannels { channels { code } }"): (typeof documents)["query PartnerChannels { channels { code } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerCustomerView($id: ID!) {\n    customer(id: $id) {\n      name email phone\n      orders(first: 50) { totalCount edges { node { channel { code } } } }\n      stats { orderCount channels }\n    }\n  }\n"): (typeof documents)["\n  query PartnerCustomerView($id: ID!) {\n    customer(id: $id) {\n      name email phone\n      orders(first: 50) { totalCount edges { node { channel { code } } } }\n      stats { orderCount channels }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerCustomer($id: ID!) { customer(id: $id) { id } }"): (typeof documents)["query PartnerCustomer($id: ID!) { customer(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerCustomerCount { customers(first: 1) { totalCount } }"): (typeof documents)["query PartnerCustomerCount { customers(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerShipments($id: ID!) { customer(id: $id) { shipments(first: 100) { id order { channel { code } } } } }\n"): (typeof documents)["\n  query PartnerShipments($id: ID!) { customer(id: $id) { shipments(first: 100) { id order { channel { code } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerShipmentIds($id: ID!) { customer(id: $id) { shipments(first: 100) { id } } }"): (typeof documents)["query PartnerShipmentIds($id: ID!) { customer(id: $id) { shipments(first: 100) { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerParcel($id: ID!, $n: String!) {\n    shipment(id: $id) { id }\n    shipmentByTracking(carrier: \"sf\", trackingNumber: $n) { id }\n  }\n"): (typeof documents)["\n  query PartnerParcel($id: ID!, $n: String!) {\n    shipment(id: $id) { id }\n    shipmentByTracking(carrier: \"sf\", trackingNumber: $n) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PartnerEvents($channel: String) {\n    orderStatusChanged(channel: $channel) { eventId to order { id channel { code } customer { name email } } }\n  }\n"): (typeof documents)["\n  subscription PartnerEvents($channel: String) {\n    orderStatusChanged(channel: $channel) { eventId to order { id channel { code } customer { name email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerImportJd($p: JSON!) { importChannelOrder(channel: \"jd\", payload: $p) { created } }\n"): (typeof documents)["\n  mutation PartnerImportJd($p: JSON!) { importChannelOrder(channel: \"jd\", payload: $p) { created } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerRegisterWebhook($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n"): (typeof documents)["\n  mutation PartnerRegisterWebhook($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerWebhook($id: ID!) { webhook(id: $id) { id } }"): (typeof documents)["query PartnerWebhook($id: ID!) { webhook(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerTrail($actor: String) {\n    auditEvents(first: 100, filter: { actor: $actor }) { edges { node { actor action outcome channel } } }\n  }\n"): (typeof documents)["\n  query PartnerTrail($actor: String) {\n    auditEvents(first: 100, filter: { actor: $actor }) { edges { node { actor action outcome channel } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IdentityViewer { viewer { sub scopes channels } }"): (typeof documents)["query IdentityViewer { viewer { sub scopes channels } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdentityOrdersWithCustomers { orders(first: 2) { edges { node { id status customer { id } } } } }\n"): (typeof documents)["\n  query IdentityOrdersWithCustomers { orders(first: 2) { edges { node { id status customer { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsFirstCustomer { customers(first: 1) { edges { node { id } } } }"): (typeof documents)["query LimitsFirstCustomer { customers(first: 1) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsCancelsInTrail {\n    auditEvents(first: 50, filter: { action: \"cancelOrder\" }) { edges { node { actor action outcome } } }\n  }\n"): (typeof documents)["\n  query LimitsCancelsInTrail {\n    auditEvents(first: 50, filter: { action: \"cancelOrder\" }) { edges { node { actor action outcome } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputFullPages($id: ID!) {\n    customers(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    customer(id: $id) { orders(first: 100) { totalCount edges { node { id } } } shipments(first: 100) { id } }\n  }\n"): (typeof documents)["\n  query BadInputFullPages($id: ID!) {\n    customers(first: 100) { edges { node { id } } }\n    orders(first: 100) { edges { node { id } } }\n    customer(id: $id) { orders(first: 100) { totalCount edges { node { id } } } shipments(first: 100) { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputOrderBothWays($id: ID!, $c: String!, $x: String!) {\n    order(id: $id) { id }\n    orderByExternalId(channel: $c, externalId: $x) { id }\n  }\n"): (typeof documents)["\n  query BadInputOrderBothWays($id: ID!, $c: String!, $x: String!) {\n    order(id: $id) { id }\n    orderByExternalId(channel: $c, externalId: $x) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayloadsImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n"): (typeof documents)["\n  mutation PayloadsImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayloadsBatch($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n"): (typeof documents)["\n  mutation PayloadsBatch($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayloadsQuality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) { received accepted duplicates rejected }\n  }\n"): (typeof documents)["\n  query PayloadsQuality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) { received accepted duplicates rejected }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayloadsRejections($channel: String) {\n    recentRejections(channel: $channel, first: 1) { externalId problems { field message } }\n  }\n"): (typeof documents)["\n  query PayloadsRejections($channel: String) {\n    recentRejections(channel: $channel, first: 1) { externalId problems { field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CorpusEverySubgraph {\n    channels { code }\n    warehouses { id }\n    customers(first: 1) { totalCount }\n    shipment(id: \"00000000-0000-4000-8000-000000000000\") { id }\n  }\n"): (typeof documents)["\n  query CorpusEverySubgraph {\n    channels { code }\n    warehouses { id }\n    customers(first: 1) { totalCount }\n    shipment(id: \"00000000-0000-4000-8000-000000000000\") { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectedMalformedTmall { importChannelOrder(channel: \"tmall\", payload: { tid: \"123\" }) { created } }\n"): (typeof documents)["\n  mutation RejectedMalformedTmall { importChannelOrder(channel: \"tmall\", payload: { tid: \"123\" }) { created } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectedUnknownChannel { importChannelOrder(channel: \"ebay\", payload: {}) { created } }\n"): (typeof documents)["\n  mutation RejectedUnknownChannel { importChannelOrder(channel: \"ebay\", payload: {}) { created } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectedCancel($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation RejectedCancel($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectedAdjust($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand }\n  }\n"): (typeof documents)["\n  mutation RejectedAdjust($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClusterLive($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) { eventId to order { id customer { id } } }\n  }\n"): (typeof documents)["\n  subscription ClusterLive($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) { eventId to order { id customer { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestartRead { customers(first: 3) { totalCount edges { node { name orders(first: 2) { totalCount } } } } }\n"): (typeof documents)["\n  query RestartRead { customers(first: 3) { totalCount edges { node { name orders(first: 2) { totalCount } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterCacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku available } } }\n  }\n"): (typeof documents)["\n  query ClusterCacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku available } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClusterPoisonOrder($id: ID!) { order(id: $id) { status statusHistory { to reason } } }"): (typeof documents)["query ClusterPoisonOrder($id: ID!) { order(id: $id) { status statusHistory { to reason } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterPoisonParked { parkedEvents(service: \"inventory\") { id consumer orderId attempts status } }\n"): (typeof documents)["\n  query ClusterPoisonParked { parkedEvents(service: \"inventory\") { id consumer orderId attempts status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClusterPoisonRetry($id: ID!) { retryParkedEvent(id: $id) { status } }"): (typeof documents)["mutation ClusterPoisonRetry($id: ID!) { retryParkedEvent(id: $id) { status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku name available } } }\n  }\n"): (typeof documents)["\n  query CacheOrderProducts($id: ID!) {\n    order(id: $id) { id lines { sku product { sku name available } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheOrderBuyer($id: ID!) {\n    order(id: $id) { id customer { id name email } }\n  }\n"): (typeof documents)["\n  query CacheOrderBuyer($id: ID!) {\n    order(id: $id) { id customer { id name email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheAdjust($sku: ID!, $w: ID!, $delta: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: \"entity cache e2e\") { onHand }\n  }\n"): (typeof documents)["\n  mutation CacheAdjust($sku: ID!, $w: ID!, $delta: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: \"entity cache e2e\") { onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerStatsFields on Customer {\n    id\n    stats {\n      orderCount firstOrderAt lastOrderAt channels\n      lifetimeValue { amount currency } averageOrderValue { amount currency }\n      lifetimeValueByCurrency { amount currency }\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerStatsFields on Customer {\n    id\n    stats {\n      orderCount firstOrderAt lastOrderAt channels\n      lifetimeValue { amount currency } averageOrderValue { amount currency }\n      lifetimeValueByCurrency { amount currency }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerStatsOf($id: ID!) { customer(id: $id) { ...CustomerStatsFields } }"): (typeof documents)["query CustomerStatsOf($id: ID!) { customer(id: $id) { ...CustomerStatsFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DegradedOrder($id: ID!) {\n    order(id: $id) { id status customer { name } lines { sku product { name } } allocations { sku } shipments { id } }\n  }\n"): (typeof documents)["\n  query DegradedOrder($id: ID!) {\n    order(id: $id) { id status customer { name } lines { sku product { name } } allocations { sku } shipments { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DownOrderWithProducts($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      customer { name }\n      lines { sku quantity product { name } }\n    }\n  }\n"): (typeof documents)["\n  query DownOrderWithProducts($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      customer { name }\n      lines { sku quantity product { name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DownWarehousesAndCustomers { warehouses { code } customers(first: 2) { totalCount } }\n"): (typeof documents)["\n  query DownWarehousesAndCustomers { warehouses { code } customers(first: 2) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DownProductAndCustomers($sku: ID!) { product(sku: $sku) { name } customers(first: 2) { totalCount } }\n"): (typeof documents)["\n  query DownProductAndCustomers($sku: ID!) { product(sku: $sku) { name } customers(first: 2) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DownOrderAndCustomer($id: ID!) { order(id: $id) { status customer { name } } }"): (typeof documents)["query DownOrderAndCustomer($id: ID!) { order(id: $id) { status customer { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarrierLoopShipments($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } warehouse { code } } }\n  }\n"): (typeof documents)["\n  query CarrierLoopShipments($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } warehouse { code } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarrierLoopExceptions {\n    workItems(filter: { kind: [\"LOGISTICS_EXCEPTION\"] }, first: 100) { edges { node { id subjectId } } }\n  }\n"): (typeof documents)["\n  query CarrierLoopExceptions {\n    workItems(filter: { kind: [\"LOGISTICS_EXCEPTION\"] }, first: 100) { edges { node { id subjectId } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarrierLoopItem($id: ID!) {\n    workItem(id: $id) { id kind status assignee carrier subjectType shipment { id status } }\n  }\n"): (typeof documents)["\n  query CarrierLoopItem($id: ID!) {\n    workItem(id: $id) { id kind status assignee carrier subjectType shipment { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CarrierLoopResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) { id status outcome cause resolvedBy }\n  }\n"): (typeof documents)["\n  mutation CarrierLoopResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) { id status outcome cause resolvedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarrierLoopItemOutcome($id: ID!) { workItem(id: $id) { status outcome cause resolvedBy } }\n"): (typeof documents)["\n  query CarrierLoopItemOutcome($id: ID!) { workItem(id: $id) { status outcome cause resolvedBy } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarrierLoopRecords {\n    carriers { code onTimeRate performance { delivered onTime carrierFaults observed observedOnTimeRate } }\n  }\n"): (typeof documents)["\n  query CarrierLoopRecords {\n    carriers { code onTimeRate performance { delivered onTime carrierFaults observed observedOnTimeRate } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCustomerValue($id: ID!) {\n    customer(id: $id) {\n      id name email guest\n      identities { channel externalId }\n      value {\n        tier recency frequency monetary { amount currency } rScore fScore mScore score\n        channelMix { channel orders share } firstOrderAt lastOrderAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskCustomerValue($id: ID!) {\n    customer(id: $id) {\n      id name email guest\n      identities { channel externalId }\n      value {\n        tier recency frequency monetary { amount currency } rScore fScore mScore score\n        channelMix { channel orders share } firstOrderAt lastOrderAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCustomersByTier($tier: CustomerTier, $search: String) {\n    customers(tier: $tier, search: $search, first: 5) { totalCount edges { node { id value { tier } } } }\n  }\n"): (typeof documents)["\n  query DeskCustomersByTier($tier: CustomerTier, $search: String) {\n    customers(tier: $tier, search: $search, first: 5) { totalCount edges { node { id value { tier } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n"): (typeof documents)["\n  mutation DeskImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskIntakeFlags($since: DateTime) { intakeQuality(since: $since) { channel accepted flagsByCode { flag count } } }\n"): (typeof documents)["\n  query DeskIntakeFlags($since: DateTime) { intakeQuality(since: $since) { channel accepted flagsByCode { flag count } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskUpsertOperator($input: OperatorInput!) { upsertOperator(input: $input) { sub skills capacity openItems } }\n"): (typeof documents)["\n  mutation DeskUpsertOperator($input: OperatorInput!) { upsertOperator(input: $input) { sub skills capacity openItems } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PackagingOrder($id: ID!) { order(id: $id) { status shipments { id } } }"): (typeof documents)["query PackagingOrder($id: ID!) { order(id: $id) { status shipments { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackagingShipment($id: ID!) {\n    shipment(id: $id) {\n      carbonKg carrier { mode } warehouse { id code latitude longitude boxes { code lengthMm widthMm heightMm tareGrams maxWeightGrams isDefault } }\n      packages { packageNo boxCode lengthMm widthMm heightMm weightGrams itemsVolumeCm3 boxVolumeCm3 defaultBoxVolumeCm3 voidFill\n        assumedDimensions items { sku quantity } }\n    }\n  }\n"): (typeof documents)["\n  query PackagingShipment($id: ID!) {\n    shipment(id: $id) {\n      carbonKg carrier { mode } warehouse { id code latitude longitude boxes { code lengthMm widthMm heightMm tareGrams maxWeightGrams isDefault } }\n      packages { packageNo boxCode lengthMm widthMm heightMm weightGrams itemsVolumeCm3 boxVolumeCm3 defaultBoxVolumeCm3 voidFill\n        assumedDimensions items { sku quantity } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackagingProducts($a: ID!, $b: ID!) {\n    a: product(sku: $a) { ...PackedProduct }\n    b: product(sku: $b) { ...PackedProduct }\n  }\n  fragment PackedProduct on Product { sku weightGrams dimensions { lengthMm widthMm heightMm volumeCm3 } }\n"): (typeof documents)["\n  query PackagingProducts($a: ID!, $b: ID!) {\n    a: product(sku: $a) { ...PackedProduct }\n    b: product(sku: $b) { ...PackedProduct }\n  }\n  fragment PackedProduct on Product { sku weightGrams dimensions { lengthMm widthMm heightMm volumeCm3 } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackagingKpis($warehouseId: ID!, $from: String!, $to: String!) {\n    packagingKpis(warehouseId: $warehouseId, from: $from, to: $to) {\n      shipmentsPacked packages boxVolumeCm3 defaultBoxVolumeCm3 voidFill voidFillWithDefaultBox volumeSavedCm3\n    }\n  }\n"): (typeof documents)["\n  query PackagingKpis($warehouseId: ID!, $from: String!, $to: String!) {\n    packagingKpis(warehouseId: $warehouseId, from: $from, to: $to) {\n      shipmentsPacked packages boxVolumeCm3 defaultBoxVolumeCm3 voidFill voidFillWithDefaultBox volumeSavedCm3\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackagingSetBoxes($warehouseId: ID!, $boxes: [BoxInput!]!) {\n    setWarehouseBoxes(input: { warehouseId: $warehouseId, boxes: $boxes }) { code volumeCm3 isDefault }\n  }\n"): (typeof documents)["\n  mutation PackagingSetBoxes($warehouseId: ID!, $boxes: [BoxInput!]!) {\n    setWarehouseBoxes(input: { warehouseId: $warehouseId, boxes: $boxes }) { code volumeCm3 isDefault }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackagingTrail { auditEvents(first: 20, filter: { action: \"setWarehouseBoxes\" }) { edges { node { action target outcome } } } }\n"): (typeof documents)["\n  query PackagingTrail { auditEvents(first: 20, filter: { action: \"setWarehouseBoxes\" }) { edges { node { action target outcome } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FulfilmentOrder($id: ID!) {\n    order(id: $id) {\n      status returnState total { amount } refunded { amount currency }\n      lines { sku quantity unitPrice { amount } returnedQuantity }\n      shipments { id direction }\n      returnShipments: shipments(direction: RETURN) {\n        id trackingNumber direction returnId status carrier { code } warehouse { code }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FulfilmentOrder($id: ID!) {\n    order(id: $id) {\n      status returnState total { amount } refunded { amount currency }\n      lines { sku quantity unitPrice { amount } returnedQuantity }\n      shipments { id direction }\n      returnShipments: shipments(direction: RETURN) {\n        id trackingNumber direction returnId status carrier { code } warehouse { code }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FulfilmentReturn($id: ID!) {\n    return(id: $id) {\n      status refund { amount } shippingRefund { amount }\n      lines { lineNo sku quantity restocked refurbished scrapped refund { amount } }\n      history { to }\n    }\n  }\n"): (typeof documents)["\n  query FulfilmentReturn($id: ID!) {\n    return(id: $id) {\n      status refund { amount } shippingRefund { amount }\n      lines { lineNo sku quantity restocked refurbished scrapped refund { amount } }\n      history { to }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsReceipt($id: ID!) {\n    returnReceipt(returnId: $id) { status receivedAt routingReason warehouse { id code } }\n  }\n"): (typeof documents)["\n  query ReturnsReceipt($id: ID!) {\n    returnReceipt(returnId: $id) { status receivedAt routingReason warehouse { id code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsInspect($input: InspectReturnInput!) {\n    inspectReturn(input: $input) { status lines { lineNo sku restocked refurbished scrapped } }\n  }\n"): (typeof documents)["\n  mutation ReturnsInspect($input: InspectReturnInput!) {\n    inspectReturn(input: $input) { status lines { lineNo sku restocked refurbished scrapped } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsRefurbished($input: CompleteRefurbishmentInput!) {\n    completeRefurbishment(input: $input) { lines { lineNo refurbished refurbishedRestocked refurbishedScrapped } }\n  }\n"): (typeof documents)["\n  mutation ReturnsRefurbished($input: CompleteRefurbishmentInput!) {\n    completeRefurbishment(input: $input) { lines { lineNo refurbished refurbishedRestocked refurbishedScrapped } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FulfilmentAudit($target: String) {\n    auditEvents(first: 10, filter: { target: $target }) { edges { node { action target channel outcome } } }\n  }\n"): (typeof documents)["\n  query FulfilmentAudit($target: String) {\n    auditEvents(first: 10, filter: { target: $target }) { edges { node { action target channel outcome } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FulfilmentBuyerValue($id: ID!) {\n    order(id: $id) { customer { value { frequency monetary { amount currency } } } }\n  }\n"): (typeof documents)["\n  query FulfilmentBuyerValue($id: ID!) {\n    order(id: $id) { customer { value { frequency monetary { amount currency } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsLedger($sku: ID) { stockLedgerCheck(sku: $sku) { sku onHand ledgerOnHand } }\n"): (typeof documents)["\n  query ReturnsLedger($sku: ID) { stockLedgerCheck(sku: $sku) { sku onHand ledgerOnHand } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) {\n      status returnState lines { sku quantity returnedQuantity }\n    }\n  }\n"): (typeof documents)["\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) {\n      status returnState lines { sku quantity returnedQuantity }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsAuthorise($id: ID!) { authoriseReturn(id: $id) { id status authorisedAt } }\n"): (typeof documents)["\n  mutation ReturnsAuthorise($id: ID!) { authoriseReturn(id: $id) { id status authorisedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsList($filter: ReturnFilter) {\n    returns(first: 10, filter: $filter) { totalCount edges { node { id status reason order { id returnState } } } }\n  }\n"): (typeof documents)["\n  query ReturnsList($filter: ReturnFilter) {\n    returns(first: 10, filter: $filter) { totalCount edges { node { id status reason order { id returnState } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsOne($id: ID!) { return(id: $id) { id status } }\n"): (typeof documents)["\n  query ReturnsOne($id: ID!) { return(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsKpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    returnKpis(from: $from, to: $to, channel: $channel) {\n      unitsSold unitsReturned returnRate byReason { key unitsReturned }\n    }\n  }\n"): (typeof documents)["\n  query ReturnsKpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    returnKpis(from: $from, to: $to, channel: $channel) {\n      unitsSold unitsReturned returnRate byReason { key unitsReturned }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n"): (typeof documents)["\n  query ReturnsAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsImport($channel: String!, $payload: JSON!) {\n    importChannelReturn(channel: $channel, payload: $payload) { created return { id status source externalId } }\n  }\n"): (typeof documents)["\n  mutation ReturnsImport($channel: String!, $payload: JSON!) {\n    importChannelReturn(channel: $channel, payload: $payload) { created return { id status source externalId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsRequest($input: RequestReturnInput!) {\n    requestReturn(input: $input) { id status reason lines { lineNo sku quantity } }\n  }\n"): (typeof documents)["\n  mutation ReturnsRequest($input: RequestReturnInput!) {\n    requestReturn(input: $input) { id status reason lines { lineNo sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsOutboundParcels($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } } }\n  }\n"): (typeof documents)["\n  query ReturnsOutboundParcels($id: ID!) {\n    order(id: $id) { status shipments { id trackingNumber carrier { code } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskItems($filter: WorkItemFilter) {\n    workItems(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind status priority assignee channel carrier subjectType subjectId orderId summary checklist dueAt overdue\n          outcome cause resolvedBy facts { name value }\n          order { id status riskScore }\n          shipment { id status }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskItems($filter: WorkItemFilter) {\n    workItems(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind status priority assignee channel carrier subjectType subjectId orderId summary checklist dueAt overdue\n          outcome cause resolvedBy facts { name value }\n          order { id status riskScore }\n          shipment { id status }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) {\n      id status outcome cause resolvedBy history { change actor note }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {\n    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) {\n      id status outcome cause resolvedBy history { change actor note }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskPrecision($from: DateTime!) { riskRulePrecision(from: $from) { ruleCode held legitimate fraudulent precision } }\n"): (typeof documents)["\n  query DeskPrecision($from: DateTime!) { riskRulePrecision(from: $from) { ruleCode held legitimate fraudulent precision } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeskLive($kinds: [String!]) {\n    workItemChanged(kinds: $kinds) { eventId change workItem { id kind status assignee shipment { id } } }\n  }\n"): (typeof documents)["\n  subscription DeskLive($kinds: [String!]) {\n    workItemChanged(kinds: $kinds) { eventId change workItem { id kind status assignee shipment { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeskLiveAfter($kinds: [String!], $after: ID) {\n    workItemChanged(kinds: $kinds, after: $after) { eventId change workItem { id } }\n  }\n"): (typeof documents)["\n  subscription DeskLiveAfter($kinds: [String!], $after: ID) {\n    workItemChanged(kinds: $kinds, after: $after) { eventId change workItem { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskComment($id: ID!, $text: String!) { commentWorkItem(id: $id, text: $text) { id } }\n"): (typeof documents)["\n  mutation DeskComment($id: ID!, $text: String!) { commentWorkItem(id: $id, text: $text) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status riskScore riskFlags } } }\n"): (typeof documents)["\n  mutation DeskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status riskScore riskFlags } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskAudit($filter: AuditFilter) { auditEvents(filter: $filter, first: 20) { edges { node { actor action target outcome } } } }\n"): (typeof documents)["\n  query DeskAudit($filter: AuditFilter) { auditEvents(filter: $filter, first: 20) { edges { node { actor action target outcome } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GraphiqlRestock($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 100, reason: \"GraphiQL e2e\") { available }\n  }\n"): (typeof documents)["\n  mutation GraphiqlRestock($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 100, reason: \"GraphiQL e2e\") { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GraphiqlWarehouses { warehouses { id } }"): (typeof documents)["query GraphiqlWarehouses { warehouses { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment GraphiqlFound on Customer { name orders { totalCount } }"): (typeof documents)["fragment GraphiqlFound on Customer { name orders { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GraphiqlStatusEvent on OrderStatusEvent { eventId from to order { id status customer { name } } }\n"): (typeof documents)["\n  fragment GraphiqlStatusEvent on OrderStatusEvent { eventId from to order { id status customer { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BatchImport($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n"): (typeof documents)["\n  mutation BatchImport($channel: String!, $payloads: [JSON!]!) {\n    importChannelOrders(channel: $channel, payloads: $payloads) {\n      index created order { id externalId } errors { field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BatchImportOne($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { order { id } }\n  }\n"): (typeof documents)["\n  mutation BatchImportOne($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { order { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QualityImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n"): (typeof documents)["\n  mutation QualityImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) {\n      channel received accepted duplicates rejected repaired\n      repairsByRule { rule count } problemsByField { field count }\n    }\n  }\n"): (typeof documents)["\n  query Quality($channel: String, $since: DateTime) {\n    intakeQuality(channel: $channel, since: $since) {\n      channel received accepted duplicates rejected repaired\n      repairsByRule { rule count } problemsByField { field count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QualityRejections($channel: String, $first: Int) {\n    recentRejections(channel: $channel, first: $first) {\n      id channel externalId receivedAt problems { field message } repairs { rule field from to }\n    }\n  }\n"): (typeof documents)["\n  query QualityRejections($channel: String, $first: Int) {\n    recentRejections(channel: $channel, first: $first) {\n      id channel externalId receivedAt problems { field message } repairs { rule field from to }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Kpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    channelKpis(from: $from, to: $to, channel: $channel) {\n      channel { code } day orders revenue { amount currency } revenueByCurrency { amount currency }\n      shippedOrders processingHoursP50 processingHoursP90 fillRate deliveredOrders onTimeDeliveryRate\n    }\n  }\n"): (typeof documents)["\n  query Kpis($from: DateTime!, $to: DateTime!, $channel: String) {\n    channelKpis(from: $from, to: $to, channel: $channel) {\n      channel { code } day orders revenue { amount currency } revenueByCurrency { amount currency }\n      shippedOrders processingHoursP50 processingHoursP90 fillRate deliveredOrders onTimeDeliveryRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrioritySet($channel: String!, $priority: Int!) {\n    setChannelPriority(channel: $channel, priority: $priority) { channel priority isDefault }\n  }\n"): (typeof documents)["\n  mutation PrioritySet($channel: String!, $priority: Int!) {\n    setChannelPriority(channel: $channel, priority: $priority) { channel priority isDefault }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PriorityRemove($channel: String!) { removeChannelPriority(channel: $channel) }\n"): (typeof documents)["\n  mutation PriorityRemove($channel: String!) { removeChannelPriority(channel: $channel) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Priorities($channel: String) { channelPriorities(channel: $channel) { channel priority isDefault } }\n"): (typeof documents)["\n  query Priorities($channel: String) { channelPriorities(channel: $channel) { channel priority isDefault } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PriorityAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n"): (typeof documents)["\n  mutation PriorityAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriorityOrder($id: ID!) { order(id: $id) { id backorderReason allocations { sku quantity } } }\n"): (typeof documents)["\n  query PriorityOrder($id: ID!) { order(id: $id) { id backorderReason allocations { sku quantity } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriorityStockouts($sku: ID!, $day: String!) {\n    product(sku: $sku) {\n      planningKpi(from: $day, to: $day) { stockoutByChannel { channel unitsDemanded unitsShort } }\n    }\n  }\n"): (typeof documents)["\n  query PriorityStockouts($sku: ID!, $day: String!) {\n    product(sku: $sku) {\n      planningKpi(from: $day, to: $day) { stockoutByChannel { channel unitsDemanded unitsShort } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotaSet($channel: String!, $sku: ID!, $maxUnits: Int, $maxShare: Float) {\n    setChannelQuota(channel: $channel, sku: $sku, maxUnits: $maxUnits, maxShare: $maxShare) {\n      channel sku maxUnits maxShare limit held remaining\n    }\n  }\n"): (typeof documents)["\n  mutation QuotaSet($channel: String!, $sku: ID!, $maxUnits: Int, $maxShare: Float) {\n    setChannelQuota(channel: $channel, sku: $sku, maxUnits: $maxUnits, maxShare: $maxShare) {\n      channel sku maxUnits maxShare limit held remaining\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quotas($sku: ID) { channelQuotas(sku: $sku) { channel sku maxUnits maxShare limit held remaining } }\n"): (typeof documents)["\n  query Quotas($sku: ID) { channelQuotas(sku: $sku) { channel sku maxUnits maxShare limit held remaining } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaOrder($id: ID!) { order(id: $id) { id status backorderReason allocations { sku quantity } } }\n"): (typeof documents)["\n  query QuotaOrder($id: ID!) { order(id: $id) { id status backorderReason allocations { sku quantity } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemandHistory($sku: ID!, $from: String, $to: String) {\n    product(sku: $sku) {\n      demandHistory(from: $from, to: $to) { day warehouseId channel unitsDemanded unitsFulfilled unitsShort orders }\n    }\n  }\n"): (typeof documents)["\n  query DemandHistory($sku: ID!, $from: String, $to: String) {\n    product(sku: $sku) {\n      demandHistory(from: $from, to: $to) { day warehouseId channel unitsDemanded unitsFulfilled unitsShort orders }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForecastRefit($skus: [ID!]) {\n    refitForecasts(skus: $skus) { status fitted byModel { model series } holdoutWape fittedAt durationMs }\n  }\n"): (typeof documents)["\n  mutation ForecastRefit($skus: [ID!]) {\n    refitForecasts(skus: $skus) { status fitted byModel { model series } holdoutWape fittedAt durationMs }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductForecast($sku: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(days: $days) {\n        warehouseId model level fittedAt holdoutWape errorSd days { date baseline point lower upper uplift }\n      }\n      stockLevels {\n        warehouse { id }\n        available\n        forecastDemand(days: $days)\n        daysOfCover\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductForecast($sku: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(days: $days) {\n        warehouseId model level fittedAt holdoutWape errorSd days { date baseline point lower upper uplift }\n      }\n      stockLevels {\n        warehouse { id }\n        available\n        forecastDemand(days: $days)\n        daysOfCover\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductForecastAt($sku: ID!, $warehouseId: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(warehouseId: $warehouseId, days: $days) { model fittedAt errorSd days { date point lower upper } }\n    }\n  }\n"): (typeof documents)["\n  query ProductForecastAt($sku: ID!, $warehouseId: ID!, $days: Int) {\n    product(sku: $sku) {\n      forecast(warehouseId: $warehouseId, days: $days) { model fittedAt errorSd days { date point lower upper } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PresaleAdjust($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { code } onHand reserved available\n    }\n  }\n"): (typeof documents)["\n  mutation PresaleAdjust($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { code } onHand reserved available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PresaleProduct($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { code } onHand reserved }\n      presaleStock { warehouse { code } onHand reserved available }\n    }\n  }\n"): (typeof documents)["\n  query PresaleProduct($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { code } onHand reserved }\n      presaleStock { warehouse { code } onHand reserved available }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PresalePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id lines { sku presale } } } }\n"): (typeof documents)["\n  mutation PresalePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id lines { sku presale } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PresaleRegularAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"stock count\") { available }\n  }\n"): (typeof documents)["\n  mutation PresaleRegularAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"stock count\") { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionPlan($input: PlanPromotionInput!) {\n    planPromotion(input: $input) { id name channels skus startsOn endsOn uplift status plannedBy }\n  }\n"): (typeof documents)["\n  mutation PromotionPlan($input: PlanPromotionInput!) {\n    planPromotion(input: $input) { id name channels skus startsOn endsOn uplift status plannedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PromotionCancel($id: ID!) { cancelPromotion(id: $id) { id status } }"): (typeof documents)["mutation PromotionCancel($id: ID!) { cancelPromotion(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionList($sku: ID, $status: PromotionStatus) {\n    promotions(sku: $sku, status: $status) {\n      id name status uplift measuredUplift measuredDays actualUnits baselineUnits\n    }\n  }\n"): (typeof documents)["\n  query PromotionList($sku: ID, $status: PromotionStatus) {\n    promotions(sku: $sku, status: $status) {\n      id name status uplift measuredUplift measuredDays actualUnits baselineUnits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionsOfProduct($sku: ID!) {\n    product(sku: $sku) { sku promotions { id name uplift measuredUplift } }\n  }\n"): (typeof documents)["\n  query PromotionsOfProduct($sku: ID!) {\n    product(sku: $sku) { sku promotions { id name uplift measuredUplift } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n"): (typeof documents)["\n  query PromotionAudit($filter: AuditFilter) {\n    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Replenishment($sku: ID, $warehouseId: ID) {\n    replenishmentSuggestions(sku: $sku, warehouseId: $warehouseId) {\n      sku warehouse { code } quantity orderBy neededBy arrivesBy reorderPointOn stockoutOn late urgency\n      inputs { onHand reserved inbound position safetyStock reorderPoint leadTimeDays reviewDays horizonDemand\n        forecastDays positionAtOrder coverDemand orderUpTo }\n    }\n  }\n"): (typeof documents)["\n  query Replenishment($sku: ID, $warehouseId: ID) {\n    replenishmentSuggestions(sku: $sku, warehouseId: $warehouseId) {\n      sku warehouse { code } quantity orderBy neededBy arrivesBy reorderPointOn stockoutOn late urgency\n      inputs { onHand reserved inbound position safetyStock reorderPoint leadTimeDays reviewDays horizonDemand\n        forecastDays positionAtOrder coverDemand orderUpTo }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplenishmentCsv($sku: ID, $horizonDays: Int) { replenishmentSuggestionsCsv(sku: $sku, horizonDays: $horizonDays) }\n"): (typeof documents)["\n  query ReplenishmentCsv($sku: ID, $horizonDays: Int) { replenishmentSuggestionsCsv(sku: $sku, horizonDays: $horizonDays) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerCheck($sku: ID) {\n    stockLedgerCheck(sku: $sku) { sku warehouse { code } presale onHand ledgerOnHand reserved ledgerReserved }\n  }\n"): (typeof documents)["\n  query LedgerCheck($sku: ID) {\n    stockLedgerCheck(sku: $sku) { sku warehouse { code } presale onHand ledgerOnHand reserved ledgerReserved }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n"): (typeof documents)["\n  query LedgerShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LedgerCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { status } }\n"): (typeof documents)["\n  mutation LedgerCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LedgerAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 4, reason: \"found in a returns cage\") { onHand }\n  }\n"): (typeof documents)["\n  mutation LedgerAdjust($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 4, reason: \"found in a returns cage\") { onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LedgerAdjustPresale($sku: ID!, $w: ID!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $w, delta: 6, reason: \"presale allotment\") { onHand }\n  }\n"): (typeof documents)["\n  mutation LedgerAdjustPresale($sku: ID!, $w: ID!) {\n    adjustPresaleStock(sku: $sku, warehouseId: $w, delta: 6, reason: \"presale allotment\") { onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SafetyStockLevel($sku: ID!) {\n    product(sku: $sku) {\n      stockLevels {\n        warehouse { id code } safetyStock available safetyStockSource fixedSafetyStock reorderPoint leadTimeDays\n        reviewDays serviceLevel\n        safetyStockChanges(first: 5) {\n          reason oldSafetyStock newSafetyStock source errorSd historyDays leadTimeDays serviceLevel z uplift\n          leadTimeDemand reorderPoint\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SafetyStockLevel($sku: ID!) {\n    product(sku: $sku) {\n      stockLevels {\n        warehouse { id code } safetyStock available safetyStockSource fixedSafetyStock reorderPoint leadTimeDays\n        reviewDays serviceLevel\n        safetyStockChanges(first: 5) {\n          reason oldSafetyStock newSafetyStock source errorSd historyDays leadTimeDays serviceLevel z uplift\n          leadTimeDemand reorderPoint\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SafetyStockRecompute($skus: [ID!]!) {\n    recomputeSafetyStock(skus: $skus) { sku warehouseId oldSafetyStock newSafetyStock source uplift }\n  }\n"): (typeof documents)["\n  mutation SafetyStockRecompute($skus: [ID!]!) {\n    recomputeSafetyStock(skus: $skus) { sku warehouseId oldSafetyStock newSafetyStock source uplift }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SafetyStockPolicy($w: ID!, $sku: ID, $lead: Int, $level: Float) {\n    setPlanningPolicy(warehouseId: $w, sku: $sku, leadTimeDays: $lead, serviceLevel: $level) {\n      policy { sku leadTimeDays serviceLevel } changes { oldSafetyStock newSafetyStock }\n    }\n  }\n"): (typeof documents)["\n  mutation SafetyStockPolicy($w: ID!, $sku: ID, $lead: Int, $level: Float) {\n    setPlanningPolicy(warehouseId: $w, sku: $sku, leadTimeDays: $lead, serviceLevel: $level) {\n      policy { sku leadTimeDays serviceLevel } changes { oldSafetyStock newSafetyStock }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SafetyStockPromotion($input: PlanPromotionInput!) { planPromotion(input: $input) { id } }\n"): (typeof documents)["\n  mutation SafetyStockPromotion($input: PlanPromotionInput!) { planPromotion(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SafetyStockPromotionCancel($id: ID!) { cancelPromotion(id: $id) { id } }\n"): (typeof documents)["\n  mutation SafetyStockPromotionCancel($id: ID!) { cancelPromotion(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockAlerts($open: Boolean) {\n    stockAlerts(open: $open) { id kind sku warehouse { code } message openedAt closedAt }\n  }\n"): (typeof documents)["\n  query StockAlerts($open: Boolean) {\n    stockAlerts(open: $open) { id kind sku warehouse { code } message openedAt closedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertsCancel($id: ID!) { cancelOrder(id: $id, reason: \"out of patience\") { status } }\n"): (typeof documents)["\n  mutation AlertsCancel($id: ID!) { cancelOrder(id: $id, reason: \"out of patience\") { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertsAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n"): (typeof documents)["\n  mutation AlertsAdjust($sku: ID!, $w: ID!, $d: Int!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: $d, reason: \"supplier delivery\") { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { id status quantity inTransit fromWarehouse { code } toWarehouse { code } }\n  }\n"): (typeof documents)["\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { id status quantity inTransit fromWarehouse { code } toWarehouse { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceiveTransfer($id: ID!) { receiveTransfer(id: $id) { id status received inTransit closedAt } }\n"): (typeof documents)["\n  mutation ReceiveTransfer($id: ID!) { receiveTransfer(id: $id) { id status received inTransit closedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransferLevels($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { id code } onHand reserved available inTransitIn inTransitOut }\n    }\n    transfers(filter: { sku: $sku }) { totalCount edges { node { id status inTransit } } }\n    stockLedgerCheck(sku: $sku) { warehouse { code } }\n  }\n"): (typeof documents)["\n  query TransferLevels($sku: ID!) {\n    product(sku: $sku) {\n      available\n      stockLevels { warehouse { id code } onHand reserved available inTransitIn inTransitOut }\n    }\n    transfers(filter: { sku: $sku }) { totalCount edges { node { id status inTransit } } }\n    stockLedgerCheck(sku: $sku) { warehouse { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LogisticsOrderShipments($id: ID!) { order(id: $id) { status shipments { id } } }"): (typeof documents)["query LogisticsOrderShipments($id: ID!) { order(id: $id) { status shipments { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogisticsShipment($id: ID!) {\n    shipment(id: $id) {\n      id status trackingNumber createdAt estimatedDeliveryAt carbonKg packages { weightGrams }\n      carrier { code mode } warehouse { code latitude longitude }\n      events { at status description }\n    }\n  }\n"): (typeof documents)["\n  query LogisticsShipment($id: ID!) {\n    shipment(id: $id) {\n      id status trackingNumber createdAt estimatedDeliveryAt carbonKg packages { weightGrams }\n      carrier { code mode } warehouse { code latitude longitude }\n      events { at status description }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogisticsScan($now: DateTime) { scanForExceptions(now: $now) { flagged at } }"): (typeof documents)["mutation LogisticsScan($now: DateTime) { scanForExceptions(now: $now) { flagged at } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogisticsAlerts($first: Int, $since: DateTime) {\n    logisticsAlerts(first: $first, since: $since) { id kind detail raisedAt shipment { id status } }\n  }\n"): (typeof documents)["\n  query LogisticsAlerts($first: Int, $since: DateTime) {\n    logisticsAlerts(first: $first, since: $since) { id kind detail raisedAt shipment { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TracedOrder($id: ID!) { order(id: $id) { id status shipments { id } } }\n"): (typeof documents)["\n  query TracedOrder($id: ID!) { order(id: $id) { id status shipments { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntakeImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id externalId channel { code } status total { amount currency }\n        customer { id name identities { channel externalId } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntakeImport($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id externalId channel { code } status total { amount currency }\n        customer { id name identities { channel externalId } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntakeImportTotals($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id total { amount currency } tax { amount currency }\n        customer { id name email phone identities { channel externalId } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntakeImportTotals($channel: String!, $payload: JSON!) {\n    importChannelOrder(channel: $channel, payload: $payload) {\n      created\n      order {\n        id total { amount currency } tax { amount currency }\n        customer { id name email phone identities { channel externalId } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntakePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id customer { id } } } }\n"): (typeof documents)["\n  mutation IntakePlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id customer { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderFlowOrder($id: ID!) {\n    order(id: $id) {\n      id status version\n      statusHistory { from to reason }\n      allocations { sku quantity warehouse { code } reason }\n      shipments { id status trackingNumber carrier { code } warehouse { code } }\n    }\n  }\n"): (typeof documents)["\n  query OrderFlowOrder($id: ID!) {\n    order(id: $id) {\n      id status version\n      statusHistory { from to reason }\n      allocations { sku quantity warehouse { code } reason }\n      shipments { id status trackingNumber carrier { code } warehouse { code } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { id status } }\n"): (typeof documents)["\n  mutation RaceCancel($id: ID!) { cancelOrder(id: $id, reason: \"buyer changed their mind\") { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 5, reason: \"delivery from supplier\") { reserved available }\n  }\n"): (typeof documents)["\n  mutation RaceDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 5, reason: \"delivery from supplier\") { reserved available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RateLimitEvents { orderStatusChanged { eventId } }"): (typeof documents)["subscription RateLimitEvents { orderStatusChanged { eventId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeadlineCustomerCount { customers(first: 1) { totalCount } }"): (typeof documents)["query DeadlineCustomerCount { customers(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsyncBuyerView($id: ID!) { order(id: $id) { status customer { id } statusHistory { to reason } } }\n"): (typeof documents)["\n  query AsyncBuyerView($id: ID!) { order(id: $id) { status customer { id } statusHistory { to reason } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoisonRelease($id: ID!) { releaseOrder(id: $id, reason: \"trigger fixed\") { id status } }\n"): (typeof documents)["\n  mutation PoisonRelease($id: ID!) { releaseOrder(id: $id, reason: \"trigger fixed\") { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoisonDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 1000, reason: \"supplier delivery\") { sku }\n  }\n"): (typeof documents)["\n  mutation PoisonDelivery($sku: ID!, $w: ID!) {\n    adjustStock(sku: $sku, warehouseId: $w, delta: 1000, reason: \"supplier delivery\") { sku }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoisonOrder($id: ID!) {\n    order(id: $id) { id status statusHistory { from to reason } allocations { sku quantity } }\n  }\n"): (typeof documents)["\n  query PoisonOrder($id: ID!) {\n    order(id: $id) { id status statusHistory { from to reason } allocations { sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoisonParked($service: String, $status: ParkedEventStatus) {\n    parkedEvents(service: $service, status: $status) {\n      id service consumer eventId eventType aggregateType aggregateId orderId error attempts parkedAt status\n      order { id status }\n    }\n  }\n"): (typeof documents)["\n  query PoisonParked($service: String, $status: ParkedEventStatus) {\n    parkedEvents(service: $service, status: $status) {\n      id service consumer eventId eventType aggregateType aggregateId orderId error attempts parkedAt status\n      order { id status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PoisonRetry($id: ID!) { retryParkedEvent(id: $id) { id status } }"): (typeof documents)["mutation PoisonRetry($id: ID!) { retryParkedEvent(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RiskOrderFields on Order {\n    id status version riskScore riskFlags statusHistory { from to reason } allocations { sku quantity }\n  }\n"): (typeof documents)["\n  fragment RiskOrderFields on Order {\n    id status version riskScore riskFlags statusHistory { from to reason } allocations { sku quantity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { ...RiskOrderFields } } }\n"): (typeof documents)["\n  mutation RiskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { ...RiskOrderFields } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RiskOrder($id: ID!) { order(id: $id) { ...RiskOrderFields } }"): (typeof documents)["query RiskOrder($id: ID!) { order(id: $id) { ...RiskOrderFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskRelease($id: ID!, $reason: String) { releaseOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n"): (typeof documents)["\n  mutation RiskRelease($id: ID!, $reason: String) { releaseOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskHold($id: ID!, $reason: String!) { holdOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n"): (typeof documents)["\n  mutation RiskHold($id: ID!, $reason: String!) { holdOrder(id: $id, reason: $reason) { ...RiskOrderFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RiskCancel($id: ID!) { cancelOrder(id: $id, reason: \"fraud confirmed\") { ...RiskOrderFields } }\n"): (typeof documents)["\n  mutation RiskCancel($id: ID!) { cancelOrder(id: $id, reason: \"fraud confirmed\") { ...RiskOrderFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StartCustomerCount { customers(first: 1) { totalCount } }"): (typeof documents)["query StartCustomerCount { customers(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StartFirstCustomer { customers(first: 1) { edges { node { id } } } }"): (typeof documents)["query StartFirstCustomer { customers(first: 1) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StartCounts { customers(first: 1) { totalCount } orders(first: 1) { totalCount } }"): (typeof documents)["query StartCounts { customers(first: 1) { totalCount } orders(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { id } onHand reserved safetyStock available updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku warehouse { id } onHand reserved safetyStock available updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdjustStockProduct($sku: ID!) {\n    product(sku: $sku) { available stockLevels { warehouse { id } onHand reserved available } }\n  }\n"): (typeof documents)["\n  query AdjustStockProduct($sku: ID!) {\n    product(sku: $sku) { available stockLevels { warehouse { id } onHand reserved available } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReplicaEvents($channel: String) {\n    orderStatusChanged(channel: $channel) {\n      eventId from to order { id status customer { name } allocations { warehouse { code } } }\n    }\n  }\n"): (typeof documents)["\n  subscription ReplicaEvents($channel: String) {\n    orderStatusChanged(channel: $channel) {\n      eventId from to order { id status customer { name } allocations { warehouse { code } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveStatus($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId from to at\n      order {\n        id status version\n        customer { id name }\n        lines { sku product { name } }\n        allocations { sku quantity warehouse { code } }\n        shipments { trackingNumber status carrier { code } }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveStatus($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId from to at\n      order {\n        id status version\n        customer { id name }\n        lines { sku product { name } }\n        allocations { sku quantity warehouse { code } }\n        shipments { trackingNumber status carrier { code } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n"): (typeof documents)["\n  query LiveShipments($id: ID!) { order(id: $id) { status shipments { trackingNumber carrier { code } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SlowFat($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId to\n      order {\n        id\n        customer {\n          id\n          orders(first: 50) {\n            edges { node { id status statusHistory { from to at reason } lines { sku quantity product { name } } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SlowFat($customerId: ID, $after: ID) {\n    orderStatusChanged(customerId: $customerId, after: $after) {\n      eventId to\n      order {\n        id\n        customer {\n          id\n          orders(first: 50) {\n            edges { node { id status statusHistory { from to at reason } lines { sku quantity product { name } } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportCreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { clientId } }\n  }\n"): (typeof documents)["\n  mutation SupportCreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) { clientSecret client { clientId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }\n"): (typeof documents)["\n  mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordScan($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }\n"): (typeof documents)["\n  mutation RecordScan($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HookPartner {\n    orderStatusChanged {\n      eventId from to at\n      order { id status customer { id name } lines { sku product { name } } allocations { sku warehouse { code } } }\n    }\n  }\n"): (typeof documents)["\n  subscription HookPartner {\n    orderStatusChanged {\n      eventId from to at\n      order { id status customer { id name } lines { sku product { name } } allocations { sku warehouse { code } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HookRegister($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) { id url active secretLastFour filter { orderId customerId channel } }\n  }\n"): (typeof documents)["\n  mutation HookRegister($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) { id url active secretLastFour filter { orderId customerId channel } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HookDeactivate($id: ID!) { deactivateWebhook(id: $id) { id active } }"): (typeof documents)["mutation HookDeactivate($id: ID!) { deactivateWebhook(id: $id) { id active } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HookDeliveries($id: ID!, $status: WebhookDeliveryStatus) {\n    webhook(id: $id) {\n      deliveries(status: $status, first: 50) {\n        totalCount\n        edges {\n          node {\n            id eventId from to status attemptCount lastStatusCode lastError\n            deliveredAt deadAt nextAttemptAt order { id }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HookDeliveries($id: ID!, $status: WebhookDeliveryStatus) {\n    webhook(id: $id) {\n      deliveries(status: $status, first: 50) {\n        totalCount\n        edges {\n          node {\n            id eventId from to status attemptCount lastStatusCode lastError\n            deliveredAt deadAt nextAttemptAt order { id }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScansShipment on Shipment {\n    id trackingNumber carrier { code } status createdAt deliveredAt events { at status location }\n  }\n"): (typeof documents)["\n  fragment ScansShipment on Shipment {\n    id trackingNumber carrier { code } status createdAt deliveredAt events { at status location }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScansOrder($id: ID!) { order(id: $id) { status statusHistory { to at } shipments { ...ScansShipment } } }\n"): (typeof documents)["\n  query ScansOrder($id: ID!) { order(id: $id) { status statusHistory { to at } shipments { ...ScansShipment } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScansRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...ScansShipment } }\n"): (typeof documents)["\n  mutation ScansRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...ScansShipment } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TrackingShipment on Shipment {\n    id trackingNumber carrier { code } status deliveredAt events { at status location description }\n  }\n"): (typeof documents)["\n  fragment TrackingShipment on Shipment {\n    id trackingNumber carrier { code } status deliveredAt events { at status location description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrackingRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...TrackingShipment } }\n"): (typeof documents)["\n  mutation TrackingRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...TrackingShipment } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TrackingShipmentById($id: ID!) { shipment(id: $id) { ...TrackingShipment } }"): (typeof documents)["query TrackingShipmentById($id: ID!) { shipment(id: $id) { ...TrackingShipment } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrackingByNumber($carrier: String!, $number: String!) {\n    shipmentByTracking(carrier: $carrier, trackingNumber: $number) { ...TrackingShipment }\n  }\n"): (typeof documents)["\n  query TrackingByNumber($carrier: String!, $number: String!) {\n    shipmentByTracking(carrier: $carrier, trackingNumber: $number) { ...TrackingShipment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HookByCustomer($customerId: ID) {\n    orderStatusChanged(customerId: $customerId) { eventId to order { id customer { id } } }\n  }\n"): (typeof documents)["\n  subscription HookByCustomer($customerId: ID) {\n    orderStatusChanged(customerId: $customerId) { eventId to order { id customer { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HookReplay($orderId: ID, $after: ID) {\n    orderStatusChanged(orderId: $orderId, after: $after) { eventId to }\n  }\n"): (typeof documents)["\n  subscription HookReplay($orderId: ID, $after: ID) {\n    orderStatusChanged(orderId: $orderId, after: $after) { eventId to }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HookEverything {\n    webhooks(first: 100) {\n      edges { node { id url query variables secretLastFour deliveries { edges { node { id lastError } } } } }\n    }\n  }\n"): (typeof documents)["\n  query HookEverything {\n    webhooks(first: 100) {\n      edges { node { id url query variables secretLastFour deliveries { edges { node { id lastError } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HookRegisterRefused($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n"): (typeof documents)["\n  mutation HookRegisterRefused($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      id eventId status attemptCount lastError deadAt deliveredAt\n      attempts { at statusCode error durationMs } webhook { id }\n    }\n  }\n"): (typeof documents)["\n  query HookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      id eventId status attemptCount lastError deadAt deliveredAt\n      attempts { at statusCode error durationMs } webhook { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HookResend($id: ID!) {\n    resendWebhookDelivery(id: $id) { id eventId status attemptCount nextAttemptAt deadAt }\n  }\n"): (typeof documents)["\n  mutation HookResend($id: ID!) {\n    resendWebhookDelivery(id: $id) { id eventId status attemptCount nextAttemptAt deadAt }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;