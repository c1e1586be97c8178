import { describePlatformSuite } from '../support/backends';
import {
  CustomerIdsPageDocument,
  OrderIdsPageDocument,
  type CustomerIdsPageQuery,
  type OrderIdsPageQuery,
} from '../generated/graphql';
import type { OrderFilter } from '../generated/suites/graphql';
import { usePlatform } from '../support/use-platform';
import { iso } from '../support/sql';

type Connection = CustomerIdsPageQuery['customers'] | OrderIdsPageQuery['orders'];

/** Follows endCursor from the first page to the last; every page must be error-free. */
async function walk<C extends Connection>(fetchPage: (after: string | null) => Promise<C>): Promise<C[]> {
  const pages: C[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    after = page.pageInfo.endCursor!;
    if (pages.length > 1000) throw new Error('pagination does not end');
  }
}

/** Checks the page shape shared by every walk and returns the ids in the order visited. */
function visited(pages: Connection[], size: number, totalCount: number): string[] {
  for (const [i, page] of pages.entries()) {
    expect(page.totalCount).toBe(totalCount);
    const last = i === pages.length - 1;
    expect(page.pageInfo.hasNextPage).toBe(!last);
    if (!last) expect(page.edges).toHaveLength(size);
  }
  return pages.flatMap((p) => p.edges.map((e) => e.node.id));
}

// What `search` documents: name or email (case-insensitive substring), phone by its digits
// (when the term has at least four), or a channel identity's external id.
const SEARCH_SQL = `
  SELECT c.id FROM customers.customer c
  WHERE c.name ILIKE '%' || $1 || '%'
     OR lower(c.email) LIKE '%' || lower($1) || '%'
     OR (length(regexp_replace($1, '\\D', '', 'g')) >= 4
         AND regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g')
           LIKE '%' || regexp_replace($1, '\\D', '', 'g') || '%')
     OR EXISTS (SELECT 1 FROM customers.channel_identity i WHERE i.customer_id = c.id AND i.external_id = $1)
  ORDER BY c.created_at DESC, c.id DESC`;

describePlatformSuite('cursor pagination and search through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 150, orders: 1500 });

  const customersPage = async (first: number, after: string | null, search?: string) => {
    const result = await ask(CustomerIdsPageDocument, { first, after, search });
    expect(result.errors).toBeUndefined();
    return result.data!.customers;
  };
  const ordersPage = async (first: number, after: string | null, filter: OrderFilter) => {
    const result = await ask(OrderIdsPageDocument, { first, after, filter });
    expect(result.errors).toBeUndefined();
    return result.data!.orders;
  };
  const ids = async (sql: string, values?: unknown[]) => (await db.rows<{ id: string }>(sql, values)).map((r) => r.id);

  it('walks customers(first: 7) visiting every customer once, newest first', async () => {
    const expected = await ids('SELECT id FROM customers.customer ORDER BY created_at DESC, id DESC');
    const pages = await walk((after) => customersPage(7, after));
    expect(pages).toHaveLength(Math.ceil(expected.length / 7));
    const seen = visited(pages, 7, expected.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
  });

  it('breaks ties on createdAt by id, across a page boundary', async () => {
    // Five customers created in the same millisecond, the newest of all: pages of 3 split them.
    const at = new Date(Date.now() + 60_000);
    await db.query(
      `INSERT INTO customers.customer (id, name, created_at)
       SELECT gen_random_uuid(), 'Tie Breaker ' || n, $1 FROM generate_series(1, 5) n`,
      [at],
    );
    try {
      const expected = await ids('SELECT id FROM customers.customer ORDER BY created_at DESC, id DESC');
      const seen = visited(await walk((after) => customersPage(3, after)), 3, expected.length);
      expect(seen).toEqual(expected);
    } finally {
      await db.query("DELETE FROM customers.customer WHERE name LIKE 'Tie Breaker %'");
    }
  });

  it('walks orders(first: 50, filter: { channel: "tmall" }) against SQL', async () => {
    const expected = await db.rows<{ id: string; placed_at: Date }>(
      "SELECT id, placed_at FROM orders.sales_order WHERE channel_code = 'tmall' ORDER BY placed_at DESC, id DESC",
    );
    // More than two pages, or the walk proves little.
    expect(expected.length).toBeGreaterThan(100);
    const pages = await walk((after) => ordersPage(50, after, { channel: 'tmall' }));
    const seen = visited(pages, 50, expected.length);
    expect(seen).toEqual(expected.map((o) => o.id));
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(new Set(nodes.map((n) => n.channel.code))).toEqual(new Set(['tmall']));
    expect(nodes.map((n) => n.placedAt)).toEqual(expected.map((o) => iso(o.placed_at)));
  });

  it('counts orders by status and placedAfter (inclusive) like SQL', async () => {
    // The boundary is an actual placedAt, so inclusiveness is put to the test.
    const [{ placed_at: boundary }] = await db.rows<{ placed_at: Date }>(
      `SELECT placed_at FROM orders.sales_order WHERE status IN ('DELIVERED', 'RETURNED')
       ORDER BY placed_at LIMIT 1 OFFSET 40`,
    );
    const [{ n }] = await db.rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM orders.sales_order WHERE status IN ('DELIVERED', 'RETURNED') AND placed_at >= $1",
      [boundary],
    );
    const [{ all }] = await db.rows<{ all: number }>(
      "SELECT count(*)::int AS all FROM orders.sales_order WHERE status IN ('DELIVERED', 'RETURNED')",
    );
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    const page = await ordersPage(20, null, { status: ['DELIVERED', 'RETURNED'], placedAfter: iso(boundary) });
    expect(page.totalCount).toBe(n);
    const expectedFirst = await ids(
      `SELECT id FROM orders.sales_order WHERE status IN ('DELIVERED', 'RETURNED') AND placed_at >= $1
       ORDER BY placed_at DESC, id DESC LIMIT 20`,
      [boundary],
    );
    expect(page.edges.map((e) => e.node.id)).toEqual(expectedFirst);
  });

  describe('customers(search:)', () => {
    let target: { id: string; name: string; email: string; phone: string; external_id: string };

    beforeAll(async () => {
      [target] = await db.rows(
        `SELECT c.id, c.name, c.email, c.phone, i.external_id FROM customers.customer c
         JOIN customers.channel_identity i ON i.customer_id = c.id
         WHERE c.email IS NOT NULL AND c.phone IS NOT NULL ORDER BY c.id, i.external_id LIMIT 1`,
      );
    });

    const swapCase = (s: string) =>
      [...s].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');

    const terms: [string, () => string][] = [
      ['a name fragment in swapped case', () => swapCase(target.name.slice(1, -1))],
      ['a name fragment in upper case', () => target.name.split(' ')[0].toUpperCase()],
      ['an email fragment', () => target.email.slice(2, target.email.indexOf('@') + 3)],
      ['the last 8 digits of the phone', () => target.phone.replace(/\D/g, '').slice(-8)],
      ['the phone as typed with spaces', () => target.phone.replace(/^\+86(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3')],
      ["a channel identity's external id", () => target.external_id],
    ];

    it.each(terms)('finds the customer by %s, with the same results as SQL', async (_label, term) => {
      const search = term();
      const expected = await ids(SEARCH_SQL, [search]);
      expect(expected).toContain(target.id);
      const pages = await walk((after) => customersPage(20, after, search));
      expect(visited(pages, 20, expected.length)).toEqual(expected);
    });

    it('a term nothing matches gives an empty connection', async () => {
      const page = await customersPage(20, null, 'zzz-no-such-customer-zzz');
      expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it('takes LIKE wildcards literally', async () => {
      for (const search of ['%', '_']) {
        const page = await customersPage(20, null, search);
        const [{ n }] = await db.rows<{ n: number }>(
          'SELECT count(*)::int AS n FROM customers.customer WHERE strpos(name, $1) > 0 OR strpos(email, $1) > 0',
          [search],
        );
        expect(page.totalCount).toBe(n);
      }
    });
  });
});
