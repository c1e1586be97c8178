import { randomUUID } from 'node:crypto';
import { SCOPES } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { AuditFilter, PlaceOrderInput } from '../generated/suites/graphql';
import { mintToken } from '../support/auth';
import { PLACE_ORDER } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const ADJUST = graphql(`
  mutation AuditAdjust($sku: ID!, $w: ID!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: 3, reason: "audit e2e count") { onHand }
  }
`);
const CANCEL = graphql(`mutation AuditCancel($id: ID!) { cancelOrder(id: $id) { id } }`);
const AUDIT = graphql(`
  query Audit($first: Int, $after: String, $filter: AuditFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      edges { cursor node { id at actor action target channel requestId outcome } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const code = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.code;

describePlatformSuite('audit trail through the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 20, orders: 30 });
  let staff: Record<string, string>;
  let clerk: Record<string, string>;
  let sku: string;
  let warehouseId: string;
  let placedId: string;

  /** A page of the trail, read by the audit staff member. */
  const page = (filter: AuditFilter, after?: string | null) => ask(AUDIT, { filter, first: 1, after }, staff);
  /**
   * The entries of one actor, newest first, once there are `count` of them
   * (each service's events reach orders' trail through the bus).
   */
  const entriesOf = (actor: string, count: number) =>
    eventually(async () => {
      const answer = await ask(AUDIT, { filter: { actor }, first: 100 });
      const entries = answer.data?.auditEvents.edges.map((e) => e.node) ?? [];
      return entries.length >= count ? entries : undefined;
    }, `${count} audit entries of ${actor}`);

  const order = (extra: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
    channel: 'webstore',
    externalId: `AUDIT-E2E-${randomUUID()}`,
    buyer: { name: 'Zhou Min', email: 'zhou.min@example.com' },
    currency: 'CNY',
    lines: [{ sku, quantity: 1, unitPrice: '19.90' }],
    shippingAddress: { country: 'CN', province: 'Shanghai', city: 'Shanghai', line1: 'No. 1 Nanjing Road' },
    ...extra,
  });

  beforeAll(async () => {
    const bearer = async (sub: string, scopes: readonly string[]) => ({
      authorization: `Bearer ${await mintToken(platform.gateway, { sub, scopes })}`,
    });
    staff = await bearer('audit-staff', SCOPES);
    clerk = await bearer('audit-clerk', ['orders:read', 'inventory:read']);
    [{ sku, warehouse_id: warehouseId }] = await db.rows<{ sku: string; warehouse_id: string }>(
      'SELECT sku, warehouse_id FROM inventory.stock_level ORDER BY sku, warehouse_id LIMIT 1',
    );
    // The staff member: a placement, its repeat, a stock count, bad input, an unknown order.
    const input = order();
    const placed = await ask(PLACE_ORDER, { input }, staff);
    expect(placed.data?.placeOrder.created).toBe(true);
    placedId = placed.data!.placeOrder.order!.id;
    expect((await ask(PLACE_ORDER, { input }, staff)).data?.placeOrder.created).toBe(false);
    expect((await ask(ADJUST, { sku, w: warehouseId }, staff)).errors).toBeUndefined();
    const unknownSku = order({ lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: '1.00' }] });
    expect(code(await ask(PLACE_ORDER, { input: unknownSku }, staff))).toBe('BAD_USER_INPUT');
    expect(code(await ask(CANCEL, { id: randomUUID() }, staff))).toBe('NOT_FOUND');
    // The clerk: two mutations its token does not open, and the trail itself.
    expect(code(await ask(PLACE_ORDER, { input: order() }, clerk))).toBe('FORBIDDEN');
    expect(code(await ask(ADJUST, { sku, w: warehouseId }, clerk))).toBe('FORBIDDEN');
    expect(code(await ask(AUDIT, {}, clerk))).toBe('FORBIDDEN');
  });

  it('records every mutation of every service, allowed or refused, once, newest first', async () => {
    const entries = await entriesOf('audit-staff', 5);
    expect(entries.map(({ action, target, channel, outcome }) => ({ action, target, channel, outcome }))).toEqual([
      { action: 'cancelOrder', target: expect.stringMatching(/^Order:/), channel: null, outcome: 'NOT_FOUND' },
      { action: 'placeOrder', target: null, channel: 'webstore', outcome: 'BAD_USER_INPUT' },
      { action: 'adjustStock', target: `Product:${sku}`, channel: null, outcome: 'ok' },
      { action: 'placeOrder', target: `Order:${placedId}`, channel: 'webstore', outcome: 'ok' },
      { action: 'placeOrder', target: `Order:${placedId}`, channel: 'webstore', outcome: 'ok' },
    ]);
    // One gateway request id per call.
    expect(new Set(entries.map((e) => e.requestId)).size).toBe(5);
  });

  it('records refusals for missing scopes with the caller and what it was after, and no entry for reads', async () => {
    const entries = await entriesOf('audit-clerk', 2);
    expect(entries.map(({ action, target, channel, outcome }) => ({ action, target, channel, outcome }))).toEqual([
      { action: 'adjustStock', target: `Product:${sku}`, channel: null, outcome: 'FORBIDDEN' },
      { action: 'placeOrder', target: null, channel: 'webstore', outcome: 'FORBIDDEN' },
    ]);
  });

  it('pages the trail with cursors, filtered by target', async () => {
    await entriesOf('audit-staff', 5);
    const target = `Order:${placedId}`;
    const first = await page({ target });
    expect(first.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const second = await page({ target }, first.data!.auditEvents.pageInfo.endCursor);
    expect(second.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
    const [a, b] = [first.data!.auditEvents.edges[0].node, second.data!.auditEvents.edges[0].node];
    expect(a.id).not.toBe(b.id);
    expect(a.at >= b.at).toBe(true);
  });
});
