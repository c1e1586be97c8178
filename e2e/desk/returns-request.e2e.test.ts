import { channelFixture } from '@supply-graph/shared/testing';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { apiClientAuthorization } from '../support/api-clients';
import { PLACE_ORDER, shanghaiOrder } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { REQUEST_RETURN as REQUEST, returnsDriver } from './returns-support';

const ORDER = graphql(`
  query ReturnsOrder($id: ID!) {
    order(id: $id) {
      status returnState lines { sku quantity returnedQuantity }
    }
  }
`);
const AUTHORISE = graphql(`
  mutation ReturnsAuthorise($id: ID!) { authoriseReturn(id: $id) { id status authorisedAt } }
`);
const LIST = graphql(`
  query ReturnsList($filter: ReturnFilter) {
    returns(first: 10, filter: $filter) { totalCount edges { node { id status reason order { id returnState } } } }
  }
`);
const ONE = graphql(`
  query ReturnsOne($id: ID!) { return(id: $id) { id status } }
`);
const KPIS = graphql(`
  query ReturnsKpis($from: DateTime!, $to: DateTime!, $channel: String) {
    returnKpis(from: $from, to: $to, channel: $channel) {
      unitsSold unitsReturned returnRate byReason { key unitsReturned }
    }
  }
`);
const AUDIT = graphql(`
  query ReturnsAudit($filter: AuditFilter) {
    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }
  }
`);
const IMPORT = graphql(`
  mutation ReturnsImport($channel: String!, $payload: JSON!) {
    importChannelReturn(channel: $channel, payload: $payload) { created return { id status source externalId } }
  }
`);

describePlatformSuite('returns: a buyer asks to send goods back', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const { deliver } = returnsDriver({ ask });
  const startedAt = new Date();
  let orderId = '';
  let returnId = '';
  const partner = { authorization: '' };

  beforeAll(async () => {
    const scopes = ['orders:read', 'orders:write'];
    const client = { name: 'Tmall returns connector', scopes, channels: ['tmall'] };
    partner.authorization = (await apiClientAuthorization(platform.gatewayUrl, client)).authorization;
  });

  it('a delivered order: part of it is authorised at once, and inventory is told to route it', async () => {
    const [level] = await db.rows<{ sku: string }>(
      `SELECT s.sku FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE w.code = 'SHA' AND s.on_hand - s.reserved - s.safety_stock >= 3 ORDER BY s.sku LIMIT 1`,
    );
    const buyer = { name: 'Zhou Min', email: 'zhou.min+returns@example.com' };
    const input = shanghaiOrder(
      `WS-RET-${Date.now()}`,
      buyer,
      [{ sku: level.sku, quantity: 3, unitPrice: '40.00' }],
      'No. 9 Julu Road',
    );
    const placed = await ask(PLACE_ORDER, { input });
    expect(placed.errors).toBeUndefined();
    orderId = placed.data!.placeOrder.order!.id;
    await deliver(orderId);

    const requested = await ask(REQUEST, {
      input: { orderId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'SIZE_FIT' },
    });
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestReturn).toMatchObject({
      status: 'AUTHORISED',
      lines: [{ lineNo: 1, sku: level.sku, quantity: 1 }],
    });
    returnId = requested.data!.requestReturn.id;
    const [authorised] = await db.rows<{ payload: { orderId: string; lines: unknown[]; shippedFrom: string[] } }>(
      "SELECT payload FROM orders.outbox WHERE type = 'return.authorised' AND aggregate_id = $1",
      [returnId],
    );
    expect(authorised.payload).toMatchObject({ orderId, lines: [{ lineNo: 1, sku: level.sku, quantity: 1 }] });
    expect(authorised.payload.shippedFrom).toHaveLength(1);
    const listed = await ask(LIST, { filter: { orderId } });
    expect(listed.data!.returns).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            id: returnId,
            status: 'AUTHORISED',
            reason: 'SIZE_FIT',
            order: { id: orderId, returnState: 'PARTIAL' },
          },
        },
      ],
    });
    const order = (await ask(ORDER, { id: orderId })).data!.order!;
    // The order's status stays DELIVERED: RETURNED would make inventory restock the whole order.
    expect(order).toMatchObject({
      status: 'DELIVERED',
      returnState: 'PARTIAL',
      lines: [{ quantity: 3, returnedQuantity: 1 }],
    });
  });

  it('more units than are left is BAD_USER_INPUT naming the problem', async () => {
    const over = await ask(REQUEST, { input: { orderId, lines: [{ lineNo: 1, quantity: 3 }], reason: 'DEFECTIVE' } });
    expect(over.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0].extensions?.problems).toEqual([
      { field: 'input.lines[0].quantity', message: expect.stringContaining('only 2 can still be returned') },
    ]);
  });

  it("a Tmall partner neither sees nor asks for a webstore order's return", async () => {
    expect((await ask(ONE, { id: returnId }, partner)).data!.return).toBeNull();
    expect((await ask(LIST, { filter: { orderId } }, partner)).data!.returns.totalCount).toBe(0);
    const refused = await ask(
      REQUEST,
      { input: { orderId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'DAMAGED' } },
      partner,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Every request is in the audit trail: the allowed one names the return, a refused one the order.
    const trail = await eventually(async () => {
      const edges = (await ask(AUDIT, { filter: { action: 'requestReturn' } })).data?.auditEvents.edges ?? [];
      return edges.some((e) => e.node.outcome === 'FORBIDDEN') ? edges.map((e) => e.node) : undefined;
    }, 'the audit entries of requestReturn');
    expect(trail).toEqual(
      expect.arrayContaining([
        { action: 'requestReturn', target: `Return:${returnId}`, channel: 'webstore', outcome: 'ok' },
        { action: 'requestReturn', target: `Order:${orderId}`, channel: null, outcome: 'BAD_USER_INPUT' },
        { action: 'requestReturn', target: `Order:${orderId}`, channel: null, outcome: 'FORBIDDEN' },
      ]),
    );
  });

  it('a change of mind long after delivery waits for an operator, who authorises it', async () => {
    const [old] = await db.rows<{ id: string }>(
      `SELECT o.id FROM orders.sales_order o
        WHERE o.status = 'DELIVERED' AND o.channel_code = 'webstore' AND NOT EXISTS (
          SELECT 1 FROM orders.order_status_change c
           WHERE c.order_id = o.id AND c.to_status = 'DELIVERED' AND c.at > now() - interval '40 days')
        ORDER BY o.placed_at LIMIT 1`,
    );
    const late = await ask(REQUEST, {
      input: { orderId: old.id, lines: [{ lineNo: 1, quantity: 1 }], reason: 'CHANGED_MIND' },
    });
    expect(late.errors).toBeUndefined();
    expect(late.data!.requestReturn.status).toBe('REQUESTED');
    const alerts = await db.rows<{ kind: string }>(
      "SELECT payload->>'kind' AS kind FROM orders.outbox WHERE type = 'alert.raised' AND payload->'subject'->>'id' = $1",
      [late.data!.requestReturn.id],
    );
    expect(alerts).toEqual([{ kind: 'RETURN_REVIEW' }]);
    const authorised = await ask(AUTHORISE, { id: late.data!.requestReturn.id });
    expect(authorised.data!.authoriseReturn.status).toBe('AUTHORISED');
  });

  it('the return rate of the orders placed during the suite', async () => {
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const kpis = await ask(KPIS, { from: startedAt.toISOString(), to, channel: 'webstore' });
    expect(kpis.data!.returnKpis).toEqual({
      unitsSold: 3,
      unitsReturned: 1,
      returnRate: 1 / 3,
      byReason: [{ key: 'SIZE_FIT', unitsReturned: 1 }],
    });
  });

  it("imports the channel's refund once: a repeat answers the same return", async () => {
    const [tmall] = await db.rows<{ external_id: string; sku: string }>(
      `SELECT o.external_id, l.sku FROM orders.sales_order o JOIN orders.order_line l ON l.order_id = o.id
        WHERE o.channel_code = 'tmall' AND o.status = 'DELIVERED' ORDER BY o.placed_at DESC, l.line_no LIMIT 1`,
    );
    const payload = JSON.parse(channelFixture('tmall-refund.json'));
    Object.assign(payload.refund_get_response.refund, { tid: tmall.external_id, outer_sku_id: tmall.sku });
    const first = await ask(IMPORT, { channel: 'tmall', payload }, partner);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importChannelReturn).toMatchObject({
      created: true,
      return: { status: 'AUTHORISED', source: 'tmall', externalId: '148820394756120938' },
    });
    const again = await ask(IMPORT, { channel: 'tmall', payload }, partner);
    expect(again.data!.importChannelReturn).toEqual({ ...first.data!.importChannelReturn, created: false });
  });
});
