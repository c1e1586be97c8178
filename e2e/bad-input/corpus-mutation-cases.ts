import { channelFixture } from '@supply-graph/shared/testing';
import {
  type BadCase,
  type CorpusIds,
  dateCases,
  INT_MAX,
  intCases,
  MB5,
  NUL,
  nest,
  textCases,
  withValue,
} from './corpus-values';

/** The channel imports and every other mutation beside placeOrder, past their bounds. */
export function mutationCases(ids: CorpusIds): BadCase[] {
  const cases: BadCase[] = [];
  const add = (...more: BadCase[]) => cases.push(...more);

  // ------------------------------------------------------------ channel payloads
  const IMPORT = `mutation($channel: String!, $payload: JSON!) {
    importChannelOrder(channel: $channel, payload: $payload) { created }
  }`;
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
  const BATCH = `mutation($channel: String!, $payloads: [JSON!]!) {
    importChannelOrders(channel: $channel, payloads: $payloads) { index created }
  }`;
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
  const ADJUST = `mutation($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { onHand }
  }`;
  const adjust = { sku: ids.sku, w: ids.warehouseId, delta: 1, reason: 'corpus' };
  add(...textCases('adjustStock', ADJUST, adjust, 'sku', 'sku'));
  add(...textCases('adjustStock', ADJUST, adjust, 'w', 'warehouseId'));
  add(...textCases('adjustStock', ADJUST, adjust, 'reason', 'reason', true));
  add(...intCases('adjustStock', ADJUST, adjust, 'delta', 'delta', [INT_MAX, -INT_MAX - 1, 1_000_001]));
  const PRESALE = `mutation($sku: ID!, $w: ID!, $delta: Int!, $reason: String!) {
    adjustPresaleStock(sku: $sku, warehouseId: $w, delta: $delta, reason: $reason) { sku }
  }`;
  add(...intCases('adjustPresaleStock', PRESALE, adjust, 'delta', 'delta', [INT_MAX]));
  const TRANSFER = 'mutation($input: TransferStockInput!) { transferStock(input: $input) { id } }';
  const transfer = {
    input: {
      sku: ids.sku,
      fromWarehouseId: ids.warehouseId,
      toWarehouseId: ids.warehouseId,
      quantity: 1,
      reason: 'corpus',
    },
  };
  add(...textCases('transferStock', TRANSFER, transfer, 'input.sku', 'sku'));
  add(...textCases('transferStock', TRANSFER, transfer, 'input.reason', 'reason', true));
  add(...intCases('transferStock', TRANSFER, transfer, 'input.quantity', 'quantity', [INT_MAX, 0, 1_000_001]));
  const RECEIVE = 'mutation($id: ID!, $q: Int) { receiveTransfer(id: $id, quantity: $q) { id } }';
  const receive = { id: '00000000-0000-4000-8000-000000000000', q: 1 };
  add(...textCases('receiveTransfer', RECEIVE, receive, 'id', 'id'));
  add(...intCases('receiveTransfer', RECEIVE, receive, 'q', 'quantity', [INT_MAX, 0]));
  const QUOTA = `mutation($c: String!, $sku: ID!, $u: Int, $s: Float) {
    setChannelQuota(channel: $c, sku: $sku, maxUnits: $u, maxShare: $s) { channel }
  }`;
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
  const POLICY = `mutation($w: ID!, $sku: ID, $lead: Int, $review: Int, $level: Float) {
    setPlanningPolicy(warehouseId: $w, sku: $sku, leadTimeDays: $lead, reviewDays: $review, serviceLevel: $level) {
      policy { sku } }
  }`;
  const policy = { w: ids.warehouseId, sku: ids.sku, lead: 7, review: 7, level: 0.95 };
  add(...textCases('setPlanningPolicy', POLICY, policy, 'w', 'warehouseId'));
  add(...textCases('setPlanningPolicy', POLICY, policy, 'sku', 'sku'));
  add(...intCases('setPlanningPolicy', POLICY, policy, 'lead', 'leadTimeDays', [INT_MAX, 0, 366]));
  add(...intCases('setPlanningPolicy', POLICY, policy, 'review', 'reviewDays', [-1]));
  add({
    label: 'setPlanningPolicy: serviceLevel 1e308',
    query: POLICY,
    variables: { ...policy, level: 1e308 },
    field: 'serviceLevel',
  });
  add({
    label: 'setPlanningPolicy: serviceLevel 1',
    query: POLICY,
    variables: { ...policy, level: 1 },
    field: 'serviceLevel',
  });
  const RECOMPUTE = 'mutation($skus: [ID!]!) { recomputeSafetyStock(skus: $skus) { sku } }';
  add(...textCases('recomputeSafetyStock', RECOMPUTE, { skus: [ids.sku] }, 'skus.0', 'skus[0]'));
  add({
    label: 'recomputeSafetyStock: 101 SKUs',
    query: RECOMPUTE,
    variables: { skus: Array.from({ length: 101 }, () => ids.sku) },
    field: 'skus',
  });
  const PRIORITY = 'mutation($c: String!, $p: Int!) { setChannelPriority(channel: $c, priority: $p) { channel } }';
  add(...intCases('setChannelPriority', PRIORITY, { c: 'tmall', p: 1 }, 'p', 'priority', [INT_MAX, 1_001, -1_001]));
  add(...textCases('setChannelPriority', PRIORITY, { c: 'tmall', p: 1 }, 'c', 'channel'));
  const UNRANK = 'mutation($c: String!) { removeChannelPriority(channel: $c) }';
  add(...textCases('removeChannelPriority', UNRANK, { c: 'tmall' }, 'c', 'channel'));
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
