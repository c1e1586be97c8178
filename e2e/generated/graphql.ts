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

export type CreateApiClientInput = {
  /** Channel codes it is limited to (null: every channel; a channel-scoped creator must name a subset of its own). At most 50. */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What the client is, for operators. At most 200 characters, no control characters. */
  name: Scalars['String']['input'];
  /** Requests per minute, 1..1000000; null: the platform default. */
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Scopes its tokens may carry: at most the creator's own. At most 12. */
  scopes: Array<Scalars['String']['input']>;
  trustedDocumentsOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One golden customer across every channel they buy through. */
export type Customer = {
  __typename?: 'Customer';
  createdAt: Scalars['DateTime']['output'];
  /** PII: without pii:read masked as "z***@example.com". */
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The customer's accounts on every channel (for a channel-scoped caller: on its channels). */
  identities: Array<ChannelIdentity>;
  /** PII: without pii:read masked as "Z*** L***" (CJK: "张**"). */
  name: Scalars['String']['output'];
  /** The customer's orders matching the filter, newest first (placedAt, then id); null, with an error, when orders is down. */
  orders?: Maybe<OrderConnection>;
  /** PII: without pii:read masked as "+86 138****0923". E.164 where it could be normalised. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The customer's most recent shipments, newest first (a channel-scoped caller's channels only); null, with an error naming logistics, when that subgraph is down. */
  shipments?: Maybe<Array<Shipment>>;
  /** Order figures; see CustomerOrderStats for definitions. Null, with an error, when orders is down. */
  stats?: Maybe<CustomerOrderStats>;
};


/** One golden customer across every channel they buy through. */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** One golden customer across every channel they buy through. */
export type CustomerShipmentsArgs = {
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
  /** At most 200 characters, no control characters. */
  name: Scalars['String']['input'];
  /** E.164. At most 32 characters, no control characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** How many rejected payloads had a problem at a field. */
export type IntakeFieldCount = {
  __typename?: 'IntakeFieldCount';
  /** Rejected intakes with at least one problem at this field. */
  count: Scalars['Int']['output'];
  /** Payload path with list positions folded: "lines[].quantity" counts every line. */
  field: Scalars['String']['output'];
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
  /** Cancels an order and releases its stock; CONFLICT when its status does not allow it; FORBIDDEN for an order of a channel outside the caller's. */
  cancelOrder: Order;
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
  /** Places an order in the unified shape. Repeat-safe: (channel, externalId) identifies it, and a repeat answers the first order with created: false. Invalid input is BAD_USER_INPUT listing every problem; nothing is stored. FORBIDDEN, nothing stored, into a channel outside the caller's. */
  placeOrder: OrderPayload;
  /** A carrier's tracking webhook. Every scan is recorded (the same scan sent again is stored once), in any order and whatever its time: the shipment's status is the furthest step any of its scans reached (see ShipmentStatus), so a late or stale scan is kept in `events` but never moves the shipment back, and `deliveredAt` is set exactly when a DELIVERED scan exists (never earlier than the label). A DELIVERED scan delivers the order once all its shipments are. NOT_FOUND for an unknown carrier or tracking number, BAD_USER_INPUT for a scan over an hour in the future, FORBIDDEN (nothing recorded) for a shipment outside a channel-scoped caller's channels. */
  recordTrackingEvent: Shipment;
  /** Refits the stored demand forecasts now, of every stock level or of the given SKUs' (others keep theirs), from the demand history up to yesterday; scheduled refits run besides (INVENTORY_FORECAST_REFIT_HOURS). One refit runs at a time: a call made during another waits its turn; the same call again joins the running one. Answers when the refit is done, or, for a refit longer than the request may take, shortly before the deadline with status RUNNING: the refit carries on, and its forecasts land with the `fittedAt` given (`Product.forecast.fittedAt` shows when). */
  refitForecasts: ForecastRefit;
  /** Registers a partner webhook. BAD_USER_INPUT, listing every problem (url, secret, query, variables), when anything is invalid; nothing is stored then. Deliveries start with the next matching status change. The webhook belongs to the caller: only it sees and manages it, it receives the events of the caller's channels only, and its payloads are resolved with the caller's access as it was at registration (e.g. PII masked without pii:read). FORBIDDEN for a channel filter outside the caller's channels. */
  registerWebhook: Webhook;
  /** Releases an order held ON_HOLD (by a risk rule or an operator): it becomes PENDING and stock is allocated for it. CONFLICT when the order is not ON_HOLD; NOT_FOUND for an unknown id; FORBIDDEN for an order of a channel outside the caller's. */
  releaseOrder: Order;
  /** Lifts a channel's quota for a SKU; false when there was none. FORBIDDEN for a channel outside a channel-scoped caller's channels. */
  removeChannelQuota: Scalars['Boolean']['output'];
  /** Sends a delivery again now (PENDING, a fresh retry schedule, the same event id), e.g. a DEAD one once the partner is fixed. Earlier attempts stay listed. NOT_FOUND for an unknown id and another caller's delivery; CONFLICT when its webhook was deactivated. */
  resendWebhookDelivery: WebhookDelivery;
  /** Asks the service that parked the event to run its handler again (answers RETRY_REQUESTED; the outcome follows as RETRIED or FAILED_AGAIN). An order held for the event is released once it is handled. CONFLICT when it is RETRIED or a retry is under way; NOT_FOUND for an unknown id; FORBIDDEN (nothing changed) for an event a channel-scoped caller does not see. */
  retryParkedEvent: ParkedEvent;
  /** Runs the exception scan now (it also runs periodically): open shipments without a scan for the configured hours, or past their ETA, become EXCEPTION with an alert. Repeat-safe. `now` (default: the server clock) is the time shipments are judged at, for operators and tests. A channel-scoped caller's scan judges only its channels' shipments. */
  scanForExceptions: ScanResult;
  /** Caps what one channel may hold of a SKU: maxUnits units, or maxShare of its on-hand units (exactly one of the two). Waiting orders that now fit are allocated at once. FORBIDDEN, with nothing stored, for a channel outside a channel-scoped caller's channels. */
  setChannelQuota: ChannelQuota;
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


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
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


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
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


export type MutationReleaseOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveChannelQuotaArgs = {
  channel: Scalars['String']['input'];
  sku: Scalars['ID']['input'];
};


export type MutationResendWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetryParkedEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationScanForExceptionsArgs = {
  now?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationSetChannelQuotaArgs = {
  channel: Scalars['String']['input'];
  maxShare?: InputMaybe<Scalars['Float']['input']>;
  maxUnits?: InputMaybe<Scalars['Int']['input']>;
  sku: Scalars['ID']['input'];
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
  /** Machine-readable codes of the risk rules that fired. */
  riskFlags: Array<Scalars['String']['output']>;
  /** 0 (clean) .. 1 (certain fraud). */
  riskScore: Scalars['Float']['output'];
  /** The parcels this order ships in, oldest first (a channel-scoped caller's channels only); null, with an error naming logistics, when that subgraph is down. */
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
  /** The product's demand forecast for the next `days` days from today (UTC; default 30), at `warehouseId` or, without it, summed over the warehouses that stock it; planned promotions included. Null when never fitted, and for callers scoped to channels (a forecast sums every channel). */
  forecast?: Maybe<ProductForecast>;
  name: Scalars['String']['output'];
  /** Presale stock in every warehouse that holds or promises any, by warehouse code. */
  presaleStock: Array<PresaleStock>;
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

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** All products, across pages. */
  totalCount: Scalars['Int']['output'];
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

export type Query = {
  __typename?: 'Query';
  /** Every client's state, for the gateways' directory. */
  _apiClientPolicies: Array<ApiClientPolicy>;
  /** One status event with its order as it is now (at or after the event). */
  _orderStatusEvent: OrderStatusEvent;
  /** Status events published after `after`, matching the filters. */
  _orderStatusEvents: OrderStatusEventBatch;
  /** Every API client, newest first, disabled ones included. */
  apiClients: Array<ApiClient>;
  /** The audit trail of every service, newest first (at, then id): every mutation, allowed or refused, and every read of real PII values. A caller limited to channels sees the entries of those channels only. */
  auditEvents: AuditEventConnection;
  /** Order KPIs per channel and UTC day for orders placed in [from, to) (at most 366 days), sorted by channel then day; days without orders are absent; a channel-scoped caller gets its channels' rows only. BAD_USER_INPUT when to is not after from. */
  channelKpis: Array<ChannelDayKpi>;
  /** Channel quotas of one SKU, or of every SKU (a channel-scoped caller's channels only); by SKU, then channel. */
  channelQuotas: Array<ChannelQuota>;
  /** Every sales channel the caller sees (a channel-scoped caller: its own), ordered by code. */
  channels: Array<Channel>;
  /** A customer by id; null when there is none, or for a channel-scoped caller when the customer has no account on its channels. */
  customer?: Maybe<Customer>;
  /** The customer behind a channel account; null when there is none or the channel is not the caller's. */
  customerByIdentity?: Maybe<Customer>;
  /** Customers, newest first. `search` matches name, email, phone or a channel identity id. A channel-scoped caller gets only customers with an account on its channels. */
  customers: CustomerConnection;
  /** Intake quality per channel (sorted by code): how many payloads were received, accepted, duplicates or rejected, what was repaired and which fields were wrong. `since`: only intakes received at or after it (default: all). A channel-scoped caller gets its channels' figures only. */
  intakeQuality: Array<ChannelIntakeQuality>;
  /** Alerts of the exception scan, newest first; a channel-scoped caller's channels only. */
  logisticsAlerts: Array<LogisticsAlert>;
  /** An order by id; null when there is none or it is of a channel outside the caller's. */
  order?: Maybe<Order>;
  /** An order by the channel's own order number; null for a channel outside the caller's. */
  orderByExternalId?: Maybe<Order>;
  /** Orders matching the filter, newest first (placedAt, then id). A channel-scoped caller gets its channels' orders only, whatever the filter: a channel outside them gives an empty page. */
  orders: OrderConnection;
  /** Events a consumer of any service gave up on (dead letters), newest first, for operators to look at and retry. Filters are optional; first: 1..200 (default 50). A channel-scoped caller sees only events whose order is of its channels (none without an order). */
  parkedEvents: Array<ParkedEvent>;
  /** A product by SKU; null when there is none. */
  product?: Maybe<Product>;
  /** The catalogue, ordered by SKU. */
  products: ProductConnection;
  /** The newest rejected payloads with their problems, newest first; first: 1..100. A channel-scoped caller: its channels' only. */
  recentRejections: Array<IntakeRejection>;
  /** What to order (or produce), how much and by when, most urgent first. Each stock level the filters match is projected day by day (on hand - reserved + inbound in transit - the forecast with planned promotions' uplift); when the position reaches the reorder point within the horizon, the suggestion orders it up to safety stock + planned demand over lead time + review period. */
  replenishmentSuggestions: Array<ReplenishmentSuggestion>;
  /** replenishmentSuggestions as CSV text (RFC 4180, a header row, CRLF line ends): one row per suggestion, columns named as the fields with the inputs flattened, plus productName and warehouseCode. */
  replenishmentSuggestionsCsv: Scalars['String']['output'];
  /** A shipment by id; null when there is none or it is outside a channel-scoped caller's channels. */
  shipment?: Maybe<Shipment>;
  /** The shipment a carrier knows by this tracking number; null when there is none or it is outside a channel-scoped caller's channels. */
  shipmentByTracking?: Maybe<Shipment>;
  /** Stock alerts, newest first: open ones (the default), closed ones (false), or all (null). */
  stockAlerts: Array<StockAlert>;
  /** Stock levels (of one SKU, or all) that differ from the sum of their movements; empty when the ledger is consistent. */
  stockLedgerCheck: Array<StockLedgerMismatch>;
  /** The caller, as the platform sees its token. */
  viewer: Viewer;
  /** A warehouse by id; null when there is none. */
  warehouse?: Maybe<Warehouse>;
  /** Every warehouse, ordered by code. */
  warehouses: Array<Warehouse>;
  /** One of the caller's own webhooks by id; null when there is none or it is another caller's. */
  webhook?: Maybe<Webhook>;
  /** A delivery of one of the caller's own webhooks by id; null when there is none or it is another caller's. */
  webhookDelivery?: Maybe<WebhookDelivery>;
  /** The caller's own webhooks (those it registered), newest first. */
  webhooks: WebhookConnection;
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


export type QueryParkedEventsArgs = {
  consumer?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  service?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ParkedEventStatus>;
};


export type QueryProductArgs = {
  sku: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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


export type QueryWarehouseArgs = {
  id: Scalars['ID']['input'];
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

/** What one exception scan did. */
export type ScanResult = {
  __typename?: 'ScanResult';
  /** The time the scan judged the shipments at. */
  at: Scalars['DateTime']['output'];
  /** Shipments that became an EXCEPTION in this scan, each with one alert. */
  flagged: Scalars['Int']['output'];
};

/** One parcel of an order, from one warehouse, with one carrier. */
export type Shipment = {
  __typename?: 'Shipment';
  /** Estimated kg CO2e: great-circle km from the warehouse x weight (units x an assumed unit weight) x the carrier mode's factor per tonne-km (ROAD 0.105, EXPRESS 0.25, AIR 0.6). Null when the distance is unknown. */
  carbonKg?: Maybe<Scalars['Float']['output']>;
  carrier: Carrier;
  /** When the shipment was planned. */
  createdAt: Scalars['DateTime']['output'];
  /** The time of the latest DELIVERED scan (never earlier than createdAt); set exactly when one exists. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  estimatedDeliveryAt?: Maybe<Scalars['DateTime']['output']>;
  /** Carrier scans, oldest first. */
  events: Array<TrackingEvent>;
  id: Scalars['ID']['output'];
  /** The order this parcel belongs to (resolved by orders); null, with an error, when orders is down. */
  order?: Maybe<Order>;
  /** The furthest step its tracking events reached, in whatever order they arrived (see ShipmentStatus). */
  status: ShipmentStatus;
  /** The carrier's tracking number; unique per carrier. */
  trackingNumber: Scalars['String']['output'];
  /** The warehouse it ships from (resolved by inventory). */
  warehouse: Warehouse;
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

/** A stock level whose numbers differ from the sum of its movements: onHand should be RECEIVE + ADJUST + RETURN - SHIP, reserved should be RESERVE - RELEASE - SHIP. */
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
  /** Units planned to be demanded here over the next `days` days from today (UTC; default 30): the forecast's points, planned promotions included. Null when never fitted. */
  forecastDemand?: Maybe<Scalars['Float']['output']>;
  /** Units physically in the warehouse. */
  onHand: Scalars['Int']['output'];
  /** Units promised to allocated orders. */
  reserved: Scalars['Int']['output'];
  /** Units kept back from sale as a buffer. */
  safetyStock: Scalars['Int']['output'];
  sku: Scalars['ID']['output'];
  updatedAt: Scalars['DateTime']['output'];
  warehouse: Warehouse;
};


/** Stock of one product in one warehouse. */
export type StockLevelForecastDemandArgs = {
  days?: Scalars['Int']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Order status changes. Filters combine with AND; none given: every order the caller may see. `after`: the last eventId the client saw; events since then are replayed first, then live ones follow. */
  orderStatusChanged: OrderStatusEvent;
};


export type SubscriptionOrderStatusChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
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


export type Customer360Query = { __typename?: 'Query', customer?: { __typename?: 'Customer', id: string, name: string, email?: string | null, phone?: string | null, createdAt: string, identities: Array<{ __typename?: 'ChannelIdentity', channel: string, externalId: string }>, stats?: { __typename?: 'CustomerOrderStats', orderCount: number, firstOrderAt?: string | null, lastOrderAt?: string | null, channels: Array<string>, lifetimeValue: { __typename?: 'Money', amount: string, currency: string }, averageOrderValue: { __typename?: 'Money', amount: string, currency: string } } | null, orders?: { __typename?: 'OrderConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OrderEdge', cursor: string, node: { __typename?: 'Order', id: string, externalId: string, status: OrderStatus, version: number, placedAt: string, channel: { __typename?: 'Channel', code: string, name: string, kind: ChannelKind }, total: { __typename?: 'Money', amount: string, currency: string }, lines: Array<{ __typename?: 'OrderLine', sku: string, quantity: number, unitPrice: { __typename?: 'Money', amount: string, currency: string }, product?: { __typename?: 'Product', sku: string, name: string, available: number } | null }>, allocations?: Array<{ __typename?: 'Allocation', sku: string, quantity: number, warehouse: { __typename?: 'Warehouse', id: string, code: string, name: string } }> | null, shipments?: Array<{ __typename?: 'Shipment', id: string, trackingNumber: string, status: ShipmentStatus, carrier: { __typename?: 'Carrier', code: string, name: string }, warehouse: { __typename?: 'Warehouse', code: string, name: string }, events: Array<{ __typename?: 'TrackingEvent', at: string, status: ShipmentStatus, location?: string | null, description?: string | null }> }> | null } }> } | null, shipments?: Array<{ __typename?: 'Shipment', id: string, status: ShipmentStatus, trackingNumber: string }> | null } | null };

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


export const Customer360Document = {"__meta__":{"hash":"d5726c4c97ef26751c9b5d1f254526a8633f3eebe1ed8ac3dbf2c98904629dbc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customer360"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orders"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageOrderValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orders"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}}]}}]}}]}}]} as unknown as DocumentNode<Customer360Query, Customer360QueryVariables>;
export const CustomersPageDocument = {"__meta__":{"hash":"dd3488bba6ca7bb487ed9cf834be7de265e1630270cc52264224b75cf1b5f4e9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomersPageQuery, CustomersPageQueryVariables>;
export const CustomerIdsPageDocument = {"__meta__":{"hash":"031ca4583a0ce717acce67951bc078297291860b2d12a2a0bd17aeeaf3f961e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerIdsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerIdsPageQuery, CustomerIdsPageQueryVariables>;
export const OrderIdsPageDocument = {"__meta__":{"hash":"c56d8dbfe654b9218ff6ce39029661204aac38f62b53bbf52988ea55044175d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderIdsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderIdsPageQuery, OrderIdsPageQueryVariables>;