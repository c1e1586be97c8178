/**
 * The bounds every client input is held to, in one place. Each one is listed in
 * the schema description of the argument or input field it applies to; a value
 * past its bound is BAD_USER_INPUT naming the field, and nothing is stored.
 *
 * Lengths count UTF-16 code units (what JavaScript's `length` says; a CJK
 * character is one, an emoji two). They are generous for real data and small
 * enough that no single value can make a row, an index entry or a log line
 * costly.
 */
export const TextLimits = {
  /** UUIDs and other opaque ids (order, customer, shipment, webhook, warehouse). */
  id: 64,
  /** Short codes: channel, carrier, warehouse code, currency, country. */
  code: 32,
  /** A SKU. */
  sku: 64,
  /** Identifiers channels and carriers assign: order numbers, buyer ids, tracking numbers. */
  externalId: 128,
  /** Person names (buyer, recipient). */
  name: 200,
  /** RFC 5321's longest forward path. */
  email: 254,
  /** Phone numbers as typed, with spaces and separators. */
  phone: 32,
  /** Province, city. */
  region: 100,
  /** Everything below the city (district, street, building) in one line. */
  addressLine: 500,
  postalCode: 20,
  /** Operator reasons (hold, release, cancel, stock adjustments). */
  reason: 500,
  /** Free text from carriers: scan location and description. */
  note: 1_000,
  /** A customer search. */
  search: 100,
  /** A pagination cursor, as issued by a list (the longest ones are about 120). */
  cursor: 256,
  /** A decimal amount as text, e.g. "129.90". */
  amount: 32,
  /** A URL (webhooks). */
  url: 2_048,
  /** A webhook's subscription document. */
  document: 10_000,
  /** A webhook secret. */
  secret: 512,
  /** A GraphQL operation name. */
  operationName: 100,
} as const;

/** Inclusive ranges of whole numbers. */
export const IntLimits = {
  /** Units of one order line, and of one SKU over all lines of an order. */
  quantity: { min: 1, max: 100_000 },
  /** One stock correction (`adjustStock`, `adjustPresaleStock`), either sign; 0 is refused by the services. */
  stockDelta: { min: -1_000_000, max: 1_000_000 },
  /** On-hand units a stock level may reach through corrections (the column is a 32-bit integer). */
  onHand: { min: 0, max: 1_000_000_000 },
  /** A channel quota in units. */
  quotaUnits: { min: 0, max: 1_000_000_000 },
  /** `first` of every list. */
  pageSize: { min: 1, max: 100 },
  /** `first` of the gateway's internal event feed. */
  eventBatch: { min: 1, max: 1_000 },
} as const;

/** Money, in minor units (cents, fen), whatever the currency. */
export const MoneyLimits = {
  /** The highest unit price: 10,000,000.00. */
  unitPriceMinor: 1_000_000_000,
  /** The highest line total (quantity x unit price) and order total: 1,000,000,000.00 (the columns hold 14 digits). */
  orderTotalMinor: 100_000_000_000,
} as const;

/** Sizes of lists. */
export const ListLimits = {
  /** Lines of one order. */
  orderLines: 200,
  /** Payloads of one `importChannelOrders` call. */
  batchPayloads: 500,
  /** Statuses in one filter (there are eight; repeats are pointless). */
  statusFilter: 20,
  /** Entity representations in one `_entities` call from the gateway. */
  representations: 10_000,
} as const;

/** Raw JSON a client sends: channel payloads, webhook variables. */
export const JsonLimits = {
  /** Serialized size of one channel payload (a POS receipt's CSV text included). */
  payloadBytes: 256 * 1024,
  /** Nesting of one channel payload: objects and lists inside each other. */
  payloadDepth: 16,
  /** Serialized size of webhook variables. */
  variablesBytes: 16 * 1024,
} as const;

/** The whole HTTP request, before any GraphQL work (gateway and subgraphs alike). */
export const RequestLimits = {
  /** A request body past this is refused with HTTP 413, REQUEST_TOO_LARGE. */
  bodyBytes: 10 * 1024 * 1024,
  /** JSON nested deeper than this anywhere in the body is refused with HTTP 400, BAD_USER_INPUT. */
  jsonDepth: 32,
} as const;

/** Instants a `DateTime` may name: from 1970 up to (not including) 2100. */
export const DateLimits = {
  earliest: new Date(Date.UTC(1970, 0, 1)),
  latest: new Date(Date.UTC(2100, 0, 1)),
} as const;
