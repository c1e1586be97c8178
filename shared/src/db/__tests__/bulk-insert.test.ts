import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bulkInsert, pgTextArray, type BulkColumn } from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';

interface Row {
  id: string;
  seq: number;
  name: string;
  amount: string;
  at: Date;
  note: string | null;
  tags: string[] | null;
}

const COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'seq', type: 'int4' },
  { name: 'name', type: 'text' },
  { name: 'amount', type: 'numeric' },
  { name: 'at', type: 'timestamptz' },
  { name: 'note', type: 'text' },
  { name: 'tags', type: 'text', cast: 'text[]' },
];

// Array elements that need quoting or escaping in a PostgreSQL array literal.
const AWKWARD = [
  'plain',
  'with "quotes"',
  'a,b',
  'back\\slash',
  'trailing\\',
  '{braces}',
  ' padded ',
  '',
  'NULL',
  '分拣中心',
  "it's",
];

function makeRows(count: number): Row[] {
  const start = Date.UTC(2026, 5, 1, 8, 0, 0);
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    seq: i,
    name: `order "${i}", line\\${i % 7}`,
    amount: `${Math.floor(i * 13.37)}.${String(i % 100).padStart(2, '0')}`,
    at: new Date(start + i * 61_001),
    note: i % 3 === 0 ? null : `note ${i}`,
    tags: i % 11 === 0 ? null : i % 5 === 0 ? [] : [AWKWARD[i % AWKWARD.length], AWKWARD[(i * 7) % AWKWARD.length]],
  }));
}

describeEachBackend('bulkInsert', (backend) => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase(backend.adminUrl, 'bulk_insert');
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  beforeEach(async () => {
    await client.query('DROP TABLE IF EXISTS item');
    await client.query(`CREATE TABLE item (
      id uuid PRIMARY KEY, seq int NOT NULL, name text NOT NULL, amount numeric(14, 2) NOT NULL,
      at timestamptz NOT NULL, note text, tags text[])`);
  });

  it('writes 12,000 rows over several chunks and reads every value back unchanged', async () => {
    const rows = makeRows(12_000);
    const statements: string[] = [];
    const counting = {
      query: (text: string, values?: unknown[]) => {
        statements.push(text);
        return client.query(text, values);
      },
    };

    await bulkInsert(
      counting,
      'item',
      COLUMNS,
      rows.map((r) => [r.id, r.seq, r.name, r.amount, r.at, r.note, r.tags && pgTextArray(r.tags)]),
    );

    expect(statements).toHaveLength(3);
    const { rows: stored } = await client.query<Row>(
      'SELECT id, seq, name, amount::text AS amount, at, note, tags FROM item ORDER BY seq',
    );
    expect(stored).toHaveLength(rows.length);
    expect(stored).toEqual(rows);
  });

  it('stores undefined as NULL and honours a custom chunk size', async () => {
    const [row] = makeRows(1);
    const statements: string[] = [];
    const counting = {
      query: (text: string, values?: unknown[]) => {
        statements.push(text);
        return client.query(text, values);
      },
    };
    const rows = [0, 1, 2, 3, 4].map((i) => [randomUUID(), i, 'x', '1.50', row.at, undefined, undefined]);

    await bulkInsert(counting, 'item', COLUMNS, rows, 2);

    expect(statements).toHaveLength(3);
    const { rows: stored } = await client.query('SELECT note, tags, amount::text AS amount FROM item ORDER BY seq');
    expect(stored).toEqual(rows.map(() => ({ note: null, tags: null, amount: '1.50' })));
  });

  it('writes nothing for no rows', async () => {
    await bulkInsert(client, 'item', COLUMNS, []);
    const { rows } = await client.query('SELECT count(*)::int AS n FROM item');
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('pgTextArray', () => {
  it('quotes every element and escapes quotes and backslashes', () => {
    expect(pgTextArray(['a', 'b "c"', 'd\\e', 'f,g'])).toBe('{"a","b \\"c\\"","d\\\\e","f,g"}');
    expect(pgTextArray([])).toBe('{}');
  });
});
