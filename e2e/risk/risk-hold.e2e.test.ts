import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/suites';
import type { PlaceOrderInput } from '../generated/suites/graphql';
import { describeEachBus } from '../support/buses';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const FIELDS = graphql(`
  fragment RiskOrderFields on Order {
    id status version riskScore riskFlags statusHistory { from to reason } allocations { sku quantity }
  }
`);
const PLACE = graphql(`
  mutation RiskPlace($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { ...RiskOrderFields } } }
`);
const ORDER = graphql(`query RiskOrder($id: ID!) { order(id: $id) { ...RiskOrderFields } }`);
const RELEASE = graphql(`
  mutation RiskRelease($id: ID!, $reason: String) { releaseOrder(id: $id, reason: $reason) { ...RiskOrderFields } }
`);
const HOLD = graphql(`
  mutation RiskHold($id: ID!, $reason: String!) { holdOrder(id: $id, reason: $reason) { ...RiskOrderFields } }
`);
const CANCEL = graphql(`
  mutation RiskCancel($id: ID!) { cancelOrder(id: $id, reason: "fraud confirmed") { ...RiskOrderFields } }
`);

type OrderView = ResultOf<typeof FIELDS>;

describeEachBus('risk rules hold orders for an operator', (bus, backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60, bus });
  let sku: string;

  beforeAll(async () => {
    // Plenty of one SKU, so allocation is never what the tests wait on.
    [{ sku }] = await db.rows<{ sku: string }>('SELECT sku FROM inventory.stock_level ORDER BY sku LIMIT 1 OFFSET 40');
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + safety_stock + 500 WHERE sku = $1', [sku]);
  });

  const newBuyer = () => ({ name: 'Risk Tester', email: `risk-${randomUUID()}@example.com` });
  const input = (overrides: Partial<PlaceOrderInput> = {}, unitPrice = '99.00'): PlaceOrderInput => ({
    channel: 'webstore',
    externalId: `RISK-${randomUUID()}`,
    buyer: newBuyer(),
    currency: 'CNY',
    lines: [{ sku, quantity: 1, unitPrice }],
    shippingAddress: { country: 'CN', city: 'Shanghai' },
    ...overrides,
  });
  const place = async (order: PlaceOrderInput): Promise<OrderView> => {
    const result = await ask(PLACE, { input: order });
    expect(result.errors).toBeUndefined();
    return result.data!.placeOrder.order!;
  };
  const view = async (id: string): Promise<OrderView> => (await ask(ORDER, { id })).data!.order!;
  const randomPhone = () => `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const statusOf = async (id: string, status: string) =>
    eventually(
      async () => {
        const order = await view(id);
        return order.status === status ? order : undefined;
      },
      `order ${id} ${status}`,
      20_000,
    );
  // Inventory has seen the order's `order.placed` (and, for a held order, done nothing with it).
  const inventoryHandledPlacement = (id: string) =>
    eventually(
      async () => {
        const rows = await db.rows(
          `SELECT 1 FROM inventory.inbox i JOIN orders.outbox o ON o.event_id = i.event_id
       WHERE o.aggregate_id = $1 AND o.type = 'order.placed' AND i.consumer = 'inventory.allocate'`,
          [id],
        );
        return rows.length > 0;
      },
      `inventory handled order.placed of ${id}`,
      20_000,
    );

  it('the 6th order to one phone within minutes is held (VELOCITY), not allocated; released, allocated', async () => {
    const phone = randomPhone();
    const shippingAddress = { country: 'CN', city: 'Shanghai', phone };
    const first = [];
    for (let i = 0; i < 5; i += 1) first.push(await place(input({ shippingAddress })));
    for (const order of first) expect(order).toMatchObject({ status: 'PENDING', riskScore: 0, riskFlags: [] });
    const held = await place(input({ shippingAddress }));
    expect(held).toMatchObject({ status: 'ON_HOLD', version: 2, riskScore: 0.9, riskFlags: ['VELOCITY'] });
    expect(held.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'ON_HOLD']);
    expect(held.statusHistory[1].reason).toMatch(
      /^held by risk rules \(score 0\.90\): VELOCITY: more than 5 orders to one shipping phone/,
    );
    for (const order of first) await statusOf(order.id, 'ALLOCATED');

    await inventoryHandledPlacement(held.id);
    expect(await view(held.id)).toMatchObject({ status: 'ON_HOLD', allocations: [] });
    expect(await db.rows('SELECT 1 FROM inventory.backorder WHERE order_id = $1', [held.id])).toEqual([]);

    const released = await ask(RELEASE, {
      id: held.id,
      reason: 'buyer confirmed by phone',
    });
    expect(released.errors).toBeUndefined();
    // Allocation follows through events; it may already have happened by the time the answer is read.
    expect(['PENDING', 'ALLOCATED']).toContain(released.data!.releaseOrder.status);
    const allocated = await statusOf(held.id, 'ALLOCATED');
    expect(allocated.allocations).toEqual([{ sku, quantity: 1 }]);
    expect(allocated.version).toBe(4);
    expect(allocated.statusHistory.map((h) => [h.to, h.reason])).toEqual([
      ['PENDING', 'placed'],
      ['ON_HOLD', expect.stringMatching(/VELOCITY/)],
      ['PENDING', 'buyer confirmed by phone'],
      ['ALLOCATED', expect.stringMatching(/^stock reserved/)],
    ]);
    // The score stays on the order for the record.
    expect(allocated).toMatchObject({ riskScore: 0.9, riskFlags: ['VELOCITY'] });
  });

  it('six orders from one phone at the same moment: exactly one is held', async () => {
    const shippingAddress = { country: 'CN', city: 'Shanghai', phone: randomPhone() };
    const orders = await Promise.all(Array.from({ length: 6 }, () => place(input({ shippingAddress }))));
    expect(orders.filter((o) => o.status === 'ON_HOLD').map((o) => o.riskFlags)).toEqual([['VELOCITY']]);
    expect(orders.filter((o) => o.status === 'PENDING')).toHaveLength(5);
  });

  it('a first order over 5000.00 is held (HIGH_VALUE_NEW_CUSTOMER), not 5000.00; the held one cancelled', async () => {
    const clean = await place(input({}, '5000.00'));
    expect(clean).toMatchObject({ status: 'PENDING', riskScore: 0, riskFlags: [] });
    const held = await place(input({}, '5000.01'));
    expect(held).toMatchObject({ status: 'ON_HOLD', riskScore: 0.85, riskFlags: ['HIGH_VALUE_NEW_CUSTOMER'] });
    expect(held.statusHistory[1].reason).toMatch(
      /total 5000\.01 CNY above 5000\.00 from a customer with no earlier order/,
    );
    await statusOf(clean.id, 'ALLOCATED');

    const cancelled = await ask(CANCEL, { id: held.id });
    expect(cancelled.data?.cancelOrder).toMatchObject({ status: 'CANCELLED', allocations: [] });
    // Released or cancelled, a decided order cannot be released again.
    expectOneError(await ask(RELEASE, { id: held.id }), 'CONFLICT', /is CANCELLED and cannot become PENDING/);
  });

  it('UNUSUAL_COUNTRY and SHARED_ADDRESS: either alone is noted, together they hold the order', async () => {
    // One address in Seattle, typed three ways (spaces, case, punctuation): the same address.
    const spellings = [
      { line1: '1200 Pine Ave, Apt 5', city: 'Seattle', postalCode: '98101' },
      { line1: '1200 pine ave apt 5', city: 'SEATTLE', postalCode: '98101' },
      { line1: '1200  Pine Ave. Apt-5', city: 'seattle', postalCode: '98 101' },
    ];
    const at = (i: number) => ({ country: 'US', ...spellings[i % spellings.length] });
    for (let i = 0; i < 3; i += 1)
      expect(await place(input({ shippingAddress: at(i) }))).toMatchObject({ riskFlags: [] });

    // A customer with three orders in China ships to that address: new country and a 4th customer there.
    const buyer = newBuyer();
    for (let i = 0; i < 3; i += 1) expect(await place(input({ buyer }))).toMatchObject({ riskFlags: [] });
    const both = await place(input({ buyer, shippingAddress: at(3) }));
    expect(both).toMatchObject({
      status: 'ON_HOLD',
      riskScore: 0.8,
      riskFlags: ['UNUSUAL_COUNTRY', 'SHARED_ADDRESS'],
    });

    // A new customer there: the address is shared (0.6), not enough to hold.
    expect(await place(input({ shippingAddress: at(4) }))).toMatchObject({
      status: 'PENDING',
      riskScore: 0.6,
      riskFlags: ['SHARED_ADDRESS'],
    });
    // Another customer with three orders in China ships to the US, to an address nobody shares:
    // only the country is new.
    const traveller = newBuyer();
    for (let i = 0; i < 3; i += 1) await place(input({ buyer: traveller }));
    const abroad = await place(input({ buyer: traveller, shippingAddress: { country: 'US', city: 'Portland' } }));
    expect(abroad).toMatchObject({ status: 'PENDING', riskScore: 0.5, riskFlags: ['UNUSUAL_COUNTRY'] });
  });

  it('an address without a street line, or a masked one, is never shared (race orders share a city)', async () => {
    const keys = await db.rows<{ same: boolean; bare: string | null; masked: string | null; blank: string | null }>(
      `SELECT orders.risk_address_key('No. 1 Nanjing Road, Apt 3', 'Shanghai', '200001', 'CN')
              = orders.risk_address_key('no 1  nanjing road apt 3', 'SHANGHAI', '200 001', 'cn') AS same,
            orders.risk_address_key(NULL, 'Shanghai', NULL, 'CN') AS bare,
            orders.risk_address_key('南山区粤海街道科技园南区 ** 栋 ***', '深圳市', NULL, 'CN') AS masked,
            orders.risk_address_key(' ,. ', 'Shanghai', NULL, 'CN') AS blank`,
    );
    expect(keys).toEqual([{ same: true, bare: null, masked: null, blank: null }]);
    // Eight buyers in one city, no street line, no phone: nothing fires.
    const orders = await Promise.all(
      Array.from({ length: 8 }, () => place(input({ shippingAddress: { country: 'CN', city: 'Wuhan' } }))),
    );
    expect(orders.map((o) => o.riskFlags)).toEqual(Array.from({ length: 8 }, () => []));
  });

  it('an operator holds a PENDING order; release and hold refuse: CONFLICT, NOT_FOUND, BAD_USER_INPUT', async () => {
    const relay = platform.subgraphs.orders!.relay;
    // Keep the order PENDING: its events wait in the outbox while the relay is stopped.
    await relay.stop();
    let pending!: OrderView;
    try {
      pending = await place(input());
      expect(pending.status).toBe('PENDING');
      const held = await ask(HOLD, { id: pending.id, reason: 'address looks odd' });
      expect(held.errors).toBeUndefined();
      expect(held.data!.holdOrder).toMatchObject({ status: 'ON_HOLD', version: 2 });
      expect(held.data!.holdOrder.statusHistory[1]).toEqual({
        from: 'PENDING',
        to: 'ON_HOLD',
        reason: 'address looks odd',
      });
      expectOneError(
        await ask(HOLD, { id: pending.id, reason: 'again' }),
        'CONFLICT',
        /is ON_HOLD and cannot become ON_HOLD/,
      );
    } finally {
      relay.start();
    }
    // The stock answer to the earlier `order.placed` does not move a held order.
    await inventoryHandledPlacement(pending.id);
    await eventually(
      async () =>
        (
          await db.rows(
            `SELECT 1 FROM orders.inbox i JOIN inventory.outbox o ON o.event_id = i.event_id
         WHERE o.aggregate_id = $1 AND i.consumer = 'orders.stock'`,
            [pending.id],
          )
        ).length > 0,
      "orders handled inventory's answer",
      20_000,
    );
    expect((await view(pending.id)).status).toBe('ON_HOLD');
    // Released, it moves on: inventory repeats its earlier answer instead of reserving twice.
    expect((await ask(RELEASE, { id: pending.id, reason: 'checked with the buyer' })).errors).toBeUndefined();
    const resumed = await statusOf(pending.id, 'ALLOCATED');
    expect(resumed.allocations).toHaveLength(1);
    const [{ n }] = await db.rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM inventory.stock_movement WHERE order_id = $1 AND kind = 'RESERVE'",
      [pending.id],
    );
    expect(n).toBe(1);

    const allocated = await place(input());
    await statusOf(allocated.id, 'ALLOCATED');
    expectOneError(await ask(RELEASE, { id: allocated.id }), 'CONFLICT', /is ALLOCATED and cannot become PENDING/);
    expectOneError(
      await ask(HOLD, { id: allocated.id, reason: 'late doubt' }),
      'CONFLICT',
      /is ALLOCATED and cannot become ON_HOLD/,
    );
    expectOneError(await ask(HOLD, { id: allocated.id, reason: '  ' }), 'BAD_USER_INPUT', /needs a reason/);
    for (const id of [randomUUID(), 'ORD-42']) {
      expectOneError(await ask(RELEASE, { id }), 'NOT_FOUND', /does not exist/);
      expectOneError(await ask(HOLD, { id, reason: 'why not' }), 'NOT_FOUND', /does not exist/);
    }
    // Nothing above changed the allocated order.
    expect(await view(allocated.id)).toMatchObject({ status: 'ALLOCATED', version: 2 });
  });
});
