import { channelFixture } from '@supply-graph/shared/testing';

/**
 * The bad-input corpus: for every mutation and argument-taking query of the
 * contract (and the batch import, holds, quotas and webhooks beside it),
 * values past every kind of bound. Each case says which error codes are a
 * correct refusal and, where the refusal names a field, which one.
 */
export interface BadCase {
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Codes the refusal may carry; BAD_USER_INPUT unless stated. */
  codes?: string[];
  /** The field `extensions.problems` (and the message) must name. */
  field?: string;
}

const MB5 = 'x'.repeat(5 * 1024 * 1024);
const LONG = 'y'.repeat(20_000);
const NUL = 'a\u0000b';
const SOH = 'a\u0001b';
const BAD_DATES = ['yesterday', '2026-13-45T00:00:00Z', '0000-01-01T00:00:00Z'];
const INT_MAX = 2_147_483_647;

/** `value` with the property at `path` ("buyer.name", "lines.0.quantity") replaced. */
function withValue(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy;
}

/** Oversized and control-character variants of one text variable. */
function textCases(
  op: string,
  query: string,
  base: Record<string, unknown>,
  path: string,
  field: string,
  huge = false,
): BadCase[] {
  const cases: BadCase[] = [
    { label: `${op}: ${path} of 20,000 characters`, query, variables: withValue(base, path, LONG), field },
    { label: `${op}: ${path} with NUL`, query, variables: withValue(base, path, NUL), field },
    { label: `${op}: ${path} with U+0001`, query, variables: withValue(base, path, SOH), field },
  ];
  if (huge) cases.push({ label: `${op}: ${path} of 5 MB`, query, variables: withValue(base, path, MB5), field });
  return cases;
}

function dateCases(op: string, query: string, base: Record<string, unknown>, path: string): BadCase[] {
  return BAD_DATES.map((date) => ({
    label: `${op}: ${path} "${date}"`,
    query,
    variables: withValue(base, path, date),
  }));
}

function intCases(
  op: string,
  query: string,
  base: Record<string, unknown>,
  path: string,
  field: string,
  values: number[],
): BadCase[] {
  return values.map((value) => ({
    label: `${op}: ${path} ${value}`,
    query,
    variables: withValue(base, path, value),
    field,
  }));
}

/** The corpus; `ids` are rows of the started platform the operations point at. */
export function corpus(ids: { customerId: string; orderId: string; warehouseId: string; sku: string }): BadCase[] {
  const cases: BadCase[] = [];
  const add = (...more: BadCase[]) => cases.push(...more);

  // ------------------------------------------------------------ queries
  const ORDER = 'query($id: ID!) { order(id: $id) { id } }';
  add(...textCases('order', ORDER, { id: ids.orderId }, 'id', 'id', true));
  const BY_EXTERNAL = 'query($c: String!, $x: String!) { orderByExternalId(channel: $c, externalId: $x) { id } }';
  add(...textCases('orderByExternalId', BY_EXTERNAL, { c: 'tmall', x: '1' }, 'c', 'channel'));
  add(...textCases('orderByExternalId', BY_EXTERNAL, { c: 'tmall', x: '1' }, 'x', 'externalId', true));
  const ORDERS =
    'query($first: Int, $after: String, $filter: OrderFilter) { orders(first: $first, after: $after, filter: $filter) { totalCount } }';
  const orders = { first: 5, after: null, filter: { channel: 'tmall' } };
  add(...intCases('orders', ORDERS, orders, 'first', 'first', [INT_MAX, -1, 0]));
  add(...textCases('orders', ORDERS, orders, 'after', 'after'));
  add(...textCases('orders', ORDERS, orders, 'filter.channel', 'filter.channel'));
  add(...textCases('orders', ORDERS, orders, 'filter.customerId', 'filter.customerId'));
  add({
    label: 'orders: filter.status with 10,000 entries',
    query: ORDERS,
    variables: withValue(orders, 'filter.status', Array(10_000).fill('PENDING')),
    field: 'filter.status',
  });
  add(...dateCases('orders', ORDERS, orders, 'filter.placedAfter'));
  const CUSTOMER = 'query($id: ID!) { customer(id: $id) { id } }';
  add(...textCases('customer', CUSTOMER, { id: ids.customerId }, 'id', 'id'));
  const CUSTOMER_LISTS =
    'query($id: ID!, $first: Int, $f: OrderFilter) { customer(id: $id) { orders(first: $first, filter: $f) { totalCount } shipments(first: $first) { id } } }';
  add(
    ...intCases('Customer.orders/shipments', CUSTOMER_LISTS, { id: ids.customerId, first: 5 }, 'first', 'first', [
      INT_MAX,
      -1,
      0,
    ]),
  );
  add(
    ...textCases(
      'Customer.orders',
      CUSTOMER_LISTS,
      { id: ids.customerId, first: 5, f: { channel: 'jd' } },
      'f.channel',
      'filter.channel',
    ),
  );
  const BY_IDENTITY = 'query($c: String!, $x: String!) { customerByIdentity(channel: $c, externalId: $x) { id } }';
  add(...textCases('customerByIdentity', BY_IDENTITY, { c: 'tmall', x: 'tb1' }, 'c', 'channel'));
  add(...textCases('customerByIdentity', BY_IDENTITY, { c: 'tmall', x: 'tb1' }, 'x', 'externalId'));
  const CUSTOMERS =
    'query($first: Int, $after: String, $search: String) { customers(first: $first, after: $after, search: $search) { totalCount } }';
  const customers = { first: 5, after: null, search: 'wang' };
  add(...intCases('customers', CUSTOMERS, customers, 'first', 'first', [INT_MAX, -1, 0]));
  add(...textCases('customers', CUSTOMERS, customers, 'search', 'search', true));
  add(...textCases('customers', CUSTOMERS, customers, 'after', 'after'));
  const PRODUCT = 'query($sku: ID!) { product(sku: $sku) { sku } }';
  add(...textCases('product', PRODUCT, { sku: ids.sku }, 'sku', 'sku'));
  const SHIPMENT = 'query($id: ID!) { shipment(id: $id) { id } }';
  add(...textCases('shipment', SHIPMENT, { id: ids.orderId }, 'id', 'id'));
  const BY_TRACKING = 'query($c: String!, $t: String!) { shipmentByTracking(carrier: $c, trackingNumber: $t) { id } }';
  add(...textCases('shipmentByTracking', BY_TRACKING, { c: 'sf', t: 'SF1' }, 'c', 'carrier'));
  add(...textCases('shipmentByTracking', BY_TRACKING, { c: 'sf', t: 'SF1' }, 't', 'trackingNumber'));

  // ------------------------------------------------------------ placeOrder
  const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id } } }';
  const order = {
    input: {
      channel: 'webstore',
      externalId: 'CORPUS-1',
      buyer: { name: 'Corpus Buyer', email: 'corpus@example.com', phone: null },
      currency: 'CNY',
      lines: [{ sku: ids.sku, quantity: 1, unitPrice: '9.90' }],
      shippingAddress: {
        country: 'CN',
        city: 'Hangzhou',
        line1: 'West Lake Road 1',
        name: 'Corpus Buyer',
        phone: null,
        province: null,
        postalCode: null,
      },
    },
  };
  add(...textCases('placeOrder', PLACE, order, 'input.buyer.name', 'buyer.name', true));
  for (const path of [
    'channel',
    'externalId',
    'currency',
    'buyer.email',
    'buyer.phone',
    'shippingAddress.name',
    'shippingAddress.country',
    'shippingAddress.province',
    'shippingAddress.city',
    'shippingAddress.line1',
    'shippingAddress.postalCode',
    'lines.0.sku',
    'lines.0.unitPrice',
  ]) {
    add(...textCases('placeOrder', PLACE, order, `input.${path}`, path.replace(/\.(\d+)\./, '[$1].')));
  }
  add({
    label: 'placeOrder: 10,000 lines',
    query: PLACE,
    field: 'lines',
    variables: withValue(
      order,
      'input.lines',
      Array.from({ length: 10_000 }, () => ({ sku: ids.sku, quantity: 1, unitPrice: '1.00' })),
    ),
  });
  add(
    ...intCases('placeOrder', PLACE, order, 'input.lines.0.quantity', 'lines[0].quantity', [INT_MAX, -1, 0, 100_001]),
  );
  add({
    label: 'placeOrder: 2^31-1 and 1 units of one SKU on two lines',
    query: PLACE,
    field: 'lines[0].quantity',
    variables: withValue(order, 'input.lines', [
      { sku: ids.sku, quantity: INT_MAX, unitPrice: '0' },
      { sku: ids.sku, quantity: 1, unitPrice: '0' },
    ]),
  });
  add({
    label: 'placeOrder: 60,000 + 60,000 units of one SKU (each line within its bound)',
    query: PLACE,
    field: 'lines',
    variables: withValue(order, 'input.lines', [
      { sku: ids.sku, quantity: 60_000, unitPrice: '1.00' },
      { sku: ids.sku, quantity: 60_000, unitPrice: '1.00' },
    ]),
  });
  for (const price of ['1e308', 'NaN', 'Infinity', '-0.01', '0x10', '99999999999999999999999999.99', '10000000.01']) {
    add({
      label: `placeOrder: unitPrice "${price}"`,
      query: PLACE,
      variables: withValue(order, 'input.lines.0.unitPrice', price),
      field: 'lines[0].unitPrice',
    });
  }
  add({
    label: 'placeOrder: 100,000 x 9,999,999.99 (line total past the order maximum)',
    query: PLACE,
    field: 'lines[0]',
    variables: withValue(order, 'input.lines', [{ sku: ids.sku, quantity: 100_000, unitPrice: '9999999.99' }]),
  });
  add(...dateCases('placeOrder', PLACE, order, 'input.placedAt'));
  add({
    label: 'placeOrder: placedAt "yesterday" as a literal',
    query: `mutation { placeOrder(input: { channel: "webstore", externalId: "CORPUS-LIT", currency: "CNY", buyer: { name: "A" },
      lines: [{ sku: "${ids.sku}", quantity: 1, unitPrice: "1.00" }], shippingAddress: { country: "CN" }, placedAt: "yesterday" }) { created } }`,
  });

  // ------------------------------------------------------------ channel payloads
  const IMPORT =
    'mutation($channel: String!, $payload: JSON!) { importChannelOrder(channel: $channel, payload: $payload) { created } }';
  const trade = JSON.parse(channelFixture('tmall-trade.json'));
  trade.trade.tid = 'CORPUS-TMALL-1';
  add(...textCases('importChannelOrder', IMPORT, { channel: 'tmall', payload: trade }, 'channel', 'channel'));
  add({
    label: 'importChannelOrder: payload nested 20 deep',
    query: IMPORT,
    variables: { channel: 'tmall', payload: nest(20) },
    field: 'payload',
  });
  add({
    label: 'importChannelOrder: payload of 300 KB',
    query: IMPORT,
    variables: { channel: 'tmall', payload: { trade: { tid: 'x', memo: 'z'.repeat(300_000) } } },
    field: 'payload',
  });
  add({
    label: 'importChannelOrder: POS receipt of 5 MB',
    query: IMPORT,
    variables: { channel: 'pos', payload: MB5 },
    field: 'payload',
  });
  add({
    label: 'importChannelOrder: Tmall receiver name of 1,000 characters',
    query: IMPORT,
    variables: { channel: 'tmall', payload: withValue(trade, 'trade.receiver_name', 'n'.repeat(1_000)) },
    field: 'buyer.name',
  });
  add({
    label: 'importChannelOrder: Tmall receiver name with NUL',
    query: IMPORT,
    variables: { channel: 'tmall', payload: withValue(trade, 'trade.receiver_name', NUL) },
    field: 'buyer.name',
  });
  const sameSku = structuredClone(trade);
  const [first] = sameSku.trade.orders.order;
  sameSku.trade.orders.order = [
    { ...first, num: INT_MAX, price: '0.00', total_fee: '0.00', payment: '0.00' },
    { ...first, num: 1, price: '0.00', total_fee: '0.00', payment: '0.00' },
  ];
  add({
    label: 'importChannelOrder: Tmall lines of 2^31-1 and 1 units of one SKU',
    query: IMPORT,
    variables: { channel: 'tmall', payload: sameSku },
  });
  const BATCH =
    'mutation($channel: String!, $payloads: [JSON!]!) { importChannelOrders(channel: $channel, payloads: $payloads) { index created } }';
  add({
    label: 'importChannelOrders: 10,000 payloads',
    query: BATCH,
    variables: { channel: 'tmall', payloads: Array(10_000).fill({}) },
    field: 'payloads',
  });
  add({
    label: 'importChannelOrders: one payload nested 20 deep',
    query: BATCH,
    variables: { channel: 'tmall', payloads: [trade, nest(20)] },
    field: 'payloads[1]',
  });

  // ------------------------------------------------------------ other mutations
  const CANCEL = 'mutation($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id } }';
  add(...textCases('cancelOrder', CANCEL, { id: ids.orderId, reason: 'corpus' }, 'id', 'id'));
  add(...textCases('cancelOrder', CANCEL, { id: ids.orderId, reason: 'corpus' }, 'reason', 'reason', true));
  const HOLD = 'mutation($id: ID!, $reason: String!) { holdOrder(id: $id, reason: $reason) { id } }';
  add(...textCases('holdOrder', HOLD, { id: ids.orderId, reason: 'corpus' }, 'reason', 'reason'));
  const ADJUST =
    'mutation($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) { adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand } }';
  const adjust = { sku: ids.sku, w: ids.warehouseId, delta: 1, reason: 'corpus' };
  add(...textCases('adjustStock', ADJUST, adjust, 'sku', 'sku'));
  add(...textCases('adjustStock', ADJUST, adjust, 'w', 'warehouseId'));
  add(...textCases('adjustStock', ADJUST, adjust, 'reason', 'reason', true));
  add(...intCases('adjustStock', ADJUST, adjust, 'delta', 'delta', [INT_MAX, -INT_MAX - 1, 1_000_001]));
  const PRESALE =
    'mutation($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) { adjustPresaleStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { sku } }';
  add(...intCases('adjustPresaleStock', PRESALE, adjust, 'delta', 'delta', [INT_MAX]));
  const QUOTA =
    'mutation($c: String!, $sku: ID!, $u: Int, $s: Float) { setChannelQuota(channel: $c, sku: $sku, maxUnits: $u, maxShare: $s) { channel } }';
  add(
    ...intCases('setChannelQuota', QUOTA, { c: 'tmall', sku: ids.sku, u: null, s: null }, 'u', 'maxUnits', [
      INT_MAX,
      -1,
    ]),
  );
  add({
    label: 'setChannelQuota: maxShare 1e308',
    query: QUOTA,
    variables: { c: 'tmall', sku: ids.sku, u: null, s: 1e308 },
    field: 'maxShare',
  });
  add(...textCases('setChannelQuota', QUOTA, { c: 'tmall', sku: ids.sku, u: 5, s: null }, 'c', 'channel'));
  const TRACK = 'mutation($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id } }';
  const scan = {
    input: {
      carrier: 'sf',
      trackingNumber: 'SF1',
      status: 'IN_TRANSIT',
      at: '2026-01-01T00:00:00Z',
      location: 'Hangzhou',
      description: 'scan',
    },
  };
  for (const path of ['carrier', 'trackingNumber', 'location', 'description'])
    add(...textCases('recordTrackingEvent', TRACK, scan, `input.${path}`, path, path === 'description'));
  add(...dateCases('recordTrackingEvent', TRACK, scan, 'input.at'));
  const WEBHOOK = 'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }';
  const webhook = {
    input: {
      url: 'https://partner.example.com/hook',
      secret: 'at-least-16-characters',
      query: 'subscription { orderStatusChanged { eventId } }',
    },
  };
  add(...textCases('registerWebhook', WEBHOOK, webhook, 'input.query', 'query', true));
  add({
    label: 'registerWebhook: variables nested 20 deep',
    query: WEBHOOK,
    variables: withValue(webhook, 'input.variables', nest(20)),
    field: 'variables',
  });
  return cases;
}

/** `{"a":{"a":...1}}`, `depth` objects deep. */
export function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}
