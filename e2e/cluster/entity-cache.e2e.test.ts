import { graphql } from '../generated/suites';
import { metricValue } from '../support/metrics';
import { describeDistributed, useCluster } from '../support/use-cluster';
import { eventually } from '../support/wait';

// The entity cache across processes: the gateway hears the subgraphs' change events over NATS JetStream.
const ORDER_PRODUCTS = graphql(`
  query ClusterCacheOrderProducts($id: ID!) {
    order(id: $id) { id lines { sku product { sku available } } }
  }
`);

describeDistributed('the entity cache of a gateway in its own process', (server) => {
  const { cluster, db, ask } = useCluster(server, { customers: 10, orders: 20 });

  it('answers a repeated read from the cache and shows a change made past it once the event arrives', async () => {
    const [{ id, sku, warehouseId }] = await db.rows<{ id: string; sku: string; warehouseId: string }>(`
      SELECT l.order_id AS id, l.sku, s.warehouse_id AS "warehouseId"
      FROM orders.order_line l JOIN inventory.stock_level s ON s.sku = l.sku
      ORDER BY l.order_id, l.sku, s.warehouse_id LIMIT 1`);
    const available = async () => {
      const answer = await ask(ORDER_PRODUCTS, { id });
      expect(answer.errors).toBeUndefined();
      return answer.data!.order!.lines.find((l) => l.sku === sku)!.product!.available;
    };
    const hits = () =>
      metricValue(cluster.gatewayUrl, 'supply_graph_entity_cache_lookups_total{subgraph="inventory",outcome="hit"}');

    const before = await available();
    const hitsBefore = await hits();
    expect(await available()).toBe(before);
    expect(await hits()).toBeGreaterThan(hitsBefore);

    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 9 WHERE sku = $1 AND warehouse_id = $2', [
      sku,
      warehouseId,
    ]);
    await eventually(async () => ((await available()) === before + 9 ? true : undefined), 'the change, over NATS');
    expect(await available()).toBe(before + 9);
  });
});
