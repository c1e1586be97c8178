import { randomUUID } from 'node:crypto';
import { SCOPES } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { mintToken } from '../support/auth';
import { gql } from '../support/graphql';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const PLACE = 'mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id } } }';
const ADJUST =
  'mutation Adjust($sku: ID!, $w: ID!) { adjustStock(sku: $sku, warehouseId: $w, delta: 3, reason: "audit e2e count") { onHand } }';
const CANCEL = 'mutation Cancel($id: ID!) { cancelOrder(id: $id) { id } }';
const AUDIT = `query Audit($first: Int, $after: String, $filter: AuditFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id at actor action target channel requestId outcome } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  channel: string | null;
  requestId: string | null;
  outcome: string;
}
type AuditPage = {
  auditEvents: { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};
type Vars = Record<string, unknown>;

describeEachBackend('audit trail through the gateway', (backend) => {
  let platform: TestPlatform;
  let staff: Record<string, string>;
  let clerk: Record<string, string>;
  let sku: string;
  let warehouseId: string;
  let placedId: string;

  const as =
    (headers: Record<string, string>) =>
    <T>(query: string, variables: Vars = {}) =>
      gql<T, Vars>(platform.gatewayUrl, query, variables, headers);
  const code = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    answer.errors?.[0]?.extensions?.code;

  /** The entries of one actor, newest first, once there are `count` of them (each service's events reach orders' trail through the bus). */
  const entriesOf = (actor: string, count: number) =>
    eventually(async () => {
      const answer = await gql<AuditPage, Vars>(platform.gatewayUrl, AUDIT, { filter: { actor }, first: 100 });
      const entries = answer.data?.auditEvents.edges.map((e) => e.node) ?? [];
      return entries.length >= count ? entries : undefined;
    }, `${count} audit entries of ${actor}`);

  const order = (extra: Vars = {}) => ({
    channel: 'webstore',
    externalId: `AUDIT-E2E-${randomUUID()}`,
    buyer: { name: 'Zhou Min', email: 'zhou.min@example.com' },
    currency: 'CNY',
    lines: [{ sku, quantity: 1, unitPrice: '19.90' }],
    shippingAddress: { country: 'CN', province: 'Shanghai', city: 'Shanghai', line1: 'No. 1 Nanjing Road' },
    ...extra,
  });

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { customers: 20, orders: 30 });
    const bearer = async (sub: string, scopes: readonly string[]) => ({
      authorization: `Bearer ${await mintToken(platform.gateway, { sub, scopes })}`,
    });
    staff = await bearer('audit-staff', SCOPES);
    clerk = await bearer('audit-clerk', ['orders:read', 'inventory:read']);
    const db = await sqlClient(platform.databaseUrl);
    try {
      [{ sku, warehouse_id: warehouseId }] = await db.rows<{ sku: string; warehouse_id: string }>(
        'SELECT sku, warehouse_id FROM inventory.stock_level ORDER BY sku, warehouse_id LIMIT 1',
      );
    } finally {
      await db.end();
    }
    // The staff member: a placement, its repeat, a stock count, bad input, an unknown order.
    const input = order();
    const placed = await as(staff)<{ placeOrder: { created: boolean; order: { id: string } } }>(PLACE, { input });
    expect(placed.data?.placeOrder.created).toBe(true);
    placedId = placed.data!.placeOrder.order.id;
    expect((await as(staff)<{ placeOrder: { created: boolean } }>(PLACE, { input })).data?.placeOrder.created).toBe(
      false,
    );
    expect((await as(staff)(ADJUST, { sku, w: warehouseId })).errors).toBeUndefined();
    expect(
      code(
        await as(staff)(PLACE, { input: order({ lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: '1.00' }] }) }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(code(await as(staff)(CANCEL, { id: randomUUID() }))).toBe('NOT_FOUND');
    // The clerk: two mutations its token does not open, and the trail itself.
    expect(code(await as(clerk)(PLACE, { input: order() }))).toBe('FORBIDDEN');
    expect(code(await as(clerk)(ADJUST, { sku, w: warehouseId }))).toBe('FORBIDDEN');
    expect(code(await as(clerk)(AUDIT))).toBe('FORBIDDEN');
  });
  afterAll(async () => {
    await platform?.close();
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
    const first = await as(staff)<AuditPage>(AUDIT, { first: 1, filter: { target: `Order:${placedId}` } });
    expect(first.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const second = await as(staff)<AuditPage>(AUDIT, {
      first: 1,
      after: first.data!.auditEvents.pageInfo.endCursor,
      filter: { target: `Order:${placedId}` },
    });
    expect(second.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
    const [a, b] = [first.data!.auditEvents.edges[0].node, second.data!.auditEvents.edges[0].node];
    expect(a.id).not.toBe(b.id);
    expect(a.at >= b.at).toBe(true);
  });
});
