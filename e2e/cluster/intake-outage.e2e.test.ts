import { randomUUID } from 'node:crypto';
import { PLACE_ORDER } from '../support/documents';
import { describeDistributed, useCluster } from '../support/use-cluster';
import { untilDone } from '../support/wait';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Peer = 'inventory' | 'customers';

/** What one placeOrder call came to. */
interface Attempt {
  externalId: string;
  email: string;
  orderId: string | null;
  error: unknown;
  /** Sent while the peer was down (between the kill and its restart being ready). */
  duringOutage: boolean;
}

/**
 * Intake never needs a peer on its hot path: in the distributed deployment a
 * steady stream of concurrent placeOrder calls goes through the gateway while
 * inventory, then customers, is SIGKILLed, stays down for seconds and is
 * started again. No call may fail, and every order must end up with its
 * golden customer and allocated exactly once.
 */
describeDistributed('placeOrder while a peer is killed', (server) => {
  const { cluster, db, ask } = useCluster(server, { customers: 30, orders: 60 });

  beforeAll(async () => {
    // Enough stock for every order: each must end ALLOCATED, none BACKORDERED.
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000');
  });

  /** Six clients placing orders while `peer` is killed for five seconds; returns what each call came to. */
  async function placeThroughOutage(peer: Peer): Promise<Attempt[]> {
    const run = randomUUID().slice(0, 8);
    const attempts: Attempt[] = [];
    let down = false;
    let stop = false;
    let n = 0;
    // Twelve buyers, each ordering many times: each must become one golden customer, whichever path identified them.
    const worker = async () => {
      while (!stop) {
        const i = n++;
        const email = `intake-${run}-${i % 12}@example.com`;
        const externalId = `OUTAGE-${peer}-${run}-${i}`;
        const duringOutage = down;
        const result = await ask(PLACE_ORDER, {
          input: {
            channel: 'webstore',
            externalId,
            buyer: { name: `Buyer ${i % 12}`, email },
            currency: 'CNY',
            lines: [{ sku: `SKU-${String(1 + (i % 40)).padStart(4, '0')}`, quantity: 1, unitPrice: '10.00' }],
            // An address of its own per order: no risk rule (velocity, shared address) holds these orders.
            shippingAddress: { country: 'CN', city: 'Chengdu', line1: `Tianfu Avenue ${run}-${i}` },
          },
        }).catch((err: unknown) => ({ data: null, errors: [{ message: String(err) }] }));
        attempts.push({
          externalId,
          email,
          orderId: result.data?.placeOrder.order?.id ?? null,
          error: result.errors ?? null,
          duringOutage,
        });
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    await sleep(1500);
    down = true;
    await cluster.kill(peer);
    await sleep(5000);
    await cluster.start(peer);
    down = false;
    await sleep(1500);
    stop = true;
    await Promise.all(workers);
    return attempts;
  }

  /** Every order got its customer, is ALLOCATED with a shipment, and was reserved and announced exactly once. */
  async function expectAllocatedOnce(peer: Peer, attempts: Attempt[]): Promise<string[]> {
    expect(attempts.filter((a) => a.error !== null)).toEqual([]);
    // The kill landed in the stream, or the test proved nothing.
    expect(attempts.filter((a) => a.duringOutage).length).toBeGreaterThan(10);
    const ids = attempts.map((a) => a.orderId!);
    expect(new Set(ids).size).toBe(attempts.length);
    // Bulk work whose pace is the machine's load: fail when it stops moving, not at a fixed time.
    await untilDone(async () => {
      const [{ allocated, shipped }] = await db.rows<{ allocated: number; shipped: number }>(
        `SELECT count(*) FILTER (WHERE status = 'ALLOCATED' AND customer_id IS NOT NULL)::int AS allocated,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM logistics.shipment s WHERE s.order_id = o.id))::int
               AS shipped
           FROM orders.sales_order o WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return {
        done: (allocated === ids.length && shipped === ids.length) || undefined,
        progress: `${allocated} allocated, ${shipped} shipped of ${ids.length}`,
      };
    }, `all ${ids.length} orders with a customer, ALLOCATED and shipped after ${peer} came back`);
    const perOrder = await db.rows<{
      id: string;
      allocated_entries: number;
      allocations: number;
      reserves: number;
      placed_events: number;
    }>(
      `SELECT o.id,
         (SELECT count(*)::int FROM orders.order_status_change h
          WHERE h.order_id = o.id AND h.to_status = 'ALLOCATED') AS allocated_entries,
         (SELECT count(*)::int FROM inventory.allocation a
          WHERE a.order_id = o.id AND a.released_at IS NULL) AS allocations,
         (SELECT count(*)::int FROM inventory.stock_movement m
          WHERE m.order_id = o.id AND m.kind = 'RESERVE') AS reserves,
         (SELECT count(*)::int FROM orders.outbox e
          WHERE e.aggregate_id = o.id::text AND e.type = 'order.placed') AS placed_events
       FROM orders.sales_order o WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    expect(
      perOrder.filter(
        (o) => o.allocated_entries !== 1 || o.allocations !== 1 || o.reserves !== 1 || o.placed_events !== 1,
      ),
    ).toEqual([]);
    await expectGoldenCustomers(attempts);
    return ids;
  }

  /** Each buyer (email) is one customer, and every order of theirs names it. */
  async function expectGoldenCustomers(attempts: Attempt[]) {
    const emails = [...new Set(attempts.map((a) => a.email))];
    const customers = await db.rows<{ email: string; ids: string[] }>(
      `SELECT email_normalized AS email, array_agg(id::text) AS ids FROM customers.customer
       WHERE email_normalized = ANY($1) GROUP BY 1`,
      [emails],
    );
    expect(customers.filter((c) => c.ids.length !== 1)).toEqual([]);
    expect(customers).toHaveLength(emails.length);
    const customerOf = new Map(customers.map((c) => [c.email, c.ids[0]]));
    const orders = await db.rows<{ external_id: string; customer_id: string }>(
      `SELECT external_id, customer_id::text FROM orders.sales_order
       WHERE channel_code = 'webstore' AND external_id = ANY($1)`,
      [attempts.map((a) => a.externalId)],
    );
    const emailOf = new Map(attempts.map((a) => [a.externalId, a.email]));
    expect(orders.filter((o) => o.customer_id !== customerOf.get(emailOf.get(o.external_id)!))).toEqual([]);
  }

  it('inventory killed: every call succeeds, every order is allocated exactly once when it is back', async () => {
    await expectAllocatedOnce('inventory', await placeThroughOutage('inventory'));
  }, 420_000);

  it('customers killed: every call succeeds, orders await their buyer on the bus, then allocate once', async () => {
    const ids = await expectAllocatedOnce('customers', await placeThroughOutage('customers'));
    // Orders taken while customers was down went the asynchronous way: accepted without a customer, completed later.
    const [{ awaited }] = await db.rows<{ awaited: number }>(
      `SELECT count(DISTINCT order_id)::int AS awaited FROM orders.order_status_change
       WHERE order_id = ANY($1::uuid[]) AND reason LIKE '%awaiting buyer identification%'`,
      [ids],
    );
    expect(awaited).toBeGreaterThan(10);
  }, 420_000);
});
