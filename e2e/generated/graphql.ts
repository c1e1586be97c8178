/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 date-time with offset, e.g. 2026-11-24T08:00:00Z; from 1970-01-01 up to (not including) 2100-01-01. Anything else, as a literal or a variable, is BAD_USER_INPUT. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  join__DirectiveArguments: { input: any; output: any; }
  join__FieldSet: { input: any; output: any; }
  link__Import: { input: any; output: any; }
  requiresScopes__Scope: { input: any; output: any; }
};

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  city?: Maybe<Scalars['String']['output']>;
  /** ISO-3166 alpha-2. */
  country: Scalars['String']['output'];
  /** PII: without pii:read masked as "***". */
  line1?: Maybe<Scalars['String']['output']>;
  /** PII: without pii:read masked as "Z*** L***" (CJK: "张**"). */
  name?: Maybe<Scalars['String']['output']>;
  /** PII: without pii:read masked as "+86 138****0923". */
  phone?: Maybe<Scalars['String']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  province?: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  /** At most 100 characters, no control characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO-3166 alpha-2. At most 32 characters, no control characters. */
  country: Scalars['String']['input'];
  /** At most 500 characters, no control characters. */
  line1?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters, no control characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** At most 32 characters, no control characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** At most 20 characters, no control characters. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** At most 100 characters, no control characters. */
  province?: InputMaybe<Scalars['String']['input']>;
};

/** Units of an order reserved in one warehouse. */
export type Allocation = {
  __typename?: 'Allocation';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  /** Why the router chose this warehouse (null for allocations made before routing was recorded). */
  reason?: Maybe<Scalars['String']['output']>;
  /** When these units were handed to a carrier. */
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  sku: Scalars['String']['output'];
  /** Where the units are reserved. */
  warehouse: Warehouse;
};

/** A partner system or an internal service that gets tokens by the client-credentials grant (POST /oauth/token). */
export type ApiClient = {
  __typename?: 'ApiClient';
  /** Channels its tokens are limited to; null: every channel. */
  channels?: Maybe<Array<Scalars['String']['output']>>;
  /** What the client sends as client_id (public). */
  clientId: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Set: its tokens no longer work (within 30 s of this time). */
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Requests per minute; null: the platform default (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: Maybe<Scalars['Int']['output']>;
  scopes: Array<Scalars['String']['output']>;
  /** True: may run only documents of the persisted-documents manifest. */
  trustedDocumentsOnly: Scalars['Boolean']['output'];
};

export type ApiClientCredentials = {
  __typename?: 'ApiClientCredentials';
  client: ApiClient;
  /** Shown once, here; stored only as a hash. Lost: create a new client and disable this one. */
  clientSecret: Scalars['String']['output'];
};

/** What the gateway needs of a client beyond its token (internal). */
export type ApiClientPolicy = {
  __typename?: 'ApiClientPolicy';
  clientId: Scalars['String']['output'];
  disabled: Scalars['Boolean']['output'];
  rateLimitPerMinute?: Maybe<Scalars['Int']['output']>;
  trustedDocumentsOnly: Scalars['Boolean']['output'];
};

/** One entry of the audit trail: a mutation, allowed or refused, or a read of real PII values (one entry per object read). Written by the service that served the call, in the same transaction as the change when there is one. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** The mutation's field name (e.g. "placeOrder"), or "pii.read". */
  action: Scalars['String']['output'];
  /** The caller: the token's sub. */
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /** The channel the call concerned, when it concerned one. */
  channel?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** "ok", or the error code the caller got (e.g. "FORBIDDEN", "BAD_USER_INPUT"). */
  outcome: Scalars['String']['output'];
  /** The gateway's request id (its x-request-id answer header). */
  requestId?: Maybe<Scalars['String']['output']>;
  /** "<Type>:<id>" of the object acted on or read, e.g. "Order:1f0c..."; null when the call names no single object. */
  target?: Maybe<Scalars['String']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

/** Conditions on audit entries; the given ones combine with AND. Text matches exactly. */
export type AuditFilter = {
  /** e.g. "cancelOrder" or "pii.read". At most 100 characters, no control characters. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** The caller's sub. At most 256 characters, no control characters. */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** At or after this instant (inclusive). */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** e.g. "Order:1f0c...". At most 256 characters, no control characters. */
  target?: InputMaybe<Scalars['String']['input']>;
};

/** A box of a warehouse's catalogue; dimensions are inside measures in mm. */
export type Box = {
  __typename?: 'Box';
  /** The code pickers know it by, unique in its warehouse. */
  code: Scalars['String']['output'];
  heightMm: Scalars['Int']['output'];
  /** The warehouse's default box: the one used without a packer (KPI baseline). */
  isDefault: Scalars['Boolean']['output'];
  lengthMm: Scalars['Int']['output'];
  /** The most the packed box may weigh, its tare included. */
  maxWeightGrams: Scalars['Int']['output'];
  /** The empty box's own weight. */
  tareGrams: Scalars['Int']['output'];
  /** Inside volume, cm3. */
  volumeCm3: Scalars['Float']['output'];
  widthMm: Scalars['Int']['output'];
};

/** A box of a warehouse catalogue, inside measures. */
export type BoxInput = {
  /** Unique in the catalogue. At most 32 characters. */
  code: Scalars['String']['input'];
  /** 1..3000 mm. */
  heightMm: Scalars['Int']['input'];
  /** The default box; at most one. */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1..3000 mm. */
  lengthMm: Scalars['Int']['input'];
  /** The most the packed box may weigh, tare included: 1..200000 g. */
  maxWeightGrams: Scalars['Int']['input'];
  /** The empty box's weight, 0..100000 g. */
  tareGrams: Scalars['Int']['input'];
  /** 1..3000 mm. */
  widthMm: Scalars['Int']['input'];
};

export type BuyerInput = {
  /** At most 254 characters, no control characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters, no control characters. */
  name: Scalars['String']['input'];
  /** At most 32 characters, no control characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A parcel carrier. */
export type Carrier = {
  __typename?: 'Carrier';
  /** Carrier code, e.g. "sf", "zto", "jd-logistics". */
  code: Scalars['ID']['output'];
  /** How the carrier moves parcels: ROAD, AIR or EXPRESS. */
  mode: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The on-time rate carrier selection plans with: the rate card's figure counted as LOGISTICS_CARRIER_PRIOR_WEIGHT shipments, blended with the observed record. Null for a carrier not on the rate card. */
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  performance: CarrierPerformance;
};

/** A carrier's observed record, from deliveries and resolved logistics exceptions. */
export type CarrierPerformance = {
  __typename?: 'CarrierPerformance';
  /** Logistics exceptions resolved with a cause of the carrier (delay, loss, damage). */
  carrierFaults: Scalars['Int']['output'];
  /** Shipments delivered (with an ETA to judge them by). */
  delivered: Scalars['Int']['output'];
  /** Shipments judged: delivered or failed by the carrier, each once. */
  observed: Scalars['Int']['output'];
  /** onTime / observed; null before any observation. */
  observedOnTimeRate?: Maybe<Scalars['Float']['output']>;
  /** Delivered by the end of the promised day (UTC), with no fault of the carrier. */
  onTime: Scalars['Int']['output'];
};

/** A sales channel orders arrive through. */
export type Channel = {
  __typename?: 'Channel';
  /** e.g. "webstore", "shopify", "tmall", "jd", "douyin", "amazon", "pos". */
  code: Scalars['ID']['output'];
  kind: ChannelKind;
  name: Scalars['String']['output'];
};

/** Figures of the orders one channel took on one UTC day (by placedAt), within the window asked for. Later events (shipping, delivery) count for the day the order was placed. */
export type ChannelDayKpi = {
  __typename?: 'ChannelDayKpi';
  /** The sales channel the orders came through. */
  channel: Channel;
  /** The UTC calendar day, "YYYY-MM-DD". */
  day: Scalars['String']['output'];
  /** Orders that reached DELIVERED. */
  deliveredOrders: Scalars['Int']['output'];
  /** Share of the orders that were never BACKORDERED, 0..1. */
  fillRate: Scalars['Float']['output'];
  /** Share of delivered orders delivered at or before their ETA (the latest estimatedDeliveryAt of their shipments), over the delivered orders whose every shipment had an ETA; null when there is none. */
  onTimeDeliveryRate?: Maybe<Scalars['Float']['output']>;
  /** Orders placed, in every status and currency. */
  orders: Scalars['Int']['output'];
  /** Median hours from placedAt to the first SHIPPED status change (continuous percentile); null when none shipped. */
  processingHoursP50?: Maybe<Scalars['Float']['output']>;
  /** 90th percentile of the same hours (continuous); null when none shipped. */
  processingHoursP90?: Maybe<Scalars['Float']['output']>;
  /** Exact sum of `total` over the orders not CANCELLED, in the main currency (the one with most orders that day, ties alphabetical); "0.00" when all were cancelled. */
  revenue: Money;
  /** The same sum for each currency with an order not CANCELLED, sorted by code. */
  revenueByCurrency: Array<Money>;
  /** Orders that reached SHIPPED (every shipment handed to a carrier), whenever that was. */
  shippedOrders: Scalars['Int']['output'];
};

/** A buyer's account on one channel. */
export type ChannelIdentity = {
  __typename?: 'ChannelIdentity';
  /** Channel code, e.g. "tmall". */
  channel: Scalars['String']['output'];
  /** The buyer's id on that channel. */
  externalId: Scalars['String']['output'];
};

/** Intake quality of one channel: every placeOrder, importChannelOrder and importChannelOrders item counts once. received = accepted + duplicates + rejected. */
export type ChannelIntakeQuality = {
  __typename?: 'ChannelIntakeQuality';
  /** Intakes that created an order. */
  accepted: Scalars['Int']['output'];
  /** Channel code as received, lower case (a rejected unknown channel is listed too). */
  channel: Scalars['String']['output'];
  /** Repeats of an order already made (same channel and externalId): created: false. */
  duplicates: Scalars['Int']['output'];
  /** Over accepted intakes, most frequent first, then by flag. */
  flagsByCode: Array<IntakeFlagCount>;
  /** Over rejected intakes, most frequent first, then by field. */
  problemsByField: Array<IntakeFieldCount>;
  received: Scalars['Int']['output'];
  /** Intakes refused with BAD_USER_INPUT; nothing of them was stored but this record. */
  rejected: Scalars['Int']['output'];
  /** Accepted intakes (orders created) with at least one repair. */
  repaired: Scalars['Int']['output'];
  /** Over accepted intakes, most frequent first, then by rule. */
  repairsByRule: Array<IntakeRuleCount>;
};

/** How a channel reaches buyers. */
export type ChannelKind =
  | 'MARKETPLACE'
  | 'OFFLINE'
  | 'SOCIAL'
  | 'WEBSTORE';

/** A channel's rank when stock is short: waiting orders are served by priority (higher first), then age (oldest first), and no order takes units that orders of a higher-priority channel wait for. Channel quotas still apply. A channel nobody ranked has priority 0. */
export type ChannelPriority = {
  __typename?: 'ChannelPriority';
  /** The channel code, as orders carry it (e.g. "tmall"). */
  channel: Scalars['String']['output'];
  /** True when nobody set a priority for the channel: the default applies. */
  isDefault: Scalars['Boolean']['output'];
  /** Higher is served first. */
  priority: Scalars['Int']['output'];
  /** When the priority was last set; null for the default. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A cap on one channel's share of one SKU's stock: the units its orders may hold at once (reserved, not yet shipped or released). An order that would take the channel past it waits as a backorder. */
export type ChannelQuota = {
  __typename?: 'ChannelQuota';
  /** The channel code, as orders carry it (e.g. "douyin"). */
  channel: Scalars['String']['output'];
  /** Units reserved for the channel's orders and not yet shipped or released. */
  held: Scalars['Int']['output'];
  /** Units the channel may hold now: maxUnits, or maxShare of on-hand rounded down. */
  limit: Scalars['Int']['output'];
  /** Share of the SKU's on-hand units over all warehouses (0.3 = 30%); null when absolute. */
  maxShare?: Maybe<Scalars['Float']['output']>;
  /** Absolute cap in units; null when the quota is a share. */
  maxUnits?: Maybe<Scalars['Int']['output']>;
  /** limit - held, never below 0. */
  remaining: Scalars['Int']['output'];
  sku: Scalars['ID']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** How many of a customer's counted orders came through one channel. */
export type ChannelShare = {
  __typename?: 'ChannelShare';
  /** Channel code, e.g. "tmall". */
  channel: Scalars['String']['output'];
  /** Counted orders (placed, not cancelled) through this channel. */
  orders: Scalars['Int']['output'];
  /** orders / all the customer's counted orders, 0..1; null for a channel-scoped caller. */
  share?: Maybe<Scalars['Float']['output']>;
};

/** Stock-outs of one channel's demand: units it asked for and units that met no availability, over the range. */
export type ChannelStockout = {
  __typename?: 'ChannelStockout';
  channel: Scalars['String']['output'];
  /** unitsShort / unitsDemanded, 0..1. */
  stockoutRate: Scalars['Float']['output'];
  unitsDemanded: Scalars['Int']['output'];
  unitsShort: Scalars['Int']['output'];
};

/** Units of an inspected return coming out of refurbishment, for some of its lines. */
export type CompleteRefurbishmentInput = {
  /** The lines with units out of refurbishment, each once. At most 200 lines. */
  lines: Array<RefurbishedLineInput>;
  /** The return. At most 64 characters. */
  returnId: Scalars['ID']['input'];
};

export type CreateApiClientInput = {
  /** Channel codes it is limited to (null: every channel; a channel-scoped creator must name a subset of its own). At most 50. */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What the client is, for operators. At most 200 characters, no control characters. */
  name: Scalars['String']['input'];
  /** Requests per minute, 1..1000000; null: the platform default. */
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Scopes its tokens may carry: at most the creator's own. At most 14. */
  scopes: Array<Scalars['String']['input']>;
  trustedDocumentsOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One golden customer across every channel they buy through. */
export type Customer = {
  __typename?: 'Customer';
  createdAt: Scalars['DateTime']['output'];
  /** PII: without pii:read masked as "z***@example.com". */
  email?: Maybe<Scalars['String']['output']>;
  /** A channel's guest: the one customer a channel's orders without any buyer identity go to ("Guest (Amazon)"; a store's walk-ins, "Walk-in customer (SH-001)"). Never matched to a real buyer; no value tier. */
  guest: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The customer's accounts on every channel (for a channel-scoped caller: on its channels). */
  identities: Array<ChannelIdentity>;
  /** PII: without pii:read masked as "Z*** L***" (CJK: "张**"). */
  name: Scalars['String']['output'];
  /** The customer's orders matching the filter, newest first (placedAt, then id); null, with an error, when orders is down. */
  orders?: Maybe<OrderConnection>;
  /** PII: without pii:read masked as "+86 138****0923". E.164 where it could be normalised. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The customer's most recent shipments, newest first (a channel-scoped caller's channels only): the parcels sent to them unless `direction` asks for their returns (RETURN) or both (null); null, with an error naming logistics, when that subgraph is down. */
  shipments?: Maybe<Array<Shipment>>;
  /** Order figures; see CustomerOrderStats for definitions. Null, with an error, when orders is down. */
  stats?: Maybe<CustomerOrderStats>;
  /** The customer's value across every channel (RFM scores, tier, channel mix); null for a channel's guest. A channel-scoped caller gets the tier and its channels' order counts only. */
  value?: Maybe<CustomerValue>;
};


/** One golden customer across every channel they buy through. */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** One golden customer across every channel they buy through. */
export type CustomerShipmentsArgs = {
  direction?: InputMaybe<ShipmentDirection>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  edges: Array<CustomerEdge>;
  pageInfo: PageInfo;
  /** All customers matching the query, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  cursor: Scalars['String']['output'];
  node: Customer;
};

/** Order figures of one customer. Revenue orders are those whose status is neither CANCELLED nor RETURNED. Money figures are in the main currency: the currency of most of the customer's orders (any status), ties broken alphabetically; "CNY" when the customer has no order. Sums are exact decimals. */
export type CustomerOrderStats = {
  __typename?: 'CustomerOrderStats';
  /** lifetimeValue divided by the number of revenue orders in the main currency, rounded to two decimals half away from zero; "0.00" when there is none. */
  averageOrderValue: Money;
  /** Distinct channel codes of all the customer's orders, sorted. */
  channels: Array<Scalars['String']['output']>;
  /** Earliest placedAt over all the customer's orders; null when none. */
  firstOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** Latest placedAt over all the customer's orders; null when none. */
  lastOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sum of `total` over the revenue orders in the main currency, two decimals; "0.00" when none. */
  lifetimeValue: Money;
  /** Sum of `total` over the revenue orders, one entry per currency that has at least one revenue order, sorted by currency code, two decimals. */
  lifetimeValueByCurrency: Array<Money>;
  /** Number of all the customer's orders, in every status and currency. */
  orderCount: Scalars['Int']['output'];
};

/** Value tier from the RFM scores, first rule that holds: CHAMPION (R>=4, F>=4, M>=4), LOYAL (R>=3, F>=3), NEW (R>=4, F=1), PROMISING (R>=3), AT_RISK (R=2), LOST (R=1). */
export type CustomerTier =
  | 'AT_RISK'
  | 'CHAMPION'
  | 'LOST'
  | 'LOYAL'
  | 'NEW'
  | 'PROMISING';

/** A customer's value across every channel (RFM): counted orders are those placed and not cancelled; money in CNY at fixed rates. Scores 1..5 from the documented thresholds (README "Customer value tiers"), as of now. A channel-scoped caller sees only the tier and its channels' order counts; every other field is null for it. */
export type CustomerValue = {
  __typename?: 'CustomerValue';
  /** Per channel, most orders first, then by channel. */
  channelMix: Array<ChannelShare>;
  fScore?: Maybe<Scalars['Int']['output']>;
  firstOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** Counted orders. */
  frequency?: Maybe<Scalars['Int']['output']>;
  lastOrderAt?: Maybe<Scalars['DateTime']['output']>;
  mScore?: Maybe<Scalars['Int']['output']>;
  /** The counted orders' totals, in CNY. */
  monetary?: Maybe<Money>;
  rScore?: Maybe<Scalars['Int']['output']>;
  /** Whole days since the last counted order. */
  recency?: Maybe<Scalars['Int']['output']>;
  /** rScore + fScore + mScore, 3..15. */
  score?: Maybe<Scalars['Int']['output']>;
  /** null while no order counts. */
  tier?: Maybe<CustomerTier>;
};

/** Demand for one product at one warehouse through one channel on one UTC day, from the orders inventory decided on. A backordered order's units are unmet demand at the warehouse that would have served it. Cancellations do not take demand back. */
export type DemandDay = {
  __typename?: 'DemandDay';
  channel: Scalars['String']['output'];
  /** The UTC day the orders were placed, as YYYY-MM-DD. */
  day: Scalars['String']['output'];
  /** Orders that asked for the product here that day. */
  orders: Scalars['Int']['output'];
  /** Units ordered: unitsFulfilled + unitsShort. */
  unitsDemanded: Scalars['Int']['output'];
  /** Units reserved from stock when the order came in. */
  unitsFulfilled: Scalars['Int']['output'];
  /** Units that found no stock (or no channel quota) when the order came in. */
  unitsShort: Scalars['Int']['output'];
  warehouseId: Scalars['ID']['output'];
};

/** Planned demand for one UTC day: the fitted baseline times the uplift of the promotions planned for that day. */
export type ForecastDay = {
  __typename?: 'ForecastDay';
  /** Units the fitted model expects without promotions. */
  baseline: Scalars['Float']['output'];
  /** The UTC day, YYYY-MM-DD. */
  date: Scalars['String']['output'];
  /** Lower bound of the prediction interval (units, never below 0), scaled by the uplift like the point. A refit calibrates the intervals on held-out days so that about `level` of days fall inside. */
  lower: Scalars['Float']['output'];
  /** Units planned: baseline x uplift. */
  point: Scalars['Float']['output'];
  /** The planned promotions' factor on the day (1 = none). For the sum over warehouses: point / baseline. */
  uplift: Scalars['Float']['output'];
  /** Upper bound of the prediction interval (units), scaled by the uplift. */
  upper: Scalars['Float']['output'];
};

/** Stock levels fitted with one model. */
export type ForecastModelCount = {
  __typename?: 'ForecastModelCount';
  model: Scalars['String']['output'];
  series: Scalars['Int']['output'];
};

/** What a forecast refit did, or, while it runs, when its forecasts will be stamped. */
export type ForecastRefit = {
  __typename?: 'ForecastRefit';
  /** Stock levels per model chosen, most used first; empty while RUNNING. */
  byModel: Array<ForecastModelCount>;
  /** Milliseconds the refit took (not counting a wait for another); while RUNNING, since it was asked for. */
  durationMs: Scalars['Int']['output'];
  /** Stock levels (SKU x warehouse) fitted, with or without demand; null while RUNNING. */
  fitted?: Maybe<Scalars['Int']['output']>;
  /** The fits' timestamp (`ProductForecast.fittedAt`). */
  fittedAt: Scalars['DateTime']['output'];
  /** WAPE over all held-out days of the refitted stock levels; null when none had any demand then, and while RUNNING. */
  holdoutWape?: Maybe<Scalars['Float']['output']>;
  status: ForecastRefitStatus;
};

/** Where a forecast refit stands when `refitForecasts` answers. */
export type ForecastRefitStatus =
  /** Fitted and stored: the counts are in. */
  | 'DONE'
  /** Still fitting (or waiting for another refit) when the answer was due; its forecasts land with its `fittedAt`. */
  | 'RUNNING';

export type IdentifiedBuyer = {
  __typename?: 'IdentifiedBuyer';
  customerId: Scalars['ID']['output'];
  /** The customer is a channel's guest. */
  guest: Scalars['Boolean']['output'];
  /** identity, email, phone or new */
  matchedBy: Scalars['String']['output'];
};

export type IdentifyBuyerInput = {
  /** At most 32 characters, no control characters. */
  channel: Scalars['String']['input'];
  /** The buyer's id on the channel, when the channel gives one. At most 128 characters, no control characters. */
  channelBuyerId?: InputMaybe<Scalars['String']['input']>;
  /** At most 254 characters, no control characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** The channel's guest (the order named no buyer; channelBuyerId is the guest identity, e.g. "guest:amazon"): matched by that identity only, to a guest customer only. */
  guest?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 200 characters, no control characters. */
  name: Scalars['String']['input'];
  /** E.164. At most 32 characters, no control characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** The inspection of a received return: every line of it, judged once. */
export type InspectReturnInput = {
  /** Every line of the return. At most 200 lines. */
  lines: Array<InspectReturnLineInput>;
  /** The return. At most 64 characters. */
  returnId: Scalars['ID']['input'];
};

/** How one line's returned units were judged: restock + refurbish + scrap must equal the units returned on it. Name the line by lineNo, or by sku when only one line of the return has it. */
export type InspectReturnLineInput = {
  /** The order line returned, 1..200000. */
  lineNo?: InputMaybe<Scalars['Int']['input']>;
  /** Units sent to refurbishment, not on hand; 0..100000. */
  refurbish: Scalars['Int']['input'];
  /** Units back on hand at the receiving warehouse, offered to waiting orders; 0..100000. */
  restock: Scalars['Int']['input'];
  /** Units scrapped, 0..100000. */
  scrap: Scalars['Int']['input'];
  /** The SKU, when it names one line. At most 64 characters. */
  sku?: InputMaybe<Scalars['ID']['input']>;
};

/** How many rejected payloads had a problem at a field. */
export type IntakeFieldCount = {
  __typename?: 'IntakeFieldCount';
  /** Rejected intakes with at least one problem at this field. */
  count: Scalars['Int']['output'];
  /** Payload path with list positions folded: "lines[].quantity" counts every line. */
  field: Scalars['String']['output'];
};

/** How many accepted orders were flagged with a code. */
export type IntakeFlagCount = {
  __typename?: 'IntakeFlagCount';
  /** Accepted intakes with this flag. */
  count: Scalars['Int']['output'];
  /** BUYER_ANONYMOUS: the payload named no buyer id, email or phone; the order went to the channel's guest customer (a POS walk-in to its store's). */
  flag: Scalars['String']['output'];
};

/** Why intake refused a payload: the payload path and what is wrong there. */
export type IntakeProblem = {
  __typename?: 'IntakeProblem';
  /** Payload path, e.g. "trade.orders.order[1].num"; "payload" for the payload as a whole. */
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One rejected payload, as recorded when it was refused. */
export type IntakeRejection = {
  __typename?: 'IntakeRejection';
  channel: Scalars['String']['output'];
  /** The channel's order number when the payload had a readable one. */
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Every problem found, as the BAD_USER_INPUT listed them. */
  problems: Array<IntakeProblem>;
  receivedAt: Scalars['DateTime']['output'];
  /** Repairs made before the payload was refused. */
  repairs: Array<IntakeRepair>;
};

/** A value intake rewrote into canonical form before storing the order. */
export type IntakeRepair = {
  __typename?: 'IntakeRepair';
  /** Payload path of the value. */
  field: Scalars['String']['output'];
  /** The value as the channel sent it. A phone number is PII: masked without pii:read. */
  from: Scalars['String']['output'];
  /** What was applied: phone-e164, phone-masked, country-iso, currency-case, channel-case, timezone-applied, money-fen. Intakes recorded before orders carried their tax may also show tax-not-in-total. */
  rule: Scalars['String']['output'];
  /** The stored value; "" when it was dropped (a masked phone). A phone number is PII: masked without pii:read. */
  to: Scalars['String']['output'];
};

/** What became of one payload of an importChannelOrders batch. */
export type IntakeResult = {
  __typename?: 'IntakeResult';
  /** True when this payload created its order; false for a repeat and for a rejection. */
  created: Scalars['Boolean']['output'];
  /** Why the payload was rejected (what importChannelOrder would list in its BAD_USER_INPUT); empty when accepted. */
  errors: Array<IntakeProblem>;
  /** The payload's position in the batch, from 0; results come in input order. */
  index: Scalars['Int']['output'];
  /** The order made or matched; null when the payload was rejected. */
  order?: Maybe<Order>;
};

/** How many accepted orders needed a repair rule. */
export type IntakeRuleCount = {
  __typename?: 'IntakeRuleCount';
  /** Accepted intakes with at least one repair by this rule. */
  count: Scalars['Int']['output'];
  rule: Scalars['String']['output'];
};

/** A shipment the exception scan turned into an EXCEPTION, for operators to chase. */
export type LogisticsAlert = {
  __typename?: 'LogisticsAlert';
  /** Why, e.g. "no scan for 52 h" or "past ETA by 6 h". */
  detail: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: LogisticsAlertKind;
  /** When the scan raised it (the time the scan ran for). */
  raisedAt: Scalars['DateTime']['output'];
  shipment: Shipment;
};

/** Why a shipment became an EXCEPTION: NO_SCAN (no carrier scan for too long) or PAST_ETA (late). */
export type LogisticsAlertKind =
  | 'NO_SCAN'
  | 'PAST_ETA';

/** An exact amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** Decimal as a string with two decimals, e.g. "129.90". */
  amount: Scalars['String']['output'];
  /** ISO-4217 code, e.g. "CNY". */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The gateway's token endpoint checks a client's credentials: the enabled client, else null. */
  _authenticateApiClient?: Maybe<ApiClient>;
  /** Changes the presale units of a SKU in a warehouse by delta; recorded in the stock ledger. Regular stock is not touched. */
  adjustPresaleStock: PresaleStock;
  /** Corrects on-hand stock by delta (a count, damage, found units); recorded in the stock ledger. */
  adjustStock: StockLevel;
  /** Hands a work item to an active operator (capacity is not checked: a person decided). CONFLICT when resolved; FORBIDDEN for an item outside the caller's channels. */
  assignWorkItem: WorkItem;
  /** Authorises a REQUESTED return: inventory routes it. CONFLICT from any other status; NOT_FOUND for an unknown id; FORBIDDEN for a return of a channel outside the caller's. */
  authoriseReturn: Return;
  /** Cancels an order and releases its stock; CONFLICT when its status does not allow it; FORBIDDEN for an order of a channel outside the caller's. */
  cancelOrder: Order;
  /** Calls a promotion off: it stops counting in every forecast (its days gone by too); cancelling again changes nothing. NOT_FOUND for no such promotion; FORBIDDEN for one a channel-scoped caller cannot see. */
  cancelPromotion: Promotion;
  /** Calls off what a transfer still has on the way: those units go back on hand at the source (TRANSFER_IN there); what arrived stays. Units lost on the way: cancel, then write them off with adjustStock at the source. CONFLICT (extensions.status) for a transfer already RECEIVED or CANCELLED. */
  cancelTransfer: StockTransfer;
  /** Adds a comment to the item's history. CONFLICT when resolved. */
  commentWorkItem: WorkItem;
  /** Units of an INSPECTED return come out of refurbishment: mended ones go on hand at its warehouse (RETURN in the ledger) and are offered to waiting orders at once, the others are scrapped; any number of times until every refurbished unit is accounted for. BAD_USER_INPUT lists every problem (more units than a line has in refurbishment, an unknown line); CONFLICT (extensions.status) before inspection; FORBIDDEN for another channel's return. */
  completeRefurbishment: ReturnReceipt;
  /** A new client with its secret, shown only in this answer. It gets tokens at POST /oauth/token. */
  createApiClient: ApiClientCredentials;
  /** Stops a webhook for good; its pending deliveries become DEAD. Repeat-safe. NOT_FOUND for another caller's webhook. */
  deactivateWebhook: Webhook;
  /** Its tokens stop working within 30 s; idempotent. */
  disableApiClient: ApiClient;
  /** Holds a PENDING or BACKORDERED order for review (ON_HOLD): it is not allocated until released (a backordered one keeps its place in the backorder queue). CONFLICT from any other status; NOT_FOUND for an unknown id; BAD_USER_INPUT for an empty reason; FORBIDDEN for an order of a channel outside the caller's. */
  holdOrder: Order;
  identifyBuyer: IdentifiedBuyer;
  /** Imports a raw order payload in the channel's own format (Shopify, Amazon SP-API, Tmall, JD, Douyin, POS CSV). FORBIDDEN, nothing stored, into a channel outside the caller's. */
  importChannelOrder: OrderPayload;
  /** Imports many raw payloads of one channel (at most 500); each gets its own result, in input order. A payload's problems are that item's errors, not an error of the call. Into a channel outside the caller's, the whole call is FORBIDDEN and nothing is stored. */
  importChannelOrders: Array<IntakeResult>;
  /** Imports a return or refund in the channel's own after-sales format (Shopify refund, Amazon returns report RMA, Tmall taobao.refund, JD after-sales service, Douyin after-sale) for an order imported from that channel. Repeat-safe: the channel's return id identifies it, and a repeat answers the first return with created: false. A return the channel already agreed is AUTHORISED at once. BAD_USER_INPUT listing every problem; FORBIDDEN, nothing stored, into a channel outside the caller's. */
  importChannelReturn: ReturnPayload;
  /** Judges a RECEIVED return's units, every line once: restocked units go on hand at its warehouse (RETURN in the ledger) and are offered to waiting orders at once; refurbished and scrapped ones are recorded on the receipt only. One transaction with return.inspected. BAD_USER_INPUT lists every problem (counts must sum to the line's units); CONFLICT (extensions.status) unless RECEIVED, so a repeat changes nothing. */
  inspectReturn: ReturnReceipt;
  /** Places an order in the unified shape. Repeat-safe: (channel, externalId) identifies it, and a repeat answers the first order with created: false. Invalid input is BAD_USER_INPUT listing every problem; nothing is stored. FORBIDDEN, nothing stored, into a channel outside the caller's. */
  placeOrder: OrderPayload;
  /** Plans a promotion: from now on the forecasts of its SKUs at every warehouse are raised on its days, by its uplift on its channels' share of their demand. BAD_USER_INPUT lists every problem; FORBIDDEN, with nothing stored, for a channel-scoped caller planning on every channel or on a channel not its own. */
  planPromotion: Promotion;
  /** Books in a return parcel at the dock without a carrier scan: ROUTED becomes RECEIVED (return.received), and it waits for inspection. A DELIVERED scan of its return shipment does the same. CONFLICT (extensions.status) when already RECEIVED or INSPECTED; NOT_FOUND before it is routed; FORBIDDEN for another channel's return. */
  receiveReturn: ReturnReceipt;
  /** Units of a transfer arrived: on hand at the destination (TRANSFER_IN), offered to waiting orders at once. quantity defaults to all still on the way; fewer leave the transfer IN_TRANSIT for the rest. CONFLICT (extensions.status) for a transfer already RECEIVED or CANCELLED: a repeated receipt changes nothing. */
  receiveTransfer: StockTransfer;
  /** Recomputes these SKUs' safety stocks now (the background job does every level hourly and after a refit); returns the changes it made. Unknown SKUs change nothing. */
  recomputeSafetyStock: Array<SafetyStockChange>;
  /** A carrier's tracking webhook. Every scan is recorded (the same scan sent again is stored once), in any order and whatever its time: the shipment's status is the furthest step any of its scans reached (see ShipmentStatus), so a late or stale scan is kept in `events` but never moves the shipment back, and `deliveredAt` is set exactly when a DELIVERED scan exists (never earlier than the label). A DELIVERED scan delivers the order once all its shipments are. NOT_FOUND for an unknown carrier or tracking number, BAD_USER_INPUT for a scan over an hour in the future, FORBIDDEN (nothing recorded) for a shipment outside a channel-scoped caller's channels. */
  recordTrackingEvent: Shipment;
  /** Refits the stored demand forecasts now, of every stock level or of the given SKUs' (others keep theirs), from the demand history up to yesterday; scheduled refits run besides (INVENTORY_FORECAST_REFIT_HOURS). One refit runs at a time: a call made during another waits its turn; the same call again joins the running one. Answers when the refit is done, or, for a refit longer than the request may take, shortly before the deadline with status RUNNING: the refit carries on, and its forecasts land with the `fittedAt` given (`Product.forecast.fittedAt` shows when). */
  refitForecasts: ForecastRefit;
  /** Registers a partner webhook. BAD_USER_INPUT, listing every problem (url, secret, query, variables), when anything is invalid; nothing is stored then. Deliveries start with the next matching status change. The webhook belongs to the caller: only it sees and manages it, it receives the events of the caller's channels only, and its payloads are resolved with the caller's access as it was at registration (e.g. PII masked without pii:read). FORBIDDEN for a channel filter outside the caller's channels. */
  registerWebhook: Webhook;
  /** Rejects a REQUESTED return (final); its units may be requested again. CONFLICT from any other status; BAD_USER_INPUT for an empty reason; NOT_FOUND for an unknown id; FORBIDDEN for another channel's return. */
  rejectReturn: Return;
  /** Releases an order held ON_HOLD (by a risk rule or an operator): it becomes PENDING and stock is allocated for it. CONFLICT when the order is not ON_HOLD; NOT_FOUND for an unknown id; FORBIDDEN for an order of a channel outside the caller's. */
  releaseOrder: Order;
  /** Puts a channel back on the default priority (0); false when it had none set. FORBIDDEN for a channel-scoped caller. */
  removeChannelPriority: Scalars['Boolean']['output'];
  /** Lifts a channel's quota for a SKU; false when there was none. FORBIDDEN for a channel outside a channel-scoped caller's channels. */
  removeChannelQuota: Scalars['Boolean']['output'];
  /** Asks to return units of a shipped or delivered order. Inside the returns window (ORDERS_RETURN_WINDOW_DAYS from delivery, default 30) with an auto-approved reason it is AUTHORISED at once and inventory routes it; otherwise it waits REQUESTED for an operator (a RETURN_REVIEW desk item). BAD_USER_INPUT listing every problem (unknown order or line, an order not shipped, more units than shipped and not yet in returns); FORBIDDEN for an order of a channel outside the caller's. */
  requestReturn: Return;
  /** Sends a delivery again now (PENDING, a fresh retry schedule, the same event id), e.g. a DEAD one once the partner is fixed. Earlier attempts stay listed. NOT_FOUND for an unknown id and another caller's delivery; CONFLICT when its webhook was deactivated. */
  resendWebhookDelivery: WebhookDelivery;
  /** Resolves a work item. Outcomes per kind: RISK_HOLD: LEGITIMATE | FRAUD; LOGISTICS_EXCEPTION: DELIVERED | RESHIPPED | LOST | RETURNED_TO_SENDER; other kinds: RESOLVED | NO_ACTION. A LOGISTICS_EXCEPTION needs a cause: CARRIER_DELAY | CARRIER_LOST | CARRIER_DAMAGE | ADDRESS_PROBLEM | CUSTOMER_ABSENT | WAREHOUSE_DELAY | WEATHER | OTHER; other kinds take none. A RISK_HOLD found LEGITIMATE releases the held order and trusts the customer; FRAUD cancels it. BAD_USER_INPUT lists the allowed values; CONFLICT when already resolved. */
  resolveWorkItem: WorkItem;
  /** Asks the service that parked the event to run its handler again (answers RETRY_REQUESTED; the outcome follows as RETRIED or FAILED_AGAIN). An order held for the event is released once it is handled. CONFLICT when it is RETRIED or a retry is under way; NOT_FOUND for an unknown id; FORBIDDEN (nothing changed) for an event a channel-scoped caller does not see. */
  retryParkedEvent: ParkedEvent;
  /** Runs the exception scan now (it also runs periodically): open shipments without a scan for the configured hours, or past their ETA, become EXCEPTION with an alert. Repeat-safe. `now` (default: the server clock) is the time shipments are judged at, for operators and tests. A channel-scoped caller's scan judges only its channels' shipments. */
  scanForExceptions: ScanResult;
  /** Sets a channel's priority: when stock is short, waiting orders are served by priority (higher first), then age; waiting orders the change lets through are allocated at once. FORBIDDEN for a channel-scoped caller (ranking channels is for a caller who sees them all). */
  setChannelPriority: ChannelPriority;
  /** Caps what one channel may hold of a SKU: maxUnits units, or maxShare of its on-hand units (exactly one of the two). Waiting orders that now fit are allocated at once. FORBIDDEN, with nothing stored, for a channel outside a channel-scoped caller's channels. */
  setChannelQuota: ChannelQuota;
  /** Overrides the configured lead time, review period and service level for a warehouse (sku omitted) or one SKU's level there; the figures given replace the override, null ones inherit, all null removes it. The safety stock of every level it reaches is recomputed at once (units a lower one frees go to waiting orders). */
  setPlanningPolicy: SetPlanningPolicyPayload;
  /** Sets a product's packed size (and its weight, if given): orders reserved from now on are packed with it. FORBIDDEN for a channel-scoped caller; NOT_FOUND for an unknown SKU. */
  setProductDimensions: Product;
  /** Whether returns may be routed to this warehouse (every warehouse does by default). Returns already routed there still arrive there. NOT_FOUND for an unknown warehouse. */
  setWarehouseAcceptsReturns: Warehouse;
  /** Replaces a warehouse's box catalogue (an empty list: no packing there). Codes unique, at most one default, each weight limit above its tare (BAD_USER_INPUT lists every problem). FORBIDDEN for a channel-scoped caller. */
  setWarehouseBoxes: Array<Box>;
  /** Sends units from one warehouse to another: they leave the source's on-hand stock at once (TRANSFER_OUT in the ledger) and are in transit, available at neither end, until received. Takes only available units (never reserved ones, the safety stock only with allowBelowSafetyStock); CONFLICT when the source cannot spare them. */
  transferStock: StockTransfer;
  /** Creates or changes an operator (by sub). Waiting items of their skills are assigned to them at once while they have room. FORBIDDEN for a channel-scoped caller. */
  upsertOperator: Operator;
};


export type Mutation_AuthenticateApiClientArgs = {
  clientId: Scalars['String']['input'];
  clientSecret: Scalars['String']['input'];
};


export type MutationAdjustPresaleStockArgs = {
  delta: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  sku: Scalars['ID']['input'];
  warehouseId: Scalars['ID']['input'];
};


export type MutationAdjustStockArgs = {
  delta: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  sku: Scalars['ID']['input'];
  warehouseId: Scalars['ID']['input'];
};


export type MutationAssignWorkItemArgs = {
  assignee: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationAuthoriseReturnArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelPromotionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelTransferArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCommentWorkItemArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationCompleteRefurbishmentArgs = {
  input: CompleteRefurbishmentInput;
};


export type MutationCreateApiClientArgs = {
  input: CreateApiClientInput;
};


export type MutationDeactivateWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableApiClientArgs = {
  id: Scalars['ID']['input'];
};


export type MutationHoldOrderArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationIdentifyBuyerArgs = {
  input: IdentifyBuyerInput;
};


export type MutationImportChannelOrderArgs = {
  channel: Scalars['String']['input'];
  payload: Scalars['JSON']['input'];
};


export type MutationImportChannelOrdersArgs = {
  channel: Scalars['String']['input'];
  payloads: Array<Scalars['JSON']['input']>;
};


export type MutationImportChannelReturnArgs = {
  channel: Scalars['String']['input'];
  payload: Scalars['JSON']['input'];
};


export type MutationInspectReturnArgs = {
  input: InspectReturnInput;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationPlanPromotionArgs = {
  input: PlanPromotionInput;
};


export type MutationReceiveReturnArgs = {
  returnId: Scalars['ID']['input'];
};


export type MutationReceiveTransferArgs = {
  id: Scalars['ID']['input'];
  quantity?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationRecomputeSafetyStockArgs = {
  skus: Array<Scalars['ID']['input']>;
};


export type MutationRecordTrackingEventArgs = {
  input: TrackingEventInput;
};


export type MutationRefitForecastsArgs = {
  skus?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationRegisterWebhookArgs = {
  input: RegisterWebhookInput;
};


export type MutationRejectReturnArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReleaseOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveChannelPriorityArgs = {
  channel: Scalars['String']['input'];
};


export type MutationRemoveChannelQuotaArgs = {
  channel: Scalars['String']['input'];
  sku: Scalars['ID']['input'];
};


export type MutationRequestReturnArgs = {
  input: RequestReturnInput;
};


export type MutationResendWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResolveWorkItemArgs = {
  cause?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: Scalars['String']['input'];
};


export type MutationRetryParkedEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationScanForExceptionsArgs = {
  now?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationSetChannelPriorityArgs = {
  channel: Scalars['String']['input'];
  priority: Scalars['Int']['input'];
};


export type MutationSetChannelQuotaArgs = {
  channel: Scalars['String']['input'];
  maxShare?: InputMaybe<Scalars['Float']['input']>;
  maxUnits?: InputMaybe<Scalars['Int']['input']>;
  sku: Scalars['ID']['input'];
};


export type MutationSetPlanningPolicyArgs = {
  leadTimeDays?: InputMaybe<Scalars['Int']['input']>;
  reviewDays?: InputMaybe<Scalars['Int']['input']>;
  serviceLevel?: InputMaybe<Scalars['Float']['input']>;
  sku?: InputMaybe<Scalars['ID']['input']>;
  warehouseId: Scalars['ID']['input'];
};


export type MutationSetProductDimensionsArgs = {
  input: ProductDimensionsInput;
  sku: Scalars['ID']['input'];
};


export type MutationSetWarehouseAcceptsReturnsArgs = {
  acceptsReturns: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationSetWarehouseBoxesArgs = {
  input: SetWarehouseBoxesInput;
};


export type MutationTransferStockArgs = {
  input: TransferStockInput;
};


export type MutationUpsertOperatorArgs = {
  input: OperatorInput;
};

/** A staff principal who handles work items: the skills they have and how many they hold. */
export type Operator = {
  __typename?: 'Operator';
  active: Scalars['Boolean']['output'];
  /** At most this many open items are assigned to them automatically. */
  capacity: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Work items assigned to them and not resolved. */
  openItems: Scalars['Int']['output'];
  skills: Array<Scalars['String']['output']>;
  /** The operator's token sub. */
  sub: Scalars['ID']['output'];
};

/** An operator as the desk assigns to them. */
export type OperatorInput = {
  /** An inactive operator is given nothing. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** How many open items they may be given automatically, 0..100. */
  capacity: Scalars['Int']['input'];
  /** At most 64 characters, no control characters. */
  name: Scalars['String']['input'];
  /** At most 10 skills, each lower case and 32 characters at most, e.g. ["risk", "logistics", "escalation"]. */
  skills: Array<Scalars['String']['input']>;
  /** Their token's sub. At most 64 characters, no control characters. */
  sub: Scalars['String']['input'];
};

/** An order from any channel. */
export type Order = {
  __typename?: 'Order';
  /** Stock reserved for the order and not released; null, with an error naming inventory, when that subgraph is down. */
  allocations?: Maybe<Array<Allocation>>;
  /** Why inventory holds the order back (short stock, or the channel quota it would exceed); null unless it waits for stock. */
  backorderReason?: Maybe<Scalars['String']['output']>;
  channel: Channel;
  /** The golden customer who placed the order. Null while the buyer awaits identification: an order accepted while the customers service did not answer in time stays PENDING without a customer until customers identifies the buyer (usually seconds after it is back); only then is it risk-scored and allocated. Also null, with an error, when the customers service is down. */
  customer?: Maybe<Customer>;
  /** The channel's own order number; unique per channel. */
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Lines in line-number order. */
  lines: Array<OrderLine>;
  placedAt: Scalars['DateTime']['output'];
  /** What its REFUNDED returns paid back, shipping included ("0.00" when none). */
  refunded: Money;
  /** NONE, PARTIAL or FULL: the units in returns that are not rejected (requested ones included) against the order's units. The order's status stays as it is. */
  returnState: ReturnState;
  /** Returns of the order, oldest request first. */
  returns: Array<Return>;
  /** Machine-readable codes of the risk rules that fired. */
  riskFlags: Array<Scalars['String']['output']>;
  /** 0 (clean) .. 1 (certain fraud). */
  riskScore: Scalars['Float']['output'];
  /** The parcels this order ships in, oldest first (a channel-scoped caller's channels only): those sent to the buyer unless `direction` asks for its return shipments (RETURN) or both (null); null, with an error naming logistics, when that subgraph is down. */
  shipments?: Maybe<Array<Shipment>>;
  shippingAddress: Address;
  status: OrderStatus;
  /** Every status change, oldest first. */
  statusHistory: Array<OrderStatusChange>;
  /** Tax the buyer pays on the order; part of `total` either way: added on top of the prices, or already inside them (then not added again). "0.00" when the channel states no tax. */
  tax: Money;
  /** What the buyer pays: lines less discounts, plus shipping, plus tax the channel added on top of the prices. */
  total: Money;
  /** Increases by one on every status change. */
  version: Scalars['Int']['output'];
};


/** An order from any channel. */
export type OrderShipmentsArgs = {
  direction?: InputMaybe<ShipmentDirection>;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
  /** All orders matching the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

/** Conditions on orders; the given ones combine with AND. */
export type OrderFilter = {
  /** Channel code, e.g. "tmall" (case-insensitive). At most 32 characters, no control characters. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** Orders of this customer; an id that is not a UUID matches nothing. At most 64 characters, no control characters. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Placed at or after this instant (inclusive). */
  placedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Placed strictly before this instant (exclusive). */
  placedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Any of these statuses; an empty list matches nothing. At most 20 entries. */
  status?: InputMaybe<Array<OrderStatus>>;
};

/** One line of an order. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** A presale line is filled from presale stock only. */
  presale: Scalars['Boolean']['output'];
  /** Resolved by inventory. */
  product?: Maybe<Product>;
  quantity: Scalars['Int']['output'];
  /** Units of this line in returns that are not rejected. */
  returnedQuantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  /** Price of one unit, in the order's currency. */
  unitPrice: Money;
};

/** At most 200 per order. One SKU may have 1..100000 units in all, over all its lines; quantity x unitPrice at most 1000000000.00. */
export type OrderLineInput = {
  /** A presale line takes presale stock only. */
  presale?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1..100000. */
  quantity: Scalars['Int']['input'];
  /** At most 64 characters, no control characters. */
  sku: Scalars['String']['input'];
  /** Decimal as a string with at most 2 decimals, e.g. "129.90"; 0.00..10000000.00. At most 32 characters, no control characters. */
  unitPrice: Scalars['String']['input'];
};

/** Result of placing or importing an order. */
export type OrderPayload = {
  __typename?: 'OrderPayload';
  /** False when an earlier call with the same channel and externalId made it. */
  created: Scalars['Boolean']['output'];
  order?: Maybe<Order>;
};

export type OrderStatus =
  /** Stock reserved in one or more warehouses. */
  | 'ALLOCATED'
  /** Could not be fully allocated. */
  | 'BACKORDERED'
  | 'CANCELLED'
  | 'DELIVERED'
  /** Held by a risk rule, by an operator, or because an event about it was parked (see `parkedEvents`). */
  | 'ON_HOLD'
  /** Accepted, not yet allocated to stock. */
  | 'PENDING'
  | 'RETURNED'
  /** Every shipment handed to a carrier. */
  | 'SHIPPED';

/** One step of an order status history. */
export type OrderStatusChange = {
  __typename?: 'OrderStatusChange';
  at: Scalars['DateTime']['output'];
  /** Null for the first entry (the order was created). */
  from?: Maybe<OrderStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  to: OrderStatus;
};

/** A status change of one order, as delivered to subscribers. */
export type OrderStatusEvent = {
  __typename?: 'OrderStatusEvent';
  at: Scalars['DateTime']['output'];
  /** Unique, increasing per order. */
  eventId: Scalars['ID']['output'];
  from?: Maybe<OrderStatus>;
  /** The whole federated Order: any field of any subgraph may be selected. */
  order: Order;
  to: OrderStatus;
};

export type OrderStatusEventBatch = {
  __typename?: 'OrderStatusEventBatch';
  /** In publishing order. */
  events: Array<OrderStatusEventRecord>;
  /** More events follow the last one: ask again after it. */
  hasMore: Scalars['Boolean']['output'];
};

/** One status event, as the gateway received it from the bus. */
export type OrderStatusEventInput = {
  at: Scalars['DateTime']['input'];
  /** At most 256 characters. */
  eventId: Scalars['ID']['input'];
  from?: InputMaybe<OrderStatus>;
  /** At most 64 characters. */
  orderId: Scalars['ID']['input'];
  to: OrderStatus;
};

/** A past order.status-changed event as it was published. */
export type OrderStatusEventRecord = {
  __typename?: 'OrderStatusEventRecord';
  at: Scalars['DateTime']['output'];
  channel: Scalars['String']['output'];
  customerId: Scalars['ID']['output'];
  eventId: Scalars['ID']['output'];
  from?: Maybe<OrderStatus>;
  orderId: Scalars['ID']['output'];
  to: OrderStatus;
  /** The order's version after this change. */
  version: Scalars['Int']['output'];
};

/** Units of one SKU in a package. */
export type PackageItem = {
  __typename?: 'PackageItem';
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
};

/** A warehouse's packaging over a range of days, against its default box. */
export type PackagingKpi = {
  __typename?: 'PackagingKpi';
  /** Volume of the boxes chosen, cm3. */
  boxVolumeCm3: Scalars['Float']['output'];
  /** Volume of the default boxes the same units would have needed, cm3. */
  defaultBoxVolumeCm3: Scalars['Float']['output'];
  /** The units' own volume, cm3. */
  itemsVolumeCm3: Scalars['Float']['output'];
  /** Parcels they went out in. */
  packages: Scalars['Int']['output'];
  /** Shipments (orders) packed at the warehouse in the range. */
  shipmentsPacked: Scalars['Int']['output'];
  /** Share of the chosen boxes that is empty (0..1); null: none. */
  voidFill?: Maybe<Scalars['Float']['output']>;
  /** Share that would be empty with the default box (0..1). */
  voidFillWithDefaultBox?: Maybe<Scalars['Float']['output']>;
  /** defaultBoxVolumeCm3 - boxVolumeCm3: air not shipped. */
  volumeSavedCm3: Scalars['Float']['output'];
  warehouseId: Scalars['ID']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** An event a service's consumer failed to handle EVENT_MAX_ATTEMPTS times (default 5, with exponential backoff between tries; outages of PostgreSQL or the bus do not count) and set aside (a dead letter), so the events after it flow on. The order it concerns, if any, is put ON_HOLD with the reason when it is PENDING or BACKORDERED. */
export type ParkedEvent = {
  __typename?: 'ParkedEvent';
  aggregateId: Scalars['String']['output'];
  aggregateType: Scalars['String']['output'];
  /** Failed attempts so far, retries included. */
  attempts: Scalars['Int']['output'];
  /** The consumer that failed, e.g. "inventory.allocate". */
  consumer: Scalars['String']['output'];
  /** The last failure. */
  error: Scalars['String']['output'];
  eventId: Scalars['ID']['output'];
  /** e.g. "order.placed". */
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The order the event concerns, when it concerns one. */
  order?: Maybe<Order>;
  /** The order the event concerns, when it concerns one. */
  orderId?: Maybe<Scalars['ID']['output']>;
  parkedAt: Scalars['DateTime']['output'];
  /** When the last requested retry finished. */
  retriedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The service whose consumer parked it, e.g. "inventory". */
  service: Scalars['String']['output'];
  status: ParkedEventStatus;
};

/** Where a parked event stands. */
export type ParkedEventStatus =
  /** The retry failed too (`error` is the new failure); it can be retried again. */
  | 'FAILED_AGAIN'
  /** Given up on after EVENT_MAX_ATTEMPTS failures; waiting for an operator. */
  | 'PARKED'
  /** Handled on retry. An order held for it is released. */
  | 'RETRIED'
  /** An operator asked for a retry; the owning service has not answered yet. */
  | 'RETRY_REQUESTED';

/** An order in the unified shape. Every bound below is checked before anything is stored; past one, placeOrder is BAD_USER_INPUT naming the field (e.g. "buyer.name"), and only a REJECTED intake record (with clipped values) is kept. The order total may be at most 1000000000.00. */
export type PlaceOrderInput = {
  buyer: BuyerInput;
  /** At most 32 characters, no control characters. */
  channel: Scalars['String']['input'];
  /** ISO-4217. At most 32 characters, no control characters. */
  currency: Scalars['String']['input'];
  /** The idempotency key, together with channel. At most 128 characters, no control characters. */
  externalId: Scalars['String']['input'];
  /** 1..200 lines. */
  lines: Array<OrderLineInput>;
  /** Defaults to now; from 2000 up to (not including) 2100. */
  placedAt?: InputMaybe<Scalars['DateTime']['input']>;
  shippingAddress: AddressInput;
};

/** A promotion to plan. */
export type PlanPromotionInput = {
  /** Channel codes it runs on, each one inventory has had orders from; omitted: every channel (not for a channel-scoped caller). At most 50 entries, each At most 32 characters, no control characters. */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Last day (inclusive), UTC, YYYY-MM-DD: on or after startsOn, at most 92 days in all, at most 366 days ahead. At most 32 characters, no control characters. */
  endsOn: Scalars['String']['input'];
  /** e.g. "Singles' Day". At most 200 characters, no control characters. */
  name: Scalars['String']['input'];
  /** Known SKUs it covers; omitted: the whole catalogue. At most 1000 entries, each At most 64 characters, no control characters. */
  skus?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** First day, UTC, YYYY-MM-DD; at most 400 days back. At most 32 characters, no control characters. */
  startsOn: Scalars['String']['input'];
  /** Expected factor on its channels' usual demand, more than 1: 1..20. */
  uplift: Scalars['Float']['input'];
};

/** Planning KPIs of one warehouse, one product (at one warehouse or all), or the whole network, over a range of UTC days (from and to inclusive). Turnover and forecast accuracy are figures of the stock, whichever channel sold it; the demand and stock-out figures count the channels the caller may see (and the one asked for). */
export type PlanningKpi = {
  __typename?: 'PlanningKpi';
  /** Mean of the end-of-day on-hand units (regular stock) over the days of the range, rebuilt from today's on-hand backwards through the stock ledger (each later RECEIVE, ADJUST, RETURN and SHIP undone). */
  averageOnHand: Scalars['Float']['output'];
  /** Days in the range. */
  days: Scalars['Int']['output'];
  /** max(0, 1 - forecastWape): 1 is a perfect forecast. */
  forecastAccuracy?: Maybe<Scalars['Float']['output']>;
  /** SKU x warehouse pairs behind forecastWape. */
  forecastPairs: Scalars['Int']['output'];
  /** WAPE of the stored forecasts on their held-out days (forecast_fit.holdout_wape, from the latest refit), over the SKU x warehouse pairs covered, each weighted by its units demanded in the range (all channels). Null when no pair with a measured error had demand. */
  forecastWape?: Maybe<Scalars['Float']['output']>;
  /** First day of the range, YYYY-MM-DD (UTC). */
  from: Scalars['String']['output'];
  /** unitsShipped / averageOnHand: how many times the stock turned over in the range (not annualised; times 365 / days for a yearly rate). Null when nothing was on hand on average. */
  inventoryTurnover?: Maybe<Scalars['Float']['output']>;
  /** The product; null when the figures cover every product. */
  sku?: Maybe<Scalars['ID']['output']>;
  /** The same per channel, by channel code; channels with demand only. */
  stockoutByChannel: Array<ChannelStockout>;
  /** unitsShort / unitsDemanded, 0..1; null without demand. */
  stockoutRate?: Maybe<Scalars['Float']['output']>;
  /** Last day of the range, YYYY-MM-DD (UTC), inclusive. */
  to: Scalars['String']['output'];
  /** Units ordered in the range (demand history), visible channels only. */
  unitsDemanded: Scalars['Int']['output'];
  /** Units handed to carriers in the range (regular stock; a return does not undo it). */
  unitsShipped: Scalars['Int']['output'];
  /** Of those, units that met zero availability when ordered (backordered, or held back by a quota). */
  unitsShort: Scalars['Int']['output'];
  /** The warehouse; null for network-wide figures. */
  warehouse?: Maybe<Warehouse>;
  /** The warehouse; null when the figures cover every warehouse. */
  warehouseId?: Maybe<Scalars['ID']['output']>;
};

/** An operator's planning override for a whole warehouse (sku null) or one SKU there; a null figure is inherited (SKU x warehouse, then warehouse, then the configuration). */
export type PlanningPolicyOverride = {
  __typename?: 'PlanningPolicyOverride';
  /** Days from ordering (or producing) to units on the shelf. */
  leadTimeDays?: Maybe<Scalars['Int']['output']>;
  /** Days between two looks at a level. */
  reviewDays?: Maybe<Scalars['Int']['output']>;
  /** The share of lead times that should pass without a stockout. */
  serviceLevel?: Maybe<Scalars['Float']['output']>;
  sku?: Maybe<Scalars['ID']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  warehouseId: Scalars['ID']['output'];
};

/** Presale stock of one product in one warehouse: kept apart from regular stock; only presale order lines take it. */
export type PresaleStock = {
  __typename?: 'PresaleStock';
  /** onHand - reserved: units a presale line can still take. */
  available: Scalars['Int']['output'];
  /** Units set aside for presale. */
  onHand: Scalars['Int']['output'];
  /** Units promised to presale order lines. */
  reserved: Scalars['Int']['output'];
  sku: Scalars['ID']['output'];
  updatedAt: Scalars['DateTime']['output'];
  warehouse: Warehouse;
};

/** A sellable item and its stock across warehouses. */
export type Product = {
  __typename?: 'Product';
  /** Units available to sell, summed over warehouses. */
  available: Scalars['Int']['output'];
  /** Daily demand for the product, oldest first, from `from` to `to` (UTC days, YYYY-MM-DD, inclusive; `to` defaults to today, `from` to 90 days before it; at most 400 days). Days without demand have no entry. */
  demandHistory: Array<DemandDay>;
  /** Packed size; null when not measured (packing then assumes 200 x 150 x 100 mm and says so). */
  dimensions?: Maybe<ProductDimensions>;
  /** The product's demand forecast for the next `days` days from today (UTC; default 30), at `warehouseId` or, without it, summed over the warehouses that stock it; planned promotions included. Null when never fitted, and for callers scoped to channels (a forecast sums every channel). */
  forecast?: Maybe<ProductForecast>;
  name: Scalars['String']['output'];
  /** The product's planning KPIs over the UTC days `from` to `to` (YYYY-MM-DD, both included; `to` not after today; at most 366 days; BAD_USER_INPUT otherwise), at one warehouse or all of them. `channel` narrows the demand and stock-out figures; a channel-scoped caller's count its channels only. */
  planningKpi: PlanningKpi;
  /** Presale stock in every warehouse that holds or promises any, by warehouse code. */
  presaleStock: Array<PresaleStock>;
  /** Promotions covering the product (by name or as the whole catalogue), the latest window first: of one status (omitted: every one not cancelled), running on a channel (named, or on every channel). A channel-scoped caller sees only promotions all of whose channels are its own. */
  promotions: Array<Promotion>;
  sku: Scalars['ID']['output'];
  /** Stock in every warehouse that holds the product, by warehouse code. */
  stockLevels: Array<StockLevel>;
  /** Shipping weight of one unit. */
  weightGrams: Scalars['Int']['output'];
};


/** A sellable item and its stock across warehouses. */
export type ProductDemandHistoryArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


/** A sellable item and its stock across warehouses. */
export type ProductForecastArgs = {
  days?: Scalars['Int']['input'];
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


/** A sellable item and its stock across warehouses. */
export type ProductPlanningKpiArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


/** A sellable item and its stock across warehouses. */
export type ProductPromotionsArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  status?: InputMaybe<PromotionStatus>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** All products, across pages. */
  totalCount: Scalars['Int']['output'];
};

/** A product's packed size (its retail packaging) in mm. */
export type ProductDimensions = {
  __typename?: 'ProductDimensions';
  heightMm: Scalars['Int']['output'];
  lengthMm: Scalars['Int']['output'];
  /** cm3. */
  volumeCm3: Scalars['Float']['output'];
  widthMm: Scalars['Int']['output'];
};

/** A product's packed size and weight. */
export type ProductDimensionsInput = {
  /** 1..3000 mm. */
  heightMm: Scalars['Int']['input'];
  /** 1..3000 mm. */
  lengthMm: Scalars['Int']['input'];
  /** Shipping weight of one unit, 1..100000 g; unchanged if absent. */
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
  /** 1..3000 mm. */
  widthMm: Scalars['Int']['input'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

/** A product's stored demand forecast at one warehouse, or summed over the warehouses that stock it, from the last refit (scheduled, or `refitForecasts`). */
export type ProductForecast = {
  __typename?: 'ProductForecast';
  /** From today (UTC) on, oldest first; fewer than asked for when the fit is older than its 90 stored days allow. The sum's interval adds the warehouses' half-widths in quadrature, as for independent errors. */
  days: Array<ForecastDay>;
  /** Standard deviation of the daily error (units; taken about zero, so a bias counts) on the held-out days. For the sum: the warehouses' added in quadrature (errors taken as independent). */
  errorSd: Scalars['Float']['output'];
  /** When the forecast was fitted; for the sum, the oldest of the warehouses. */
  fittedAt: Scalars['DateTime']['output'];
  /** WAPE (sum |error| / sum actual) on the last 28 days of history, held out of a fit on the rest; null when the history was too short or had no demand then. For the sum: over every warehouse's held-out days. */
  holdoutWape?: Maybe<Scalars['Float']['output']>;
  /** The share of days the intervals are calibrated to contain, e.g. 0.8. */
  level: Scalars['Float']['output'];
  /** The model the refit chose: mstl-ets (seasonal decomposition with an ETS trend), seasonal-naive, or recent-mean (short, intermittent or constant history). For the sum: `mixed` when the warehouses differ. */
  model: Scalars['String']['output'];
  /** The warehouse; null for the sum over all warehouses. */
  warehouseId?: Maybe<Scalars['ID']['output']>;
};

/** A planned promotion: through its channels, its SKUs are expected to sell `uplift` times their usual rate on each day of its window. Planning's forecasts (and what is derived from them) are raised accordingly, and once the window has started the uplift it actually brought is measured from the demand history. */
export type Promotion = {
  __typename?: 'Promotion';
  /** Units demanded on the measured days, of its SKUs through its channels (met or not). Null until its first day is over. */
  actualUnits?: Maybe<Scalars['Int']['output']>;
  /** Units usual on the measured days, of its SKUs through its channels: per weekday, the mean of the last 4 same weekdays in the 8 weeks before the window, leaving out days another promotion of the same SKUs and channels ran. Null until its first day is over. */
  baselineUnits?: Maybe<Scalars['Float']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  cancelledBy?: Maybe<Scalars['String']['output']>;
  /** The channels it runs on; null: every channel. */
  channels?: Maybe<Array<Scalars['String']['output']>>;
  /** Last day (inclusive), UTC, YYYY-MM-DD. */
  endsOn: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Days of its window measured: those over (before today, UTC). Null until its first day is over. */
  measuredDays?: Maybe<Scalars['Int']['output']>;
  /** The uplift it brought so far: actualUnits / baselineUnits, to compare with the planned uplift. Null until its first day is over, or when its SKUs had no usual demand through its channels. */
  measuredUplift?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  plannedAt: Scalars['DateTime']['output'];
  /** Who planned it (the caller's sub). */
  plannedBy: Scalars['String']['output'];
  /** The SKUs it covers; null: the whole catalogue. */
  skus?: Maybe<Array<Scalars['ID']['output']>>;
  /** First day, UTC, YYYY-MM-DD. */
  startsOn: Scalars['String']['output'];
  status: PromotionStatus;
  /** The planned factor on its channels' usual demand for its SKUs (3.0: three times as much). */
  uplift: Scalars['Float']['output'];
};

/** Where a promotion stands today (UTC), by its window's days. */
export type PromotionStatus =
  /** Today is one of its days. */
  | 'ACTIVE'
  /** Called off: it counts in no forecast, whatever its days. */
  | 'CANCELLED'
  /** Its last day is over. */
  | 'PAST'
  /** Its first day is still to come. */
  | 'UPCOMING';

export type Query = {
  __typename?: 'Query';
  /** Every client's state, for the gateways' directory. */
  _apiClientPolicies: Array<ApiClientPolicy>;
  /** One status event with its order as it is now (at or after the event). */
  _orderStatusEvent: OrderStatusEvent;
  /** Status events published after `after`, matching the filters. */
  _orderStatusEvents: OrderStatusEventBatch;
  /** One work item change with the item as it is now. */
  _workItemEvent: WorkItemChangeEvent;
  /** Work item changes published after `after`, matching the filters. */
  _workItemEvents: WorkItemEventBatch;
  /** Every API client, newest first, disabled ones included. */
  apiClients: Array<ApiClient>;
  /** The audit trail of every service, newest first (at, then id): every mutation, allowed or refused, and every read of real PII values. A caller limited to channels sees the entries of those channels only. */
  auditEvents: AuditEventConnection;
  /** Every carrier, by code. */
  carriers: Array<Carrier>;
  /** Order KPIs per channel and UTC day for orders placed in [from, to) (at most 366 days), sorted by channel then day; days without orders are absent; a channel-scoped caller gets its channels' rows only. BAD_USER_INPUT when to is not after from. */
  channelKpis: Array<ChannelDayKpi>;
  /** Channel priorities, highest first (ties by channel): every one set, or the one channel asked for (its default, 0, when none was set). A channel-scoped caller gets its own channels only, each with its default when none was set. */
  channelPriorities: Array<ChannelPriority>;
  /** Channel quotas of one SKU, or of every SKU (a channel-scoped caller's channels only); by SKU, then channel. */
  channelQuotas: Array<ChannelQuota>;
  /** Every sales channel the caller sees (a channel-scoped caller: its own), ordered by code. */
  channels: Array<Channel>;
  /** A customer by id; null when there is none, or for a channel-scoped caller when the customer has no account on its channels. */
  customer?: Maybe<Customer>;
  /** The customer behind a channel account; null when there is none or the channel is not the caller's. */
  customerByIdentity?: Maybe<Customer>;
  /** Customers, newest first. `search` matches name, email, phone or a channel identity id. A channel-scoped caller gets only customers with an account on its channels. `tier`: only customers of that value tier. */
  customers: CustomerConnection;
  /** Intake quality per channel (sorted by code): how many payloads were received, accepted, duplicates or rejected, what was repaired and which fields were wrong. `since`: only intakes received at or after it (default: all). A channel-scoped caller gets its channels' figures only. */
  intakeQuality: Array<ChannelIntakeQuality>;
  /** Alerts of the exception scan, newest first; a channel-scoped caller's channels only. */
  logisticsAlerts: Array<LogisticsAlert>;
  /** Every operator with their open load, by sub. FORBIDDEN for a channel-scoped caller. */
  operators: Array<Operator>;
  /** An order by id; null when there is none or it is of a channel outside the caller's. */
  order?: Maybe<Order>;
  /** An order by the channel's own order number; null for a channel outside the caller's. */
  orderByExternalId?: Maybe<Order>;
  /** Orders matching the filter, newest first (placedAt, then id). A channel-scoped caller gets its channels' orders only, whatever the filter: a channel outside them gives an empty page. */
  orders: OrderConnection;
  /** Packaging of the orders reserved at a warehouse over UTC days from..to (YYYY-MM-DD, both included, to not after today): parcels, box volume against the warehouse's default box, void fill, volume saved. A channel-scoped caller's count its channels only. */
  packagingKpis: PackagingKpi;
  /** Events a consumer of any service gave up on (dead letters), newest first, for operators to look at and retry. Filters are optional; first: 1..200 (default 50). A channel-scoped caller sees only events whose order is of its channels (none without an order). */
  parkedEvents: Array<ParkedEvent>;
  /** Operators' planning overrides of one warehouse (or all): the warehouse's own first, then by SKU. */
  planningPolicies: Array<PlanningPolicyOverride>;
  /** A product by SKU; null when there is none. */
  product?: Maybe<Product>;
  /** The catalogue, ordered by SKU. */
  products: ProductConnection;
  /** Planned promotions, the latest window first: of one status (omitted: every one not cancelled), covering a SKU (named, or as the whole catalogue), running on a channel (named, or on every channel). A channel-scoped caller sees only promotions all of whose channels are its own. */
  promotions: Array<Promotion>;
  /** The newest rejected payloads with their problems, newest first; first: 1..100. A channel-scoped caller: its channels' only. */
  recentRejections: Array<IntakeRejection>;
  /** What to order (or produce), how much and by when, most urgent first. Each stock level the filters match is projected day by day (on hand - reserved + inbound in transit - the forecast with planned promotions' uplift); when the position reaches the reorder point within the horizon, the suggestion orders it up to safety stock + planned demand over lead time + review period. */
  replenishmentSuggestions: Array<ReplenishmentSuggestion>;
  /** replenishmentSuggestions as CSV text (RFC 4180, a header row, CRLF line ends): one row per suggestion, columns named as the fields with the inputs flattened, plus productName and warehouseCode. */
  replenishmentSuggestionsCsv: Scalars['String']['output'];
  /** A return by id; null when there is none or it is of a channel outside the caller's. */
  return?: Maybe<Return>;
  /** Return rates of the orders placed in [from, to) (at most 366 days) that shipped: units returned (in returns not rejected) over units shipped, by SKU, channel and reason. A channel-scoped caller counts its channels' orders only. BAD_USER_INPUT when to is not after from. */
  returnKpis: ReturnKpis;
  /** A return's receipt at its warehouse; null until the return is routed, or when it is outside a channel-scoped caller's channels. */
  returnReceipt?: Maybe<ReturnReceipt>;
  /** Returns matching the filter, newest request first. A channel-scoped caller gets its channels' returns only, whatever the filter. */
  returns: ReturnConnection;
  /** Per risk rule, the holds opened in [from, to) (to: now when not given) and how they were resolved: precision = fraudulent / (legitimate + fraudulent). */
  riskRulePrecision: Array<RiskRulePrecision>;
  /** A shipment by id; null when there is none or it is outside a channel-scoped caller's channels. */
  shipment?: Maybe<Shipment>;
  /** The shipment a carrier knows by this tracking number; null when there is none or it is outside a channel-scoped caller's channels. */
  shipmentByTracking?: Maybe<Shipment>;
  /** Stock alerts, newest first: open ones (the default), closed ones (false), or all (null). */
  stockAlerts: Array<StockAlert>;
  /** Stock levels (of one SKU, or all) that differ from the sum of their movements; empty when the ledger is consistent. */
  stockLedgerCheck: Array<StockLedgerMismatch>;
  /** A transfer by id; null when there is none. */
  transfer?: Maybe<StockTransfer>;
  /** Transfers worth making for one SKU (or every SKU) over the coming days: where planned demand (stored forecasts x planned promotions) exceeds a warehouse's available and inbound units, covered from warehouses holding more than their own demand and safety stock, nearest first. The most short warehouse first; by SKU. */
  transferSuggestions: Array<TransferSuggestion>;
  /** Transfers between warehouses, newest first. */
  transfers: StockTransferConnection;
  /** The caller, as the platform sees its token. */
  viewer: Viewer;
  /** A warehouse by id; null when there is none. */
  warehouse?: Maybe<Warehouse>;
  /** Planning KPIs (inventory turnover, stock-out rate, forecast accuracy) over the UTC days `from` to `to` (YYYY-MM-DD, both included; `to` not after today; at most 366 days; BAD_USER_INPUT otherwise): one entry per warehouse, by code, then one for the whole network (warehouseId null). `channel` narrows the demand and stock-out figures; a channel-scoped caller's count its channels only. */
  warehouseKpis: Array<PlanningKpi>;
  /** Every warehouse, ordered by code. */
  warehouses: Array<Warehouse>;
  /** One of the caller's own webhooks by id; null when there is none or it is another caller's. */
  webhook?: Maybe<Webhook>;
  /** A delivery of one of the caller's own webhooks by id; null when there is none or it is another caller's. */
  webhookDelivery?: Maybe<WebhookDelivery>;
  /** The caller's own webhooks (those it registered), newest first. */
  webhooks: WebhookConnection;
  /** One work item; null when unknown or not the caller's. */
  workItem?: Maybe<WorkItem>;
  /** Work items, newest first. A channel-scoped caller sees only its channels' items (none without a channel). */
  workItems: WorkItemConnection;
};


export type Query_OrderStatusEventArgs = {
  event: OrderStatusEventInput;
};


export type Query_OrderStatusEventsArgs = {
  after: Scalars['ID']['input'];
  channel?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
  orderId?: InputMaybe<Scalars['ID']['input']>;
};


export type Query_WorkItemEventArgs = {
  event: WorkItemEventInput;
};


export type Query_WorkItemEventsArgs = {
  after: Scalars['ID']['input'];
  assignee?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChannelKpisArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryChannelPrioritiesArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
};


export type QueryChannelQuotasArgs = {
  sku?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerByIdentityArgs = {
  channel: Scalars['String']['input'];
  externalId: Scalars['String']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  tier?: InputMaybe<CustomerTier>;
};


export type QueryIntakeQualityArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryLogisticsAlertsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderByExternalIdArgs = {
  channel: Scalars['String']['input'];
  externalId: Scalars['String']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPackagingKpisArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  warehouseId: Scalars['ID']['input'];
};


export type QueryParkedEventsArgs = {
  consumer?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  service?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ParkedEventStatus>;
};


export type QueryPlanningPoliciesArgs = {
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryProductArgs = {
  sku: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPromotionsArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  sku?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<PromotionStatus>;
};


export type QueryRecentRejectionsArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReplenishmentSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  horizonDays?: InputMaybe<Scalars['Int']['input']>;
  sku?: InputMaybe<Scalars['ID']['input']>;
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReplenishmentSuggestionsCsvArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  horizonDays?: InputMaybe<Scalars['Int']['input']>;
  sku?: InputMaybe<Scalars['ID']['input']>;
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReturnArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReturnKpisArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryReturnReceiptArgs = {
  returnId: Scalars['ID']['input'];
};


export type QueryReturnsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReturnFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRiskRulePrecisionArgs = {
  from: Scalars['DateTime']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryShipmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShipmentByTrackingArgs = {
  carrier: Scalars['String']['input'];
  trackingNumber: Scalars['String']['input'];
};


export type QueryStockAlertsArgs = {
  open?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryStockLedgerCheckArgs = {
  sku?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTransferArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTransferSuggestionsArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
  sku?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTransfersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TransferFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWarehouseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWarehouseKpisArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWorkItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWorkItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkItemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What became of some of a line's units in refurbishment: mended (back on hand) or scrapped. Together at most the units of the line still in refurbishment; the rest stay there. */
export type RefurbishedLineInput = {
  /** The order line returned, 1..200000. */
  lineNo: Scalars['Int']['input'];
  /** Units mended: back on hand at the receiving warehouse, offered to waiting orders; 0..100000. */
  restock: Scalars['Int']['input'];
  /** Units that could not be mended, scrapped; 0..100000. */
  scrap: Scalars['Int']['input'];
};

/** A partner endpoint to receive order status changes. */
export type RegisterWebhookInput = {
  /** At most 500 characters, no control characters but tab and line breaks. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Which operation of the document, when it has several. At most 100 characters, no control characters. */
  operationName?: InputMaybe<Scalars['String']['input']>;
  /** A subscription document on orderStatusChanged, e.g. `subscription { orderStatusChanged(channel: "tmall") { eventId to order { id status } } }`: its arguments filter the events (orderId, customerId, channel), its selection (any field of any subgraph) is the payload. At most 10000 characters, no control characters but tab and line breaks. */
  query: Scalars['String']['input'];
  /** At least 16 characters; signs every delivery (HMAC-SHA256). Shown only as its last four characters. At most 512 characters, no control characters. */
  secret: Scalars['String']['input'];
  /** http(s) URL the deliveries are POSTed to. At most 2048 characters, no control characters. */
  url: Scalars['String']['input'];
  /** Values of the variables the document uses. At most 16 KiB serialized, nested at most 16 levels. */
  variables?: InputMaybe<Scalars['JSON']['input']>;
};

/** The figures a replenishment suggestion was made from. */
export type ReplenishmentInputs = {
  __typename?: 'ReplenishmentInputs';
  /** Planned demand over lead time + review period from the order-by day. */
  coverDemand: Scalars['Float']['output'];
  /** Days of the horizon with a stored forecast; days without one count no demand. */
  forecastDays: Scalars['Int']['output'];
  /** Planned demand over the horizon: the forecast with planned promotions. */
  horizonDemand: Scalars['Float']['output'];
  /** Units in transit to the warehouse, not yet received; counted as coming. */
  inbound: Scalars['Int']['output'];
  /** Days from ordering (or producing) to units on the shelf. */
  leadTimeDays: Scalars['Int']['output'];
  /** Units in the warehouse now. */
  onHand: Scalars['Int']['output'];
  /** safetyStock + coverDemand: the level the order brings the position up to. */
  orderUpTo: Scalars['Float']['output'];
  /** The inventory position today: onHand - reserved + inbound. */
  position: Scalars['Int']['output'];
  /** The projected position at the start of the order-by day. */
  positionAtOrder: Scalars['Float']['output'];
  /** Of horizonDemand, the units planned promotions add. */
  promotionDemand: Scalars['Float']['output'];
  /** The reorder point: order when the position falls to it. */
  reorderPoint: Scalars['Float']['output'];
  /** Units promised to allocated orders. */
  reserved: Scalars['Int']['output'];
  /** Days between two reviews: an order covers the lead time and this. */
  reviewDays: Scalars['Int']['output'];
  /** The safety stock planned against. */
  safetyStock: Scalars['Float']['output'];
};

/** What to order (or produce) for one product at one warehouse, how much and by when: the position (on hand - reserved + inbound) projected day by day against the planned demand reaches the reorder point within the horizon, and the order brings it up to safety stock + demand over lead time and review period. Days are UTC, YYYY-MM-DD. */
export type ReplenishmentSuggestion = {
  __typename?: 'ReplenishmentSuggestion';
  /** When an order placed on orderBy arrives (orderBy + lead time). */
  arrivesBy: Scalars['String']['output'];
  /** Days the order is overdue; 0 unless late. */
  daysLate: Scalars['Int']['output'];
  inputs: ReplenishmentInputs;
  /** The order-by day has passed: even ordered today the units arrive late. */
  late: Scalars['Boolean']['output'];
  /** When the units must be on the shelf: the day the projected position would fall below safety stock; without such a day in sight, when an order placed on orderBy arrives. */
  neededBy: Scalars['String']['output'];
  /** The last day to place the order: the day the position reaches the reorder point, or a lead time before it would fall below safety stock when that is earlier; today when late. */
  orderBy: Scalars['String']['output'];
  product: Product;
  /** Units to order: orderUpTo - positionAtOrder, rounded up. */
  quantity: Scalars['Int']['output'];
  /** The day the projected position reaches the reorder point. */
  reorderPointOn: Scalars['String']['output'];
  sku: Scalars['ID']['output'];
  /** The first day demand would go unmet without this order; null when none is in sight. */
  stockoutOn?: Maybe<Scalars['String']['output']>;
  urgency: ReplenishmentUrgency;
  warehouse: Warehouse;
  warehouseId: Scalars['ID']['output'];
};

/** How soon a replenishment order must go out. */
export type ReplenishmentUrgency =
  /** The order-by day has passed: order today; the units still arrive after they are needed. */
  | 'LATE'
  /** Order today. */
  | 'NOW'
  /** Due after the next review. */
  | 'PLANNED'
  /** Order within the review period (before the next review would be too late). */
  | 'SOON';

/** A buyer (or the desk for a buyer) asks to return some units of a shipped order. */
export type RequestReturnInput = {
  /** The lines and units. At most 200 entries. */
  lines: Array<ReturnLineInput>;
  /** In the buyer's words. At most 1000 characters, no control characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The order. At most 64 characters, no control characters. */
  orderId: Scalars['ID']['input'];
  reason: ReturnReason;
};

/** A return (RMA) of some units of one order. */
export type Return = {
  __typename?: 'Return';
  authorisedAt?: Maybe<Scalars['DateTime']['output']>;
  channel: Channel;
  /** The channel's own return or refund id, for imported returns. */
  externalId?: Maybe<Scalars['String']['output']>;
  /** Every status change, oldest first. */
  history: Array<ReturnStatusChange>;
  id: Scalars['ID']['output'];
  inspectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Lines in line-number order. */
  lines: Array<ReturnLine>;
  /** The buyer's or operator's words. PII (free text may name people): without pii:read masked as "***". */
  note?: Maybe<Scalars['String']['output']>;
  /** The order returned from. */
  order?: Maybe<Order>;
  reason: ReturnReason;
  /** The return at its warehouse: received, inspected, each line's split; null until it is routed, or outside a channel-scoped caller's channels. */
  receipt?: Maybe<ReturnReceipt>;
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What is refunded: the lines plus `shippingRefund`; null until the return is inspected. */
  refund?: Maybe<Money>;
  /** When the refund was settled (REFUNDED or CLOSED). */
  refundedAt?: Maybe<Scalars['DateTime']['output']>;
  requestedAt: Scalars['DateTime']['output'];
  /** The parcel carrying the return back to its warehouse (direction RETURN); null until it is booked, or outside a channel-scoped caller's channels. */
  shipment?: Maybe<Shipment>;
  /** The part of `refund` that is the shipping fee ("0.00" when none). */
  shippingRefund: Money;
  /** REQUEST (requestReturn) or the channel code it was imported from. */
  source: Scalars['String']['output'];
  status: ReturnStatus;
  /** Increases by one on every status change. */
  version: Scalars['Int']['output'];
  /** The warehouse that receives the return; null until it is routed, or outside a channel-scoped caller's channels. */
  warehouse?: Maybe<Warehouse>;
};

export type ReturnConnection = {
  __typename?: 'ReturnConnection';
  edges: Array<ReturnEdge>;
  pageInfo: PageInfo;
  /** All returns matching the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type ReturnEdge = {
  __typename?: 'ReturnEdge';
  cursor: Scalars['String']['output'];
  node: Return;
};

/** Conditions on returns; the given ones combine with AND. */
export type ReturnFilter = {
  /** Channel code (case-insensitive). At most 32 characters, no control characters. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** Returns of this order. At most 64 characters, no control characters. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these reasons. At most 7 entries. */
  reason?: InputMaybe<Array<ReturnReason>>;
  /** Any of these statuses. At most 20 entries. */
  status?: InputMaybe<Array<ReturnStatus>>;
};

/** Return rates of the orders placed in a window, by SKU, by channel and by reason. */
export type ReturnKpis = {
  __typename?: 'ReturnKpis';
  /** Every channel that sold in the window, by code. */
  byChannel: Array<ReturnRateRow>;
  /** Every reason given, by name; unitsSold is all units sold, so the rates add up to the total rate. */
  byReason: Array<ReturnRateRow>;
  /** SKUs with a returned unit, most returned first (at most 100). */
  bySku: Array<ReturnRateRow>;
  returnRate?: Maybe<Scalars['Float']['output']>;
  unitsReturned: Scalars['Int']['output'];
  unitsSold: Scalars['Int']['output'];
};

/** One order line in a return, with what inspection made of its units. */
export type ReturnLine = {
  __typename?: 'ReturnLine';
  /** The order line returned. */
  lineNo: Scalars['Int']['output'];
  /** Units the buyer sends back. */
  quantity: Scalars['Int']['output'];
  /** This line's refund; null until the return is inspected. */
  refund?: Maybe<Money>;
  /** Units sent to refurbishment after inspection. */
  refurbished: Scalars['Int']['output'];
  /** Units put back on hand after inspection. */
  restocked: Scalars['Int']['output'];
  /** Units scrapped after inspection. */
  scrapped: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
};

/** One order line to return: by line number, or by SKU when the order has one line of it. */
export type ReturnLineInput = {
  /** The order line's number (1..200). */
  lineNo?: InputMaybe<Scalars['Int']['input']>;
  /** Units to return, 1..100000, at most what was shipped and not returned yet. */
  quantity: Scalars['Int']['input'];
  /** The line's SKU, when no lineNo is given. At most 64 characters, no control characters. */
  sku?: InputMaybe<Scalars['String']['input']>;
};

/** Result of requesting or importing a return. */
export type ReturnPayload = {
  __typename?: 'ReturnPayload';
  /** False when an earlier import of the same channel's return made it. */
  created: Scalars['Boolean']['output'];
  return: Return;
};

/** Units sold and returned for one key (a SKU, a channel or a reason). */
export type ReturnRateRow = {
  __typename?: 'ReturnRateRow';
  /** The SKU, channel code or reason. */
  key: Scalars['String']['output'];
  /** unitsReturned / unitsSold; null when nothing was sold. */
  returnRate?: Maybe<Scalars['Float']['output']>;
  /** Units of those orders in returns that were not rejected. */
  unitsReturned: Scalars['Int']['output'];
  /** Units shipped in the window (orders placed in it and shipped); for a reason: every SKU. */
  unitsSold: Scalars['Int']['output'];
};

/** Why goods are returned. */
export type ReturnReason =
  | 'CHANGED_MIND'
  | 'DAMAGED'
  | 'DEFECTIVE'
  | 'NOT_AS_DESCRIBED'
  | 'OTHER'
  | 'SIZE_FIT'
  | 'WRONG_ITEM';

/** A return at the warehouse that receives it: routed there when authorised, received when the parcel arrives, inspected once. Restocked units are RETURN movements in the stock ledger, offered to waiting orders at once. */
export type ReturnReceipt = {
  __typename?: 'ReturnReceipt';
  /** When the warehouse was chosen. */
  createdAt: Scalars['DateTime']['output'];
  inspectedAt?: Maybe<Scalars['DateTime']['output']>;
  lines: Array<ReturnReceiptLine>;
  orderId: Scalars['ID']['output'];
  /** The RETURN_REASON the return was authorised with, e.g. DAMAGED. */
  reason: Scalars['String']['output'];
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The return (owned by orders). */
  returnId: Scalars['ID']['output'];
  /** Why this warehouse receives it, for operators. */
  routingReason: Scalars['String']['output'];
  status: ReturnReceiptStatus;
  /** The warehouse that receives the return. */
  warehouse: Warehouse;
};

/** One line of a return at its warehouse, and how its units were judged once inspected. */
export type ReturnReceiptLine = {
  __typename?: 'ReturnReceiptLine';
  /** The order line returned. */
  lineNo: Scalars['Int']['output'];
  /** Units returned on this line. */
  quantity: Scalars['Int']['output'];
  /** Units sent to refurbishment at inspection (not on hand until mended: completeRefurbishment); null until inspected. */
  refurbished?: Maybe<Scalars['Int']['output']>;
  /** Of the refurbished units, those mended and back on hand (RETURN in the ledger); null until inspected. */
  refurbishedRestocked?: Maybe<Scalars['Int']['output']>;
  /** Of the refurbished units, those scrapped after all; null until inspected. What is neither is still in refurbishment. */
  refurbishedScrapped?: Maybe<Scalars['Int']['output']>;
  /** Units put back on hand; null until inspected. */
  restocked?: Maybe<Scalars['Int']['output']>;
  /** Units scrapped; null until inspected. */
  scrapped?: Maybe<Scalars['Int']['output']>;
  sku: Scalars['ID']['output'];
};

/** Where a return stands at its warehouse. */
export type ReturnReceiptStatus =
  /** Every line's units were restocked, sent to refurbishment or scrapped. Final. */
  | 'INSPECTED'
  /** The parcel arrived (delivered there or booked in at the dock); it waits for inspection. */
  | 'RECEIVED'
  /** The receiving warehouse was chosen; the parcel is on its way. */
  | 'ROUTED';

/** How much of an order has been returned, counted in units of returns not rejected. */
export type ReturnState =
  /** Every unit of every line in a return. */
  | 'FULL'
  /** No unit in a return (or only in rejected ones). */
  | 'NONE'
  /** Some units in returns, not all. */
  | 'PARTIAL';

/** Where a return stands; the transitions are the table in returns/return-status.machine.ts. */
export type ReturnStatus =
  /** Accepted; inventory picks the receiving warehouse and logistics books the parcel. */
  | 'AUTHORISED'
  /** Inspected with nothing to refund; final. */
  | 'CLOSED'
  /** Inspected; the refund is being settled (a moment, in the same step). */
  | 'INSPECTED'
  /** The return parcel is with the carrier. */
  | 'IN_TRANSIT'
  /** At the warehouse, waiting for inspection. */
  | 'RECEIVED'
  /** Inspected and refunded (`refund`); final. */
  | 'REFUNDED'
  /** Refused by an operator; final. */
  | 'REJECTED'
  /** Waiting for an operator (outside the returns window, or a reason not auto-approved). */
  | 'REQUESTED';

/** One step of a return status history. */
export type ReturnStatusChange = {
  __typename?: 'ReturnStatusChange';
  at: Scalars['DateTime']['output'];
  /** Null for the first entry (the return was created). */
  from?: Maybe<ReturnStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  to: ReturnStatus;
};

/** How well one risk rule holds orders: held, found legitimate or fraudulent. */
export type RiskRulePrecision = {
  __typename?: 'RiskRulePrecision';
  fraudulent: Scalars['Int']['output'];
  /** Risk holds it raised (among others or alone) in the window. */
  held: Scalars['Int']['output'];
  legitimate: Scalars['Int']['output'];
  /** fraudulent / (legitimate + fraudulent); null while none of its holds is resolved. */
  precision?: Maybe<Scalars['Float']['output']>;
  ruleCode: Scalars['String']['output'];
};

/** One change of a stock level's safety stock, with the inputs it was computed from: newSafetyStock = ceil(z x errorSd x sqrt(leadTimeDays) x uplift) when DYNAMIC, the fixed number when FIXED. */
export type SafetyStockChange = {
  __typename?: 'SafetyStockChange';
  changedAt: Scalars['DateTime']['output'];
  /** Standard deviation of the daily forecast error on held-out days, units; null without a forecast. */
  errorSd?: Maybe<Scalars['Float']['output']>;
  /** When the forecast used was fitted. */
  fittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Days of demand history the forecast was fitted on. */
  historyDays?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  leadTimeDays: Scalars['Int']['output'];
  /** Planned demand over the lead time (forecast x promotions), units. */
  leadTimeDemand: Scalars['Float']['output'];
  newSafetyStock: Scalars['Int']['output'];
  oldSafetyStock: Scalars['Int']['output'];
  /** What started the recompute ("scheduled recompute", "planning policy changed"). */
  reason: Scalars['String']['output'];
  /** The reorder point with the new safety stock: ceil(leadTimeDemand) + safety stock. */
  reorderPoint: Scalars['Int']['output'];
  serviceLevel: Scalars['Float']['output'];
  sku: Scalars['ID']['output'];
  source: SafetyStockSource;
  /** Planned promotions' effect on the error over the lead time: the root mean square of the daily uplift (1 without promotions). */
  uplift: Scalars['Float']['output'];
  warehouseId: Scalars['ID']['output'];
  /** The standard normal quantile of the service level (1.645 at 0.95). */
  z: Scalars['Float']['output'];
};

/** Where a stock level's safety stock comes from. */
export type SafetyStockSource =
  /** Computed from the forecast error: ceil(z(serviceLevel) x sqrt(sum over the lead-time days of (errorSd x promotion uplift)^2)), i.e. z x sigma x sqrt(leadTimeDays) without promotions. */
  | 'DYNAMIC'
  /** The operator's number: the level has no forecast fitted on enough history yet. */
  | 'FIXED';

/** What one exception scan did. */
export type ScanResult = {
  __typename?: 'ScanResult';
  /** The time the scan judged the shipments at. */
  at: Scalars['DateTime']['output'];
  /** Shipments that became an EXCEPTION in this scan, each with one alert. */
  flagged: Scalars['Int']['output'];
};

/** What setPlanningPolicy stored, and the safety stocks it changed. */
export type SetPlanningPolicyPayload = {
  __typename?: 'SetPlanningPolicyPayload';
  /** Safety stocks recomputed under the new policy. */
  changes: Array<SafetyStockChange>;
  /** Null when every figure was cleared. */
  policy?: Maybe<PlanningPolicyOverride>;
};

/** A warehouse's whole box catalogue (it replaces the one it has). */
export type SetWarehouseBoxesInput = {
  /** At most 30; empty: no packing at this warehouse. */
  boxes: Array<BoxInput>;
  /** At most 64 characters. */
  warehouseId: Scalars['ID']['input'];
};

/** One parcel of an order with one carrier: from one warehouse to the buyer (OUTBOUND), or back from the buyer to one warehouse (RETURN). */
export type Shipment = {
  __typename?: 'Shipment';
  /** Estimated kg CO2e: great-circle km from the warehouse x weight x the carrier mode's factor per tonne-km (ROAD 0.105, EXPRESS 0.25, AIR 0.6). The weight is the packages' gross weight (products and boxes); a shipment without packages assumes a weight per unit. Null when the distance is unknown. */
  carbonKg?: Maybe<Scalars['Float']['output']>;
  carrier: Carrier;
  /** When the shipment was planned. */
  createdAt: Scalars['DateTime']['output'];
  /** The time of the latest DELIVERED scan (never earlier than createdAt); set exactly when one exists. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** OUTBOUND to the buyer, or RETURN to the warehouse. */
  direction: ShipmentDirection;
  estimatedDeliveryAt?: Maybe<Scalars['DateTime']['output']>;
  /** Carrier scans, oldest first. */
  events: Array<TrackingEvent>;
  id: Scalars['ID']['output'];
  /** The order this parcel belongs to (resolved by orders); null, with an error, when orders is down. */
  order?: Maybe<Order>;
  /** The boxes the shipment goes out in (smallest that hold its units, from the warehouse catalogue); empty for shipments planned before packing or from a warehouse without boxes. */
  packages: Array<ShipmentPackage>;
  /** The return a RETURN shipment carries; null for OUTBOUND. */
  returnId?: Maybe<Scalars['ID']['output']>;
  /** The furthest step its tracking events reached, in whatever order they arrived (see ShipmentStatus). */
  status: ShipmentStatus;
  /** The carrier's tracking number; unique per carrier. */
  trackingNumber: Scalars['String']['output'];
  /** The warehouse it ships from, or for a RETURN shipment the one it goes back to (resolved by inventory). */
  warehouse: Warehouse;
};

/** Which way a parcel goes. */
export type ShipmentDirection =
  /** From a warehouse to the buyer: it drives the order's fulfilment status. */
  | 'OUTBOUND'
  /** From the buyer back to a warehouse (a return): its scans never change the order's own status. */
  | 'RETURN';

/** One box of a shipment, as inventory packed it when the stock was reserved. */
export type ShipmentPackage = {
  __typename?: 'ShipmentPackage';
  /** Some unit had no measured dimensions and was packed with a default size. */
  assumedDimensions: Scalars['Boolean']['output'];
  /** The box's code in the warehouse's catalogue; null: a unit no box holds, in its own packaging. */
  boxCode?: Maybe<Scalars['String']['output']>;
  /** The box's volume, cm3. */
  boxVolumeCm3: Scalars['Float']['output'];
  /** What the warehouse's default box(es) would have taken for the same units, cm3. */
  defaultBoxVolumeCm3: Scalars['Float']['output'];
  heightMm: Scalars['Int']['output'];
  items: Array<PackageItem>;
  /** The units' own volume, cm3. */
  itemsVolumeCm3: Scalars['Float']['output'];
  /** The box's inside length (mm), or the unit's own. */
  lengthMm: Scalars['Int']['output'];
  /** 1, 2, ... within the shipment. */
  packageNo: Scalars['Int']['output'];
  /** Share of the box that is empty (0..1), filled with void fill. */
  voidFill: Scalars['Float']['output'];
  /** Gross weight: the units and the empty box. */
  weightGrams: Scalars['Int']['output'];
  widthMm: Scalars['Int']['output'];
};

/** Where a shipment is: the furthest step any carrier scan reached (CREATED < IN_TRANSIT < OUT_FOR_DELIVERY < DELIVERED < RETURNED), whatever order the scans arrived in; EXCEPTION while the newest scan is an exception and nothing was delivered or returned. */
export type ShipmentStatus =
  | 'CREATED'
  | 'DELIVERED'
  | 'EXCEPTION'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'RETURNED';

/** Trouble with a SKU's stock, raised when it starts and closed when it clears; one open alert per SKU, warehouse and kind. */
export type StockAlert = {
  __typename?: 'StockAlert';
  /** When the condition cleared; null while the alert is open. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: StockAlertKind;
  /** What was seen when the alert was raised. */
  message: Scalars['String']['output'];
  openedAt: Scalars['DateTime']['output'];
  sku: Scalars['ID']['output'];
  /** The stock level's warehouse; null for alerts about the SKU as a whole. */
  warehouse?: Maybe<Warehouse>;
};

/** What a stock alert is about. */
export type StockAlertKind =
  /** Backordered orders want more units of the SKU than all warehouses have available. */
  | 'DEMAND_EXCEEDS_SUPPLY'
  /** A stock level has less available than its safety stock (onHand - reserved < 2 x safetyStock). */
  | 'LOW_STOCK';

/** A stock level whose numbers differ from the sum of its movements: onHand should be RECEIVE + ADJUST + RETURN + TRANSFER_IN + TRANSFER_OUT - SHIP (ADJUST and the transfers are signed, TRANSFER_OUT negative), reserved should be RESERVE - RELEASE - SHIP. */
export type StockLedgerMismatch = {
  __typename?: 'StockLedgerMismatch';
  /** On hand as the movements add up. */
  ledgerOnHand: Scalars['Int']['output'];
  /** Reserved as the movements add up. */
  ledgerReserved: Scalars['Int']['output'];
  /** On hand as the stock level says. */
  onHand: Scalars['Int']['output'];
  /** True for the presale pool of the level, false for regular stock. */
  presale: Scalars['Boolean']['output'];
  /** Reserved as the stock level says. */
  reserved: Scalars['Int']['output'];
  sku: Scalars['ID']['output'];
  /** Null when movements name a warehouse that does not exist. */
  warehouse?: Maybe<Warehouse>;
};

/** Stock of one product in one warehouse. */
export type StockLevel = {
  __typename?: 'StockLevel';
  /** onHand - reserved - safetyStock, never below 0. */
  available: Scalars['Int']['output'];
  /** Days the available units last at the planned demand (promotions included), walked day by day from today and past the 90 forecast days at their mean; 0 when nothing is available. Null when never fitted or when no demand is planned. */
  daysOfCover?: Maybe<Scalars['Float']['output']>;
  /** The operator's fixed safety stock: the level's safety stock while FIXED, and what it returns to. */
  fixedSafetyStock: Scalars['Int']['output'];
  /** Units planned to be demanded here over the next `days` days from today (UTC; default 30): the forecast's points, planned promotions included. Null when never fitted. */
  forecastDemand?: Maybe<Scalars['Float']['output']>;
  /** Units on their way here from other warehouses, not yet received: in neither onHand nor available. */
  inTransitIn: Scalars['Int']['output'];
  /** Units sent from here to other warehouses and not yet received there: already out of onHand. */
  inTransitOut: Scalars['Int']['output'];
  /** Days from ordering (or producing) to units on the shelf. */
  leadTimeDays: Scalars['Int']['output'];
  /** Units physically in the warehouse. */
  onHand: Scalars['Int']['output'];
  /** Order more when on hand less reserved plus inbound falls to this: the planned demand over the lead time (forecast x promotions, from today, rounded up) plus the safety stock. */
  reorderPoint: Scalars['Int']['output'];
  /** Units promised to allocated orders. */
  reserved: Scalars['Int']['output'];
  /** Days between two looks at the level: a replenishment covers them too. */
  reviewDays: Scalars['Int']['output'];
  /** Units kept back from sale as a buffer. */
  safetyStock: Scalars['Int']['output'];
  /** The level's latest safety-stock changes, newest first, each with the inputs it was computed from. */
  safetyStockChanges: Array<SafetyStockChange>;
  /** FIXED: the operator's number; DYNAMIC: computed from the forecast error (see SafetyStockSource). */
  safetyStockSource: SafetyStockSource;
  /** The share of lead times that should pass without a stockout; dynamic safety stock is sized for it. */
  serviceLevel: Scalars['Float']['output'];
  sku: Scalars['ID']['output'];
  updatedAt: Scalars['DateTime']['output'];
  warehouse: Warehouse;
};


/** Stock of one product in one warehouse. */
export type StockLevelForecastDemandArgs = {
  days?: Scalars['Int']['input'];
};


/** Stock of one product in one warehouse. */
export type StockLevelSafetyStockChangesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Units of one product moving from one warehouse to another. Sent units leave the source at once and count at the destination only when received: meanwhile they are available at neither end. Every step is in the stock ledger (TRANSFER_OUT at the source, TRANSFER_IN where units land). */
export type StockTransfer = {
  __typename?: 'StockTransfer';
  /** The sender allowed the source's safety stock to be used. */
  belowSafetyStock: Scalars['Boolean']['output'];
  /** Why the rest was cancelled, when it was. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** When the transfer became RECEIVED or CANCELLED. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Where the units left. */
  fromWarehouse: Warehouse;
  id: Scalars['ID']['output'];
  /** Units still on the way: quantity - received - returned. */
  inTransit: Scalars['Int']['output'];
  product: Product;
  /** Units sent. */
  quantity: Scalars['Int']['output'];
  /** Why the units were sent, as the operator said. */
  reason: Scalars['String']['output'];
  /** Units received at the destination so far. */
  received: Scalars['Int']['output'];
  /** The operator's document number; sending again with the same reference returns this transfer. */
  reference?: Maybe<Scalars['String']['output']>;
  /** Units that went back to the source when the transfer was cancelled. */
  returned: Scalars['Int']['output'];
  sku: Scalars['ID']['output'];
  status: TransferStatus;
  /** Where the units go. */
  toWarehouse: Warehouse;
  updatedAt: Scalars['DateTime']['output'];
};

/** Transfers, newest first. */
export type StockTransferConnection = {
  __typename?: 'StockTransferConnection';
  edges: Array<StockTransferEdge>;
  pageInfo: PageInfo;
  /** Transfers matching the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type StockTransferEdge = {
  __typename?: 'StockTransferEdge';
  cursor: Scalars['String']['output'];
  node: StockTransfer;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Order status changes. Filters combine with AND; none given: every order the caller may see. `after`: the last eventId the client saw; events since then are replayed first, then live ones follow. */
  orderStatusChanged: OrderStatusEvent;
  /** The desk's live screen: work items opened, assigned, commented, escalated, resolved. Filters combine with AND; a channel-scoped caller gets its channels' items only. With `after` (the last eventId received) the changes missed since then come first, in order, then live ones: no gap, no duplicate (REPLAY_EXPIRED past the retention). */
  workItemChanged: WorkItemChangeEvent;
};


export type SubscriptionOrderStatusChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionWorkItemChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One carrier scan of a shipment. */
export type TrackingEvent = {
  __typename?: 'TrackingEvent';
  /** When the carrier scanned the parcel, by the carrier's clock. */
  at: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  location?: Maybe<Scalars['String']['output']>;
  status: ShipmentStatus;
};

/** A carrier's tracking webhook: one scan of one parcel. */
export type TrackingEventInput = {
  /** Scan time; at most one hour ahead of our clock. */
  at: Scalars['DateTime']['input'];
  /** Carrier code, e.g. "sf". At most 32 characters, no control characters. */
  carrier: Scalars['String']['input'];
  /** At most 1000 characters, no control characters but tab and line breaks. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** At most 1000 characters, no control characters. */
  location?: InputMaybe<Scalars['String']['input']>;
  status: ShipmentStatus;
  /** At most 128 characters, no control characters. */
  trackingNumber: Scalars['String']['input'];
};

/** Conditions on transfers; the given ones combine with AND. */
export type TransferFilter = {
  /** At most 64 characters, no control characters. */
  sku?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<TransferStatus>;
  /** Transfers from or to this warehouse; an id that is not a UUID matches nothing. At most 64 characters, no control characters. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** Where a transfer between warehouses stands. */
export type TransferStatus =
  /** What had not arrived went back to the source. Final. */
  | 'CANCELLED'
  /** Units are on the way (some may have arrived already): receive or cancel the rest. */
  | 'IN_TRANSIT'
  /** Every unit sent arrived at the destination. Final. */
  | 'RECEIVED';

/** Units to send from one warehouse to another. */
export type TransferStockInput = {
  /** Also take units the source keeps as safety stock (emptying a warehouse, or a need elsewhere judged more urgent). Reserved units are never taken. */
  allowBelowSafetyStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** The warehouse the units leave. At most 64 characters, no control characters. */
  fromWarehouseId: Scalars['ID']['input'];
  /** 1..1000000; at most what the source has available (on hand - reserved - safety stock), or on hand - reserved with allowBelowSafetyStock. */
  quantity: Scalars['Int']['input'];
  /** Why, for the ledger. Not blank. At most 500 characters, no control characters but tab and line breaks. */
  reason: Scalars['String']['input'];
  /** The operator's transfer document number, unique: sending again with it returns the transfer it made (a safe retry) instead of sending twice; with other figures it is CONFLICT. At most 128 characters, no control characters. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** At most 64 characters, no control characters. */
  sku: Scalars['ID']['input'];
  /** The warehouse they go to, not the source. At most 64 characters, no control characters. */
  toWarehouseId: Scalars['ID']['input'];
};

/** A move the planning suggests: the destination needs more over the coming days than it holds and has coming, the source holds more than its own needs and safety stock. Nothing is moved until someone calls transferStock. */
export type TransferSuggestion = {
  __typename?: 'TransferSuggestion';
  /** The destination's planned demand over the days (forecast x promotions). */
  destinationDemand: Scalars['Float']['output'];
  /** What the destination has for it: available (on hand - reserved - safety stock) plus inbound. */
  destinationSupply: Scalars['Int']['output'];
  /** Great-circle distance between the two warehouses, in km. */
  distanceKm: Scalars['Float']['output'];
  /** Where the units would leave. */
  fromWarehouse: Warehouse;
  /** Units to send. */
  quantity: Scalars['Int']['output'];
  /** The figures behind the suggestion, in words. */
  reason: Scalars['String']['output'];
  sku: Scalars['ID']['output'];
  /** Units the source holds over its own planned demand and safety stock. */
  sourceSurplus: Scalars['Int']['output'];
  /** Where they are needed. */
  toWarehouse: Warehouse;
  /** quantity x distanceKm: the cost the suggestions keep low. */
  unitKm: Scalars['Float']['output'];
};

/** Who is asking: the verified token behind this request. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Null: every channel. */
  channels?: Maybe<Array<Scalars['String']['output']>>;
  scopes: Array<Scalars['String']['output']>;
  /** The token's sub: a staff member, or an API client's clientId. */
  sub: Scalars['String']['output'];
};

/** A stocking location. */
export type Warehouse = {
  __typename?: 'Warehouse';
  /** Returns may be routed here (default true); see setWarehouseAcceptsReturns. */
  acceptsReturns: Scalars['Boolean']['output'];
  /** The warehouse's box catalogue, smallest first. */
  boxes: Array<Box>;
  city: Scalars['String']['output'];
  /** Short operator code, e.g. "SH-01". */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  region: Scalars['String']['output'];
};

/** A partner's endpoint: every matching order status change is POSTed to `url`, shaped by the subscription document `query` and signed with the secret (see the README: x-supply-graph-signature). */
export type Webhook = {
  __typename?: 'Webhook';
  /** False once deactivated: no new deliveries, no re-sends. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Newest first. */
  deliveries: WebhookDeliveryConnection;
  description?: Maybe<Scalars['String']['output']>;
  filter: WebhookFilter;
  id: Scalars['ID']['output'];
  operationName?: Maybe<Scalars['String']['output']>;
  /** A subscription on orderStatusChanged; its selection is the payload. */
  query: Scalars['String']['output'];
  /** The last four characters of the secret; the secret itself is never shown again. */
  secretLastFour: Scalars['String']['output'];
  url: Scalars['String']['output'];
  /** Values of the variables the document uses. */
  variables: Scalars['JSON']['output'];
};


/** A partner's endpoint: every matching order status change is POSTed to `url`, shaped by the subscription document `query` and signed with the secret (see the README: x-supply-graph-signature). */
export type WebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/** One try at sending a delivery. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  at: Scalars['DateTime']['output'];
  /** Payload resolution and the request together. */
  durationMs: Scalars['Int']['output'];
  /** Why the attempt failed; null when it succeeded. */
  error?: Maybe<Scalars['String']['output']>;
  /** The partner's HTTP status; null when none came (timeout, refused, payload error). */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type WebhookConnection = {
  __typename?: 'WebhookConnection';
  edges: Array<WebhookEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One status event on its way to one webhook. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts so far, re-sends included. */
  attemptCount: Scalars['Int']['output'];
  /** Every attempt, oldest first, re-sends included. */
  attempts: Array<WebhookAttempt>;
  createdAt: Scalars['DateTime']['output'];
  deadAt?: Maybe<Scalars['DateTime']['output']>;
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the status changed. */
  eventAt: Scalars['DateTime']['output'];
  /** The event id (as in orderStatusChanged), sent as x-supply-graph-event-id: the same on every retry and re-send. */
  eventId: Scalars['ID']['output'];
  /** The status the event left. */
  from?: Maybe<OrderStatus>;
  id: Scalars['ID']['output'];
  /** Why the last attempt failed, or why the delivery is DEAD. */
  lastError?: Maybe<Scalars['String']['output']>;
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due; null unless PENDING. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The order whose status changed, as it is now. */
  order: Order;
  status: WebhookDeliveryStatus;
  /** The status the event entered. */
  to: OrderStatus;
  webhook: Webhook;
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
  /** All deliveries matching the status, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryStatus =
  /** Dead-lettered: every retry failed for the give-up period, or the webhook was deactivated. */
  | 'DEAD'
  /** The partner answered 2xx. */
  | 'DELIVERED'
  /** Not delivered yet: waiting for its first attempt or for a retry. */
  | 'PENDING';

export type WebhookEdge = {
  __typename?: 'WebhookEdge';
  cursor: Scalars['String']['output'];
  node: Webhook;
};

/** Which status events a webhook receives: the arguments of its subscription; null matches any. */
export type WebhookFilter = {
  __typename?: 'WebhookFilter';
  /** Channel code, case-insensitive. */
  channel?: Maybe<Scalars['String']['output']>;
  customerId?: Maybe<Scalars['ID']['output']>;
  orderId?: Maybe<Scalars['ID']['output']>;
};

/** Something an operator must handle, opened from an alert (a risk hold, a logistics exception, a stock alert): typed, prioritised, due by its SLA, assigned by skill and load, resolved with an outcome. */
export type WorkItem = {
  __typename?: 'WorkItem';
  /** The operator's sub; null while it waits for one. */
  assignee?: Maybe<Scalars['String']['output']>;
  /** The carrier, for logistics items. */
  carrier?: Maybe<Scalars['String']['output']>;
  cause?: Maybe<Scalars['String']['output']>;
  channel?: Maybe<Scalars['String']['output']>;
  /** The standard checklist of its kind. */
  checklist: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  dueAt: Scalars['DateTime']['output'];
  escalationLevel: Scalars['Int']['output'];
  facts: Array<WorkItemFact>;
  /** Everything that happened to it, oldest first. */
  history: Array<WorkItemHistoryEntry>;
  id: Scalars['ID']['output'];
  /** RISK_HOLD, LOGISTICS_EXCEPTION, LOW_STOCK, OVERSELL_RISK, ... */
  kind: Scalars['String']['output'];
  /** The order it concerns, when there is one. */
  order?: Maybe<Order>;
  /** The order it concerns, if any. */
  orderId?: Maybe<Scalars['ID']['output']>;
  outcome?: Maybe<Scalars['String']['output']>;
  /** Not resolved and past its due time. */
  overdue: Scalars['Boolean']['output'];
  /** 1 (most urgent) .. 5; an escalation raises it by one. */
  priority: Scalars['Int']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  resolvedBy?: Maybe<Scalars['String']['output']>;
  /** The shipment, when the subject is one. */
  shipment?: Maybe<Shipment>;
  /** The skill an operator needs for it (from its kind). */
  skill: Scalars['String']['output'];
  status: WorkItemStatus;
  /** The id of what it is about (a stock level's is "<sku>@<warehouseId>"). */
  subjectId: Scalars['ID']['output'];
  /** The GraphQL type of what it is about: "Order", "Shipment", "StockLevel". */
  subjectType: Scalars['String']['output'];
  /** One line about it; never personal data. */
  summary: Scalars['String']['output'];
  /** Counts every change. */
  version: Scalars['Int']['output'];
};

/** A change of a work item, as `workItemChanged` delivers it. */
export type WorkItemChangeEvent = {
  __typename?: 'WorkItemChangeEvent';
  at: Scalars['DateTime']['output'];
  /** OPENED, ASSIGNED, COMMENTED, ESCALATED or RESOLVED. */
  change: Scalars['String']['output'];
  /** The event id. */
  eventId: Scalars['ID']['output'];
  /** The work item as it is now (at or after the change). */
  workItem: WorkItem;
};

export type WorkItemConnection = {
  __typename?: 'WorkItemConnection';
  edges: Array<WorkItemEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter (all pages). */
  totalCount: Scalars['Int']['output'];
};

export type WorkItemEdge = {
  __typename?: 'WorkItemEdge';
  cursor: Scalars['String']['output'];
  node: WorkItem;
};

export type WorkItemEventBatch = {
  __typename?: 'WorkItemEventBatch';
  /** In publishing order. */
  events: Array<WorkItemEventRecord>;
  /** More events follow the last one: ask again after it. */
  hasMore: Scalars['Boolean']['output'];
};

/** One work item change, as the gateway received it from the bus. */
export type WorkItemEventInput = {
  at: Scalars['DateTime']['input'];
  /** At most 32 characters. */
  change: Scalars['String']['input'];
  /** At most 256 characters. */
  eventId: Scalars['ID']['input'];
  /** At most 64 characters. */
  workItemId: Scalars['ID']['input'];
};

/** A past work-item.changed event as it was published. */
export type WorkItemEventRecord = {
  __typename?: 'WorkItemEventRecord';
  assignee?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  change: Scalars['String']['output'];
  channel?: Maybe<Scalars['String']['output']>;
  eventId: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  status: Scalars['String']['output'];
  /** The item's version after this change. */
  version: Scalars['Int']['output'];
  workItemId: Scalars['ID']['output'];
};

/** One fact of the alert behind a work item (risk flags, the stock alert's kind, ...). */
export type WorkItemFact = {
  __typename?: 'WorkItemFact';
  name: Scalars['String']['output'];
  /** The value as text; a list is comma-separated. */
  value: Scalars['String']['output'];
};

/** Conditions on work items; the given ones combine with AND. */
export type WorkItemFilter = {
  /** The assignee's sub. At most 64 characters, no control characters. */
  assignee?: InputMaybe<Scalars['String']['input']>;
  /** At most 32 characters, no control characters. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** Any of these kinds. At most 20 kinds, each 32 characters at most. */
  kind?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: only overdue items; false: only items not overdue. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<WorkItemStatus>>;
};

/** One entry of a work item's history: opened, assigned, commented, escalated, resolved. */
export type WorkItemHistoryEntry = {
  __typename?: 'WorkItemHistoryEntry';
  /** Who: an operator's sub, "desk" for automatic steps, or the alerting service. */
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /** OPENED, ASSIGNED, COMMENTED, ESCALATED or RESOLVED. */
  change: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
};

/** Where a work item stands. */
export type WorkItemStatus =
  | 'ASSIGNED'
  | 'ESCALATED'
  | 'OPEN'
  | 'RESOLVED';

export type Join__Graph =
  | 'CUSTOMERS'
  | 'INVENTORY'
  | 'LOGISTICS'
  | 'ORDERS';

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';

export type Customer360QueryVariables = Exact<{
  id: Scalars['ID']['input'];
  orders?: InputMaybe<Scalars['Int']['input']>;
}>;


export type Customer360Query = { __typename?: 'Query', customer?: { __typename?: 'Customer', id: string, name: string, email?: string | null, phone?: string | null, guest: boolean, createdAt: string, value?: { __typename?: 'CustomerValue', tier?: CustomerTier | null, recency?: number | null, frequency?: number | null, rScore?: number | null, fScore?: number | null, mScore?: number | null, score?: number | null, firstOrderAt?: string | null, lastOrderAt?: string | null, monetary?: { __typename?: 'Money', amount: string, currency: string } | null, channelMix: Array<{ __typename?: 'ChannelShare', channel: string, orders: number, share?: number | null }> } | null, identities: Array<{ __typename?: 'ChannelIdentity', channel: string, externalId: string }>, stats?: { __typename?: 'CustomerOrderStats', orderCount: number, firstOrderAt?: string | null, lastOrderAt?: string | null, channels: Array<string>, lifetimeValue: { __typename?: 'Money', amount: string, currency: string }, averageOrderValue: { __typename?: 'Money', amount: string, currency: string } } | null, orders?: { __typename?: 'OrderConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OrderEdge', cursor: string, node: { __typename?: 'Order', id: string, externalId: string, status: OrderStatus, version: number, placedAt: string, channel: { __typename?: 'Channel', code: string, name: string, kind: ChannelKind }, total: { __typename?: 'Money', amount: string, currency: string }, lines: Array<{ __typename?: 'OrderLine', sku: string, quantity: number, unitPrice: { __typename?: 'Money', amount: string, currency: string }, product?: { __typename?: 'Product', sku: string, name: string, available: number } | null }>, allocations?: Array<{ __typename?: 'Allocation', sku: string, quantity: number, warehouse: { __typename?: 'Warehouse', id: string, code: string, name: string } }> | null, shipments?: Array<{ __typename?: 'Shipment', id: string, trackingNumber: string, status: ShipmentStatus, carrier: { __typename?: 'Carrier', code: string, name: string }, warehouse: { __typename?: 'Warehouse', code: string, name: string }, events: Array<{ __typename?: 'TrackingEvent', at: string, status: ShipmentStatus, location?: string | null, description?: string | null }> }> | null } }> } | null, shipments?: Array<{ __typename?: 'Shipment', id: string, status: ShipmentStatus, trackingNumber: string }> | null } | null };

export type CustomersPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type CustomersPageQuery = { __typename?: 'Query', customers: { __typename?: 'CustomerConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'CustomerEdge', cursor: string, node: { __typename?: 'Customer', id: string, name: string, orders?: { __typename?: 'OrderConnection', totalCount: number, edges: Array<{ __typename?: 'OrderEdge', node: { __typename?: 'Order', id: string, status: OrderStatus, lines: Array<{ __typename?: 'OrderLine', sku: string, product?: { __typename?: 'Product', name: string } | null }>, shipments?: Array<{ __typename?: 'Shipment', trackingNumber: string, events: Array<{ __typename?: 'TrackingEvent', status: ShipmentStatus }> }> | null } }> } | null } }> } };

export type CustomerIdsPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type CustomerIdsPageQuery = { __typename?: 'Query', customers: { __typename?: 'CustomerConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'CustomerEdge', cursor: string, node: { __typename?: 'Customer', id: string } }> } };

export type OrderIdsPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
}>;


export type OrderIdsPageQuery = { __typename?: 'Query', orders: { __typename?: 'OrderConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OrderEdge', cursor: string, node: { __typename?: 'Order', id: string, status: OrderStatus, placedAt: string, channel: { __typename?: 'Channel', code: string } } }> } };


export const Customer360Document = {"__meta__":{"hash":"666ebbe697a80d9dfbe22b4980e2ee9b59331991fc489c3ea31ba4ab82db79a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customer360"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orders"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"guest"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"recency"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"monetary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rScore"}},{"kind":"Field","name":{"kind":"Name","value":"fScore"}},{"kind":"Field","name":{"kind":"Name","value":"mScore"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"channelMix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageOrderValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orders"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}}]}}]}}]}}]} as unknown as DocumentNode<Customer360Query, Customer360QueryVariables>;
export const CustomersPageDocument = {"__meta__":{"hash":"dd3488bba6ca7bb487ed9cf834be7de265e1630270cc52264224b75cf1b5f4e9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomersPageQuery, CustomersPageQueryVariables>;
export const CustomerIdsPageDocument = {"__meta__":{"hash":"031ca4583a0ce717acce67951bc078297291860b2d12a2a0bd17aeeaf3f961e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerIdsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerIdsPageQuery, CustomerIdsPageQueryVariables>;
export const OrderIdsPageDocument = {"__meta__":{"hash":"c56d8dbfe654b9218ff6ce39029661204aac38f62b53bbf52988ea55044175d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderIdsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderIdsPageQuery, OrderIdsPageQueryVariables>;