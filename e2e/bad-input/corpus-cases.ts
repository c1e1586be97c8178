import { type BadCase, type CorpusIds, dateCases, INT_MAX, intCases, textCases, withValue } from './corpus-values';
import { mutationCases } from './corpus-mutation-cases';

export type { BadCase } from './corpus-values';

/** The corpus: the queries and placeOrder here, the other mutations in corpus-mutation-cases. */
export function corpus(ids: CorpusIds): BadCase[] {
  const cases: BadCase[] = [];
  const add = (...more: BadCase[]) => cases.push(...more);

  // ------------------------------------------------------------ queries
  const ORDER = 'query($id: ID!) { order(id: $id) { id } }';
  add(...textCases('order', ORDER, { id: ids.orderId }, 'id', 'id', true));
  const BY_EXTERNAL = 'query($c: String!, $x: String!) { orderByExternalId(channel: $c, externalId: $x) { id } }';
  add(...textCases('orderByExternalId', BY_EXTERNAL, { c: 'tmall', x: '1' }, 'c', 'channel'));
  add(...textCases('orderByExternalId', BY_EXTERNAL, { c: 'tmall', x: '1' }, 'x', 'externalId', true));
  const ORDERS = `query($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) { totalCount }
  }`;
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
  const CUSTOMER_LISTS = `query($id: ID!, $first: Int, $f: OrderFilter) {
    customer(id: $id) { orders(first: $first, filter: $f) { totalCount } shipments(first: $first) { id } }
  }`;
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
  const CUSTOMERS = `query($first: Int, $after: String, $search: String) {
    customers(first: $first, after: $after, search: $search) { totalCount }
  }`;
  const customers = { first: 5, after: null, search: 'wang' };
  add(...intCases('customers', CUSTOMERS, customers, 'first', 'first', [INT_MAX, -1, 0]));
  add(...textCases('customers', CUSTOMERS, customers, 'search', 'search', true));
  add(...textCases('customers', CUSTOMERS, customers, 'after', 'after'));
  const PRODUCT = 'query($sku: ID!) { product(sku: $sku) { sku } }';
  add(...textCases('product', PRODUCT, { sku: ids.sku }, 'sku', 'sku'));
  const KPIS = `query($from: String!, $to: String!, $c: String) {
    warehouseKpis(from: $from, to: $to, channel: $c) { days }
  }`;
  const kpis = { from: '2026-01-01', to: '2026-01-31', c: null };
  add(...textCases('warehouseKpis', KPIS, kpis, 'from', 'from'));
  add(...textCases('warehouseKpis', KPIS, kpis, 'c', 'channel'));
  add({ label: 'warehouseKpis: to before from', query: KPIS, variables: { ...kpis, to: '2025-12-31' }, field: 'from' });
  add({ label: 'warehouseKpis: 2 years', query: KPIS, variables: { ...kpis, from: '2024-01-01' }, field: 'from' });
  add({ label: 'warehouseKpis: 30 February', query: KPIS, variables: { ...kpis, to: '2026-02-30' }, field: 'to' });
  const PRODUCT_KPI = `query($sku: ID!, $from: String!, $to: String!, $w: ID) {
    product(sku: $sku) { planningKpi(from: $from, to: $to, warehouseId: $w) { days } }
  }`;
  const productKpi = { sku: ids.sku, from: '2026-01-01', to: '2026-01-31', w: null };
  add(...textCases('Product.planningKpi', PRODUCT_KPI, productKpi, 'w', 'warehouseId'));
  add(...textCases('Product.planningKpi', PRODUCT_KPI, productKpi, 'to', 'to'));
  const REPLENISH = `query($w: ID, $sku: ID, $h: Int, $first: Int) {
    replenishmentSuggestionsCsv(warehouseId: $w, sku: $sku, horizonDays: $h, first: $first)
  }`;
  const replenish = { w: ids.warehouseId, sku: ids.sku, h: 30, first: 5 };
  add(...textCases('replenishmentSuggestionsCsv', REPLENISH, replenish, 'w', 'warehouseId'));
  add(...textCases('replenishmentSuggestionsCsv', REPLENISH, replenish, 'sku', 'sku'));
  add(...intCases('replenishmentSuggestionsCsv', REPLENISH, replenish, 'h', 'horizonDays', [INT_MAX, 91, 0]));
  add(...intCases('replenishmentSuggestionsCsv', REPLENISH, replenish, 'first', 'first', [INT_MAX, -1, 0]));
  add({
    label: 'replenishmentSuggestionsCsv: w not a warehouse id',
    query: REPLENISH,
    variables: { ...replenish, w: 'SHA' },
    field: 'warehouseId',
  });
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
    query: `mutation { placeOrder(input: {
      channel: "webstore", externalId: "CORPUS-LIT", currency: "CNY", buyer: { name: "A" },
      lines: [{ sku: "${ids.sku}", quantity: 1, unitPrice: "1.00" }], shippingAddress: { country: "CN" },
      placedAt: "yesterday"
    }) { created } }`,
  });
  add(...mutationCases(ids));
  return cases;
}
