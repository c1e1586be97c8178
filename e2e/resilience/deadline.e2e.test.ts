import { describePlatformSuite } from '../support/backends';
import { servicePrincipal } from '@supply-graph/shared';
import { graphql } from '../generated/suites';
import { gql } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';

/**
 * 300 aliased searches: about 300 SQL statements if nothing stops it
 * (more aliases mostly cost graphql-js validation time).
 */
const SEARCHES = Array.from({ length: 300 }, (_, i) => `c${i}: customers(first: 20) { edges { node { id name } } }`);
const HEAVY = `{ ${SEARCHES.join(' ')} }`;
const CUSTOMER_COUNT = graphql(`query DeadlineCustomerCount { customers(first: 1) { totalCount } }`);
const CUSTOMER_SQL = 'supply_graph_sql_statements_total{service="customers",origin="request"}';

/**
 * A request the gateway gave up on stops costing anything in the subgraph:
 * the gateway passes its timeout down (x-request-timeout-ms), and the subgraph
 * stops resolving fields and sending SQL at that deadline or when the gateway
 * hangs up.
 */
describePlatformSuite('work stops at the request deadline', (backend) => {
  // HEAVY is past every operation limit of the gateway on purpose: this suite is about the subgraph's deadline.
  const { platform } = usePlatform(backend, {
    customers: 60,
    orders: 60,
    env: {
      SUBGRAPH_TIMEOUT_MS: '150',
      DB_POOL_SIZE: '2',
      LIMIT_MAX_COST: '100000000',
      LIMIT_MAX_ALIASES: '1000',
      LIMIT_MAX_ROOT_FIELDS: '1000',
      LIMIT_MAX_TOKENS: '100000',
    },
  });
  const sql = () => metricValue(platform.gatewayUrl, CUSTOMER_SQL);
  /** The counter once it stopped moving. */
  const settled = async () => {
    let last = await sql();
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await sql();
      if (now === last) return now;
      last = now;
    }
  };

  it('a subgraph asked with a 100 ms budget answers DEADLINE_EXCEEDED, sending far fewer statements', async () => {
    const before = await settled();
    const started = Date.now();
    const res = await fetch(platform.subgraphs.customers!.url, {
      method: 'POST',
      // Straight to the subgraph, with the internal token the gateway would send (the subgraph is sealed).
      headers: {
        'content-type': 'application/json',
        'x-request-timeout-ms': '100',
        authorization: `Bearer ${await platform.gateway.identity.internal.sign(servicePrincipal('e2e'))}`,
      },
      body: JSON.stringify({ query: HEAVY }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(body.errors?.some((e) => e.extensions?.code === 'DEADLINE_EXCEEDED')).toBe(true);
    expect(body.errors?.every((e) => ['DEADLINE_EXCEEDED'].includes(e.extensions?.code ?? ''))).toBe(true);
    const spent = (await settled()) - before;
    // Without the deadline this query sends 600 statements; on a loaded machine some start before it passes.
    expect(spent).toBeLessThan(300);
  });

  it("when the gateway's budget runs out, the subgraph stops too, and keeps answering", async () => {
    const before = await settled();
    const result = await gql(platform.gatewayUrl, HEAVY);
    // The subgraph, told the gateway's 150 ms budget, answers DEADLINE_EXCEEDED when it runs out; the gateway's
    // own timeout (undici's, coarse) is the backstop for a subgraph that answers nothing. Whichever comes first
    // names the customers subgraph.
    const [error] = result.errors ?? [];
    expect(error?.extensions?.serviceName).toBe('customers');
    if (error?.extensions?.code === 'SUBGRAPH_UNAVAILABLE') expect(error.message).toMatch(/no answer within 150 ms/);
    else expect(error?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    const spent = (await settled()) - before;
    // Without the deadline this query sends 600 statements; on a loaded machine some start before it passes.
    expect(spent).toBeLessThan(300);
    // Asked directly: the gateway's 150 ms budget is this suite's setting, not the subgraph's health.
    const internal = await platform.gateway.identity.internal.sign(servicePrincipal('e2e'));
    const after = await gql(
      platform.subgraphs.customers!.url,
      CUSTOMER_COUNT,
      {},
      { authorization: `Bearer ${internal}` },
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.customers.totalCount).toBe(60);
  });
});
