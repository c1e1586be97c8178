import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { insertRows, pgTextArray, type ColumnTypes, type Queryable } from '@supply-graph/shared';
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

type Stored = Omit<Row, 'tags'> & { tags: string | null };

const COLUMNS: ColumnTypes<Stored> = {
  id: 'uuid',
  seq: 'int4',
  name: 'text',
  amount: 'numeric',
  at: 'timestamptz',
  note: 'text',
  tags: { type: 'text', cast: 'text[]' },
};

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

// Checked when the tests are type-checked (tsconfig.tests.json): the types name exactly the rows' columns.
void function columnTypesNameTheRowsColumns(db: Queryable) {
  const row = { id: randomUUID(), seq: 1 };
  // @ts-expect-error a column of the rows has no type
  void insertRows(db, 'item', { id: 'uuid' }, [row]);
  // @ts-expect-error a type for a column the rows do not have
  void insertRows(db, 'item', { id: 'uuid', seq: 'int4', sku: 'text' }, [row]);
};

describeEachBackend('insertRows', (backend) => {
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

    await insertRows(
      counting,
      'item',
      COLUMNS,
      rows.map((r) => ({ ...r, tags: r.tags && pgTextArray(r.tags) })),
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
    const rows = [0, 1, 2, 3, 4].map((i) => ({
      id: randomUUID(),
      seq: i,
      name: 'x',
      amount: '1.50',
      at: row.at,
      note: undefined,
      tags: undefined,
    }));

    await insertRows(counting, 'item', COLUMNS, rows, { chunkSize: 2 });

    expect(statements).toHaveLength(3);
    const { rows: stored } = await client.query('SELECT note, tags, amount::text AS amount FROM item ORDER BY seq');
    expect(stored).toEqual(rows.map(() => ({ note: null, tags: null, amount: '1.50' })));
  });

  it('writes nothing for no rows', async () => {
    const statements: string[] = [];
    const counting = { query: (text: string) => Promise.resolve(statements.push(text)) };
    expect(await insertRows<Stored>(counting, 'item', COLUMNS, [])).toEqual([]);
    expect(statements).toEqual([]);
  });

  it('adds computed columns, runs what follows the rows, and returns RETURNING rows of every chunk', async () => {
    await client.query('ALTER TABLE item ADD COLUMN stamped_at timestamptz');
    const rows = makeRows(5).map((r) => ({ ...r, tags: null }));
    await insertRows(client, 'item', COLUMNS, rows.slice(0, 2));

    const returned = await insertRows<Stored, { seq: number; same: boolean }>(client, 'item', COLUMNS, rows, {
      computed: { stamped_at: 'now()' },
      onConflict: '(id) DO NOTHING',
      returning: 'seq, stamped_at = now() AS same',
      chunkSize: 2,
    });

    expect(returned).toEqual([2, 3, 4].map((seq) => ({ seq, same: true })));
    const { rows: stamped } = await client.query('SELECT seq FROM item WHERE stamped_at IS NOT NULL ORDER BY seq');
    expect(stamped).toEqual([{ seq: 2 }, { seq: 3 }, { seq: 4 }]);
  });
});

describe('pgTextArray', () => {
  it('quotes every element and escapes quotes and backslashes', () => {
    expect(pgTextArray(['a', 'b "c"', 'd\\e', 'f,g'])).toBe('{"a","b \\"c\\"","d\\\\e","f,g"}');
    expect(pgTextArray([])).toBe('{}');
  });
});
