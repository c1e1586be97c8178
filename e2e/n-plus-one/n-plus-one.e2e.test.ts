import { sqlStatementCount } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { Customer360Document, CustomersPageDocument } from '../generated/graphql';
import { mintToken } from '../support/auth';
import { usePlatform } from '../support/use-platform';

const SERVICES = ['orders', 'customers', 'inventory', 'logistics'] as const;
type Counts = Record<(typeof SERVICES)[number], number>;

/** SQL statements each subgraph sent to PostgreSQL while `run` executed. */
async function countedOnce(run: () => Promise<unknown>): Promise<Counts> {
  const before = await Promise.all(SERVICES.map((s) => sqlStatementCount(s)));
  await run();
  const after = await Promise.all(SERVICES.map((s) => sqlStatementCount(s)));
  return Object.fromEntries(SERVICES.map((s, i) => [s, after[i] - before[i]])) as Counts;
}

/**
 * The statements `run` costs each subgraph: the fewest of three runs. The count is per service, so a periodic job
 * of that service (orders' catalogue check every 5 s, the webhook dispatcher, the desk's escalation) that happens to
 * run meanwhile adds to it; it never takes away, so the least of three is the request's own cost.
 */
async function statementsDuring(run: () => Promise<unknown>): Promise<Counts> {
  const runs: Counts[] = [];
  for (let i = 0; i < 3; i += 1) runs.push(await countedOnce(run));
  return Object.fromEntries(SERVICES.map((s) => [s, Math.min(...runs.map((r) => r[s]))])) as Counts;
}

describePlatformSuite('SQL statements per request do not grow with the page size (no N+1)', (backend) => {
  // No entity cache: a repeated request must reach the subgraphs again to be counted again (statementsDuring).
  const { platform, ask } = usePlatform(backend, { customers: 300, orders: 1500, env: { ENTITY_CACHE: 'false' } });
  /** A frontend's token: every read scope but pii:read, so no PII read is audited and only the reads are counted. */
  let reader: Record<string, string>;

  beforeAll(async () => {
    const scopes = ['customers:read', 'orders:read', 'inventory:read', 'logistics:read'];
    reader = { authorization: `Bearer ${await mintToken(platform.gateway, { scopes })}` };
  });

  it('customers(first: 5) and (first: 50) with orders, lines, products and shipments cost the same', async () => {
    const page =
      (first: number, headers = reader) =>
      async () => {
        const result = await ask(CustomersPageDocument, { first }, headers);
        expect(result.errors).toBeUndefined();
        const customers = result.data!.customers.edges;
        expect(customers).toHaveLength(first);
        // The nested levels really were resolved, so their statements were counted.
        const orders = customers.flatMap((c) => c.node.orders!.edges.map((e) => e.node));
        expect(orders.length).toBeGreaterThan(first);
        expect(orders.some((o) => o.lines.some((l) => l.product?.name))).toBe(true);
        expect(orders.some((o) => o.shipments!.some((s) => s.events.length > 0))).toBe(true);
      };
    const small = await statementsDuring(page(5));
    const large = await statementsDuring(page(50));
    expect(large).toEqual(small);
    // One page query and one count per connection, one statement per relation.
    for (const service of SERVICES) {
      expect(small[service]).toBeGreaterThan(0);
      expect(small[service]).toBeLessThanOrEqual(4);
    }
    // With pii:read every customer read is audited: one INSERT per request (atomic on its own, no transaction),
    // whatever the page size.
    const auditedSmall = await statementsDuring(page(5, {}));
    const auditedLarge = await statementsDuring(page(50, {}));
    expect(auditedLarge).toEqual(auditedSmall);
    expect(auditedSmall).toEqual({ ...small, customers: small.customers + 1 });
  });

  it('the 360 query costs a fixed, small number of statements', async () => {
    const [{ node }] = (await ask(CustomersPageDocument, { first: 1 })).data!.customers.edges;
    const counts = await statementsDuring(async () => {
      const result = await ask(Customer360Document, { id: node.id, orders: 10 }, reader);
      expect(result.errors).toBeUndefined();
    });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    for (const service of SERVICES) expect(counts[service]).toBeGreaterThan(0);
    // Reported in the closing note and the README; the bound keeps it from creeping.
    expect(total).toBeLessThanOrEqual(16);
  });
});
