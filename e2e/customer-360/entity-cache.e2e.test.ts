import { SCOPES } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { mintToken, staffToken } from '../support/auth';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

// The gateway keeps subgraphs' entity answers (ENTITY_CACHE, on by default) and drops a subgraph's answers when its
// change event arrives on the bus. A user must never notice it, except that answers come faster.

const ORDER_PRODUCTS = graphql(`
  query CacheOrderProducts($id: ID!) {
    order(id: $id) { id lines { sku product { sku name available } } }
  }
`);
const ORDER_BUYER = graphql(`
  query CacheOrderBuyer($id: ID!) {
    order(id: $id) { id customer { id name email } }
  }
`);
const ADJUST = graphql(`
  mutation CacheAdjust($sku: ID!, $w: ID!, $delta: Int!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: $delta, reason: "entity cache e2e") { onHand }
  }
`);

const hits = (url: string, subgraph: string) =>
  metricValue(url, `supply_graph_entity_cache_lookups_total{subgraph="${subgraph}",outcome="hit"}`);

describePlatformSuite('the entity cache of the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 20, orders: 40 });
  let staff: Record<string, string>;
  let orderId: string;
  let sku: string;
  let warehouseId: string;

  const available = async () => {
    const answer = await ask(ORDER_PRODUCTS, { id: orderId }, staff);
    expect(answer.errors).toBeUndefined();
    return answer.data!.order!.lines.find((l) => l.sku === sku)!.product!.available;
  };

  beforeAll(async () => {
    staff = { authorization: `Bearer ${await staffToken(platform.gateway)}` };
    [{ id: orderId, sku, warehouseId }] = await db.rows<{ id: string; sku: string; warehouseId: string }>(`
      SELECT l.order_id AS id, l.sku, s.warehouse_id AS "warehouseId"
      FROM orders.order_line l JOIN inventory.stock_level s ON s.sku = l.sku
      ORDER BY l.order_id, l.sku, s.warehouse_id LIMIT 1`);
  });

  it('answers a repeated read from the cache, and a mutation through the gateway is seen at once', async () => {
    const before = await available();
    const hitsBefore = await hits(platform.gatewayUrl, 'inventory');
    expect(await available()).toBe(before);
    expect(await hits(platform.gatewayUrl, 'inventory')).toBeGreaterThan(hitsBefore);

    const adjusted = await ask(ADJUST, { sku, w: warehouseId, delta: 5 }, staff);
    expect(adjusted.errors).toBeUndefined();
    expect(await available()).toBe(before + 5);
  });

  it('shows a change made past the gateway once its event is relayed, and never goes back', async () => {
    const before = await available();
    await available(); // cached now
    // A change no resolver made (an operator's psql, a consumer): only the subgraph's change feed tells of it.
    await db.query(
      'UPDATE inventory.stock_level SET on_hand = on_hand + 7, updated_at = now() WHERE sku = $1 AND warehouse_id = $2',
      [sku, warehouseId],
    );
    await eventually(
      async () => ((await available()) === before + 7 ? true : undefined),
      'the change through the gateway',
    );
    for (let i = 0; i < 5; i += 1) expect(await available()).toBe(before + 7);
  });

  it('never keeps an answer that showed real PII: each such read goes to the subgraph (which audits it) again', async () => {
    const misses = () =>
      metricValue(platform.gatewayUrl, 'supply_graph_entity_cache_lookups_total{subgraph="customers",outcome="miss"}');
    const frontend = {
      authorization: `Bearer ${await mintToken(platform.gateway, {
        sub: 'e2e-cache-frontend',
        scopes: SCOPES.filter((s) => s !== 'pii:read'),
      })}`,
    };
    const first = await ask(ORDER_BUYER, { id: orderId }, staff);
    const email = first.data!.order!.customer!.email;
    expect(email).toMatch(/@/);
    expect(email).not.toMatch(/\*/);

    const missesBefore = await misses();
    const again = await ask(ORDER_BUYER, { id: orderId }, staff);
    expect(again.data).toEqual(first.data);
    expect(await misses()).toBe(missesBefore + 1);

    // Another caller's access gets its own answer, masked, whatever was fetched before.
    const masked = await ask(ORDER_BUYER, { id: orderId }, frontend);
    expect(masked.data!.order!.customer!.email).toMatch(/\*/);
    expect((await ask(ORDER_BUYER, { id: orderId }, frontend)).data).toEqual(masked.data);
    expect((await ask(ORDER_BUYER, { id: orderId }, staff)).data).toEqual(first.data);
  });
});
