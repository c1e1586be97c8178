import { describePlatformSuite } from '../support/backends';
import { PLACE_ORDER, shanghaiOrder } from '../support/documents';
import { postGraphQL } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

/** A named query through customers, orders and logistics. */
const PROBE = {
  operationName: 'MetricsProbe',
  query: `query MetricsProbe {
    customers(first: 2) { edges { node { name orders(first: 1) { totalCount } shipments(first: 1) { id } } } }
  }`,
};

/** The sum of a histogram's observations' count over all its series with these labels in them. */
async function histogramCount(url: string, name: string, labels: string): Promise<number> {
  return metricValue(url, `${name}_count{${labels}}`);
}

// In-process platforms share one registry per test process: every check compares with a value read before.
describePlatformSuite('metrics an operator watches', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const gateway = () => platform.gatewayUrl;

  it('counts operations by name, type and outcome, and times each subgraph call', async () => {
    const ok = 'supply_graph_gateway_operations_total{operation="MetricsProbe",type="query",outcome="ok"}';
    const before = {
      ok: await metricValue(gateway(), ok),
      timed: await histogramCount(
        gateway(),
        'supply_graph_gateway_operation_duration_seconds',
        'operation="MetricsProbe",type="query"',
      ),
      customers: await histogramCount(
        gateway(),
        'supply_graph_subgraph_fetch_duration_seconds',
        'subgraph="customers"',
      ),
      logistics: await histogramCount(
        gateway(),
        'supply_graph_subgraph_fetch_duration_seconds',
        'subgraph="logistics"',
      ),
    };
    const answer = await postGraphQL(gateway(), PROBE);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(await metricValue(gateway(), ok)).toBe(before.ok + 1);
    expect(
      await histogramCount(
        gateway(),
        'supply_graph_gateway_operation_duration_seconds',
        'operation="MetricsProbe",type="query"',
      ),
    ).toBe(before.timed + 1);
    expect(
      await histogramCount(gateway(), 'supply_graph_subgraph_fetch_duration_seconds', 'subgraph="customers"'),
    ).toBeGreaterThan(before.customers);
    expect(
      await histogramCount(gateway(), 'supply_graph_subgraph_fetch_duration_seconds', 'subgraph="logistics"'),
    ).toBeGreaterThan(before.logistics);
  });

  it('counts a failed operation under its error code, and a refused token as an auth failure', async () => {
    const invalid =
      'supply_graph_gateway_operations_total{operation="Broken",type="unknown",outcome="GRAPHQL_VALIDATION_FAILED"}';
    const refused = 'supply_graph_auth_failures_total{service="gateway",code="UNAUTHENTICATED"}';
    const before = { invalid: await metricValue(gateway(), invalid), refused: await metricValue(gateway(), refused) };
    const broken = await postGraphQL(gateway(), { operationName: 'Broken', query: 'query Broken { noSuchField }' });
    expect(broken.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const stranger = await postGraphQL(gateway(), PROBE, { authorization: 'Bearer not-a-token' });
    expect(stranger.status).toBe(401);
    expect(await metricValue(gateway(), invalid)).toBe(before.invalid + 1);
    expect(await metricValue(gateway(), refused)).toBe(before.refused + 1);
  });

  it('shows event flow: events published by the relay, the lag of the consumer that allocates, the outbox age', async () => {
    const published = 'supply_graph_events_published_total{service="orders"}';
    const lagLabels = 'service="inventory",consumer="inventory.allocate"';
    const before = {
      published: await metricValue(gateway(), published),
      lag: await histogramCount(gateway(), 'supply_graph_event_handling_lag_seconds', lagLabels),
    };
    const [level] = await db.rows<{ sku: string }>(
      `SELECT s.sku FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE w.code = 'SHA' AND s.on_hand - s.reserved - s.safety_stock >= 2 ORDER BY s.sku LIMIT 1`,
    );
    const buyer = { name: 'Qian Li', email: 'qian.li@example.com', phone: '+8613800000077' };
    const placed = await ask(PLACE_ORDER, {
      input: shanghaiOrder(
        `WS-METRICS-${Date.now()}`,
        buyer,
        [{ sku: level.sku, quantity: 1, unitPrice: '9.90' }],
        'No. 7 Metrics Road',
      ),
    });
    expect(placed.errors).toBeUndefined();
    await eventually(
      async () => (await metricValue(gateway(), published)) > before.published,
      "the orders relay's published events counted",
    );
    await eventually(
      async () => (await histogramCount(gateway(), 'supply_graph_event_handling_lag_seconds', lagLabels)) > before.lag,
      "the allocating consumer's lag observed",
    );
    // Every relay reports its outbox's age; once the order's events are out, none is minutes old.
    for (const service of ['orders', 'customers', 'inventory', 'logistics']) {
      const age = await metricValue(gateway(), `supply_graph_outbox_oldest_unpublished_seconds{service="${service}"}`);
      expect(age).toBeLessThan(60);
    }
    const text = await (await fetch(`${new URL(gateway()).origin}/metrics`)).text();
    expect(text).toMatch(/^supply_graph_outbox_oldest_unpublished_seconds\{service="orders"\} [\d.e+-]+$/m);
    // The oversell-risk gauge, read from inventory's alerts as they stand in the database.
    const [alerts] = await db.rows<{ open: number }>(
      "SELECT count(*)::int AS open FROM inventory.stock_alert WHERE closed_at IS NULL AND kind = 'LOW_STOCK'",
    );
    expect(await metricValue(gateway(), 'supply_graph_stock_alerts_open{kind="LOW_STOCK"}')).toBe(alerts.open);
  });
});
