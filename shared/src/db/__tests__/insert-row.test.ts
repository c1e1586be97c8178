import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  affectedRows,
  closeDataSource,
  createDataSource,
  createLogger,
  insertRow,
  returnedRows,
  type Queryable,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';

interface ParcelInsert {
  id: string;
  label: string;
  weight: string;
  tags: string[];
  details: string;
  note?: string | null;
  status?: string;
}

// Checked when the tests are type-checked (tsconfig.tests.json): a row is typed by the table's interface.
void function rowsAreTypedByTheirTable(db: Queryable) {
  // @ts-expect-error the table's interface must be given
  void insertRow(db, 'parcel', { id: 'x' });
  // @ts-expect-error a column the table does not have
  void insertRow<ParcelInsert>(db, 'parcel', { id: 'x', label: 'a', weight: '1', tags: [], details: '{}', colour: 1 });
  // @ts-expect-error a required column left out
  void insertRow<ParcelInsert>(db, 'parcel', { id: 'x', label: 'a', weight: '1', tags: [] });
};

describeEachBackend('insertRow, affectedRows and returnedRows', (backend) => {
  let database: TestDatabase;
  let client: Client;
  let typeorm: DataSource;
  const parcel = (extra: Partial<ParcelInsert> = {}): ParcelInsert => ({
    id: randomUUID(),
    label: 'box "1", \\fragile',
    weight: '1.250',
    tags: ['a,b', 'c "d"'],
    details: JSON.stringify({ size: 'L' }),
    ...extra,
  });

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'insert_row');
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`CREATE TABLE public.parcel (
      id uuid PRIMARY KEY, label text NOT NULL, weight numeric(10,3) NOT NULL, tags text[] NOT NULL,
      details jsonb NOT NULL, note text, status text NOT NULL DEFAULT 'NEW', created_at timestamptz)`);
    typeorm = createDataSource({
      service: 'insert-row-test',
      url: database.url,
      schema: 'public',
      entities: [],
      migrations: [],
      logger: createLogger('insert-row-test', 'silent'),
    });
    await typeorm.initialize();
  });

  afterAll(async () => {
    await closeDataSource(typeorm);
    await client?.end();
    await database?.drop();
  });

  it('pairs values with columns by name, leaves absent columns to their defaults, returns RETURNING rows', async () => {
    const row = parcel({ note: undefined });
    const returned = await insertRow<ParcelInsert, { id: string; status: string; stamped: boolean }>(
      typeorm,
      'parcel AS p',
      row,
      { computed: { created_at: 'now()' }, returning: 'p.id, p.status, p.created_at = now() AS stamped' },
    );

    expect(returned).toEqual([{ id: row.id, status: 'NEW', stamped: true }]);
    const { rows } = await client.query('SELECT label, weight::text, tags, details, note FROM parcel WHERE id = $1', [
      row.id,
    ]);
    expect(rows).toEqual([{ label: row.label, weight: '1.250', tags: row.tags, details: { size: 'L' }, note: null }]);
  });

  it('returns no rows when what follows skips the row, and nothing without RETURNING', async () => {
    const row = parcel();
    expect(await insertRow<ParcelInsert>(client, 'parcel', row)).toEqual([]);
    const again = await insertRow<ParcelInsert, { id: string }>(client, 'parcel', row, {
      onConflict: '(id) DO NOTHING',
      returning: 'id',
    });
    expect(again).toEqual([]);
  });

  it('reads the count of an UPDATE or DELETE from TypeORM and from pg alike', async () => {
    const rows = [parcel({ status: 'HELD' }), parcel({ status: 'HELD' }), parcel()];
    for (const row of rows) await insertRow<ParcelInsert>(client, 'parcel', row);
    const ids = rows.map((r) => r.id);
    const release = "UPDATE parcel SET status = 'OUT' WHERE id = ANY($1) AND status = 'HELD'";

    expect(affectedRows(await typeorm.query(release, [ids.slice(0, 1)]))).toBe(1);
    expect(affectedRows(await client.query(release, [ids]))).toBe(1);
    expect(affectedRows(await typeorm.query(release, [ids]))).toBe(0);
    expect(affectedRows(await typeorm.query('DELETE FROM parcel WHERE id = ANY($1)', [ids]))).toBe(3);
  });

  it('reads returned rows of every statement from TypeORM and from pg alike', async () => {
    const row = parcel();
    await insertRow<ParcelInsert>(typeorm, 'parcel', row);
    const rename = 'UPDATE parcel SET label = $2 WHERE id = $1 RETURNING label';

    expect(returnedRows(await typeorm.query(rename, [row.id, 'one']))).toEqual([{ label: 'one' }]);
    expect(returnedRows(await client.query(rename, [row.id, 'two']))).toEqual([{ label: 'two' }]);
    expect(returnedRows(await typeorm.query('SELECT label FROM parcel WHERE id = $1', [row.id]))).toEqual([
      { label: 'two' },
    ]);
    expect(returnedRows(await typeorm.query('DELETE FROM parcel WHERE id = $1 RETURNING id', [row.id]))).toEqual([
      { id: row.id },
    ]);
  });

  it('refuses to read a count from a result that carries none', async () => {
    const inserted = await typeorm.query(
      "INSERT INTO parcel (id, label, weight, tags, details) VALUES ($1, 'x', 1, '{}', '{}')",
      [randomUUID()],
    );
    expect(() => affectedRows(inserted)).toThrow(/carries no row count/);
  });
});
