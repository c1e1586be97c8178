import { randomUUID } from 'node:crypto';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { PlaceOrderInput } from '../generated/suites/graphql';
import { mintToken } from '../support/auth';
import { type LiveSubscription, subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { UPSERT_OPERATOR, reportException } from './desk-support';

const ITEMS = graphql(`
  query DeskItems($filter: WorkItemFilter) {
    workItems(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id kind status priority assignee channel carrier subjectType subjectId orderId summary checklist dueAt overdue
          outcome cause resolvedBy facts { name value }
          order { id status riskScore }
          shipment { id status }
        }
      }
    }
  }
`);
const RESOLVE = graphql(`
  mutation DeskResolve($id: ID!, $outcome: String!, $cause: String, $note: String) {
    resolveWorkItem(id: $id, outcome: $outcome, cause: $cause, note: $note) {
      id status outcome cause resolvedBy history { change actor note }
    }
  }
`);
const PRECISION = graphql(`
  query DeskPrecision($from: DateTime!) { riskRulePrecision(from: $from) { ruleCode held legitimate fraudulent precision } }
`);
const LIVE = graphql(`
  subscription DeskLive($kinds: [String!]) {
    workItemChanged(kinds: $kinds) { eventId change workItem { id kind status assignee shipment { id } } }
  }
`);
const LIVE_AFTER = graphql(`
  subscription DeskLiveAfter($kinds: [String!], $after: ID) {
    workItemChanged(kinds: $kinds, after: $after) { eventId change workItem { id } }
  }
`);
const COMMENT = graphql(`
  mutation DeskComment($id: ID!, $text: String!) { commentWorkItem(id: $id, text: $text) { id } }
`);
const PLACE = graphql(`
  mutation DeskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status riskScore riskFlags } } }
`);
const AUDIT = graphql(`
  query DeskAudit($filter: AuditFilter) { auditEvents(filter: $filter, first: 20) { edges { node { actor action target outcome } } } }
`);

const code = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.code;

describePlatformSuite('the operations desk through the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const open: LiveSubscription<unknown>[] = [];
  let sku: string;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.stop()));
  });

  beforeAll(async () => {
    [{ sku }] = await db.rows<{ sku: string }>('SELECT sku FROM inventory.stock_level ORDER BY sku LIMIT 1 OFFSET 30');
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + safety_stock + 500 WHERE sku = $1', [sku]);
    for (const input of [
      { sub: 'desk-lee', name: 'Lee', skills: ['logistics'], capacity: 2 },
      { sub: 'desk-max', name: 'Max', skills: ['logistics'], capacity: 2 },
      { sub: 'desk-rio', name: 'Rio', skills: ['risk'], capacity: 5 },
    ])
      expect((await ask(UPSERT_OPERATOR, { input })).errors).toBeUndefined();
  });

  type Item = NonNullable<Awaited<ReturnType<typeof items>>>[number];
  const items = async (filter: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    (await ask(ITEMS, { filter }, headers)).data?.workItems.edges.map((e) => e.node);
  const itemOf = (predicate: (item: Item) => boolean, what: string) =>
    eventually(async () => (await items())?.find(predicate), what, 20_000);

  /** Open shipments of the seed, each of another order: a carrier reports them as exceptions. */
  const openShipments = (n: number) =>
    db.rows<{ id: string; carrier_code: string; tracking_number: string; channel: string }>(
      `SELECT DISTINCT ON (order_id) id, carrier_code, tracking_number, channel FROM logistics.shipment
       WHERE status IN ('CREATED', 'IN_TRANSIT') AND channel IS NOT NULL ORDER BY order_id, id LIMIT $1`,
      [n],
    );
  const exception = (s: { carrier_code: string; tracking_number: string }) => reportException(ask, s);

  it('a logistics exception opens an item for the least-loaded operator with the skill, live, resolved with a cause', async () => {
    const base = await metricValue(platform.gatewayUrl, 'supply_graph_subscribers');
    const live = subscribeWs(platform.gatewayUrl, LIVE, { kinds: ['LOGISTICS_EXCEPTION'] });
    open.push(live as LiveSubscription<unknown>);
    await eventually(
      async () => (await metricValue(platform.gatewayUrl, 'supply_graph_subscribers')) === base + 1 || undefined,
      'subscribed',
    );
    const [first, second] = await openShipments(2);
    expect((await exception(first)).errors).toBeUndefined();
    const a = await itemOf((i) => i.subjectId === first.id, 'the first exception item');
    expect((await exception(second)).errors).toBeUndefined();
    const b = await itemOf((i) => i.subjectId === second.id, 'the second exception item');
    // Both have the skill and no load: the first goes to desk-lee (by sub); the second to the one with less load.
    expect([a.assignee, b.assignee]).toEqual(['desk-lee', 'desk-max']);
    expect(a).toMatchObject({
      kind: 'LOGISTICS_EXCEPTION',
      status: 'ASSIGNED',
      carrier: first.carrier_code,
      channel: first.channel,
      subjectType: 'Shipment',
      shipment: { id: first.id, status: 'EXCEPTION' },
      overdue: false,
    });
    expect(a.checklist.length).toBeGreaterThan(0);

    const bad = await ask(RESOLVE, { id: a.id, outcome: 'DELIVERED' });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const resolved = await ask(RESOLVE, { id: a.id, outcome: 'RESHIPPED', cause: 'CARRIER_LOST', note: 'parcel gone' });
    expect(resolved.data?.resolveWorkItem).toMatchObject({
      status: 'RESOLVED',
      outcome: 'RESHIPPED',
      cause: 'CARRIER_LOST',
    });
    expect(resolved.data?.resolveWorkItem.history.map((h) => h.change)).toEqual(['OPENED', 'ASSIGNED', 'RESOLVED']);
    expect(code(await ask(RESOLVE, { id: a.id, outcome: 'LOST', cause: 'CARRIER_LOST' }))).toBe('CONFLICT');
    const [announced] = await db.rows<{ payload: { outcome: string; cause: string; carrier: string } }>(
      "SELECT payload FROM orders.outbox WHERE type = 'work-item.resolved' AND aggregate_id = $1",
      [a.id],
    );
    expect(announced.payload).toMatchObject({
      outcome: 'RESHIPPED',
      cause: 'CARRIER_LOST',
      carrier: first.carrier_code,
    });

    // The live screen saw both items open and the first one resolved, with logistics' shipment joined in.
    await eventually(async () => {
      const seen = live.results.map((r) => r.data?.workItemChanged).filter(Boolean);
      return seen.some((e) => e!.workItem.id === a.id && e!.change === 'RESOLVED') ? seen : undefined;
    }, 'the RESOLVED change live');
    const changes = live.results.map((r) => r.data!.workItemChanged);
    expect(changes.filter((c) => c.workItem.id === a.id).map((c) => c.change)).toEqual([
      'OPENED',
      'ASSIGNED',
      'RESOLVED',
    ]);
    expect(changes.find((c) => c.workItem.id === b.id)?.workItem.shipment).toEqual({ id: second.id });

    // Every resolve is audited against the work item, the refused ones too.
    const entries = await eventually(async () => {
      const answer = await ask(AUDIT, { filter: { action: 'resolveWorkItem', target: `WorkItem:${a.id}` } });
      const found = answer.data?.auditEvents.edges.map((e) => e.node) ?? [];
      return found.length >= 3 ? found : undefined;
    }, 'the audit entries of the resolves');
    expect(entries.map((e) => e.outcome).sort()).toEqual(['BAD_USER_INPUT', 'CONFLICT', 'ok']);
    expect(entries.every((e) => e.actor === entries[0].actor)).toBe(true);
  });

  it('a desk screen that reconnects with after gets exactly the changes it missed, in order, then live ones', async () => {
    const base = await metricValue(platform.gatewayUrl, 'supply_graph_subscribers');
    const first = subscribeWs(platform.gatewayUrl, LIVE_AFTER, { kinds: ['LOGISTICS_EXCEPTION'] });
    open.push(first as LiveSubscription<unknown>);
    await eventually(
      async () => (await metricValue(platform.gatewayUrl, 'supply_graph_subscribers')) === base + 1 || undefined,
      'subscribed',
    );
    const [shipment] = await openShipments(1);
    expect((await exception(shipment)).errors).toBeUndefined();
    const item = await itemOf((i) => i.subjectId === shipment.id, 'the exception item');
    const latest = item.status === 'ASSIGNED' ? 'ASSIGNED' : 'OPENED';
    const changesOf = (live: typeof first) => live.results.map((r) => r.data!.workItemChanged);
    await eventually(
      async () => changesOf(first).some((c) => c.workItem.id === item.id && c.change === latest) || undefined,
      `the item ${latest} live`,
    );
    const lastSeen = changesOf(first).at(-1)!.eventId;
    await first.stop();

    // While the screen is away, the item is commented twice.
    for (const text of ['called the carrier', 'parcel found at the hub'])
      expect((await ask(COMMENT, { id: item.id, text })).errors).toBeUndefined();
    const again = subscribeWs(platform.gatewayUrl, LIVE_AFTER, { kinds: ['LOGISTICS_EXCEPTION'], after: lastSeen });
    open.push(again as LiveSubscription<unknown>);
    await eventually(
      async () => changesOf(again).filter((c) => c.change === 'COMMENTED').length >= 2 || undefined,
      'the two comments replayed',
    );
    // Back live: the resolution arrives as it happens.
    const resolved = await ask(RESOLVE, { id: item.id, outcome: 'DELIVERED', cause: 'CARRIER_DELAY' });
    expect(resolved.errors).toBeUndefined();
    const after = await eventually(async () => {
      const changes = changesOf(again);
      return changes.some((c) => c.change === 'RESOLVED') ? changes : undefined;
    }, 'the resolution live');
    expect(after.filter((c) => c.workItem.id === item.id).map((c) => c.change)).toEqual([
      'COMMENTED',
      'COMMENTED',
      'RESOLVED',
    ]);
    const ids = after.map((c) => c.eventId);
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids.every((id) => id > lastSeen)).toBe(true);
  });

  it("a channel-scoped token sees only its channel's items; a token without desk scopes is refused", async () => {
    const all = (await items())!;
    const channel = all.find((i) => i.channel)!.channel!;
    const scoped = {
      authorization: `Bearer ${await mintToken(platform.gateway, { sub: 'desk-partner', scopes: ['desk:read'], channels: [channel] })}`,
    };
    const seen = (await items({}, scoped))!;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((i) => i.channel === channel)).toBe(true);
    expect(seen.map((i) => i.id)).toEqual((await items({ channel }))!.map((i) => i.id));
    const clerk = {
      authorization: `Bearer ${await mintToken(platform.gateway, { sub: 'desk-clerk', scopes: ['orders:read'] })}`,
    };
    expect(code(await ask(ITEMS, { filter: {} }, clerk))).toBe('FORBIDDEN');
    const resolveAsClerk = await ask(RESOLVE, { id: all[0].id, outcome: 'RESOLVED' }, clerk);
    expect(code(resolveAsClerk)).toBe('FORBIDDEN');
  });

  it('a risk hold found legitimate releases the order, and the next similar order scores lower', async () => {
    const highValue = (): PlaceOrderInput => ({
      channel: 'webstore',
      externalId: `DESK-${randomUUID()}`,
      buyer: { name: 'Desk Tester', email: `desk-${randomUUID()}@example.com` },
      currency: 'CNY',
      lines: [{ sku, quantity: 1, unitPrice: '6000.00' }],
      shippingAddress: { country: 'CN', city: 'Shanghai' },
    });
    const held = (await ask(PLACE, { input: highValue() })).data!.placeOrder.order!;
    expect(held).toMatchObject({ status: 'ON_HOLD', riskFlags: ['HIGH_VALUE_NEW_CUSTOMER'] });
    const item = await itemOf((i) => i.orderId === held.id, 'the risk hold item');
    expect(item).toMatchObject({
      kind: 'RISK_HOLD',
      assignee: 'desk-rio',
      subjectType: 'Order',
      order: { id: held.id },
    });
    expect(item.facts).toContainEqual({ name: 'riskFlags', value: 'HIGH_VALUE_NEW_CUSTOMER' });
    expect((await ask(RESOLVE, { id: item.id, outcome: 'LEGITIMATE' })).errors).toBeUndefined();
    await eventually(async () => {
      const [row] = await db.rows<{ status: string }>('SELECT status FROM orders.sales_order WHERE id = $1', [held.id]);
      return row.status !== 'ON_HOLD' || undefined;
    }, 'the order released');

    const next = (await ask(PLACE, { input: highValue() })).data!.placeOrder.order!;
    expect(next.riskFlags).toEqual(['HIGH_VALUE_NEW_CUSTOMER']);
    expect(next.riskScore).toBeLessThan(held.riskScore!);
    const precision = (await ask(PRECISION, { from: new Date(Date.now() - 3_600_000).toISOString() })).data!;
    expect(precision.riskRulePrecision).toContainEqual({
      ruleCode: 'HIGH_VALUE_NEW_CUSTOMER',
      held: expect.any(Number),
      legitimate: 1,
      fraudulent: 0,
      precision: 0,
    });
  });
});
