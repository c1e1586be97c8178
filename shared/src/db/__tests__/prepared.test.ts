import { randomUUID } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';
import {
  AppError,
  closeDataSource,
  createDataSource,
  preparedRead,
  readBuiltRows,
  readRows,
  runInRequestScope,
  sqlStatementCount,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, memoryLogger, type TestDatabase } from '@supply-graph/shared/testing';

interface Crate {
  id: string;
  label: string;
  weight: string;
  packedAt: Date;
}

const CRATES = preparedRead<Crate>(
  'test.crates-by-id',
  `SELECT id, label, weight, packed_at AS "packedAt" FROM crate WHERE id = ANY($1::uuid[]) ORDER BY label`,
);
/** The statements this connection has prepared, by name. */
const PREPARED = preparedRead<{ name: string }>(
  'test.prepared-statements',
  'SELECT name FROM pg_prepared_statements ORDER BY name',
);

describeEachBackend('prepared reads (readRows, readBuiltRows)', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  const log = memoryLogger();
  const service = `prepared-test-${backend.name}`;
  const ids = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'prepared_read');
    // One connection: what it has prepared is what every read used.
    db = createDataSource({
      service,
      url: database.url,
      schema: 'public',
      entities: [],
      migrations: [],
      poolSize: 1,
      logger: log.logger,
    });
    await db.initialize();
    await db.query(
      'CREATE TABLE crate (id uuid PRIMARY KEY, label text NOT NULL, weight numeric(8,3), packed_at timestamptz)',
    );
    await db.query(
      `INSERT INTO crate VALUES ($1, 'b', 2.5, '2026-01-02T03:04:05Z'), ($2, 'a', 1, '2026-01-01T00:00:00Z')`,
      ids,
    );
  });

  afterAll(async () => {
    await closeDataSource(db);
    await database?.drop();
  });

  it('returns rows named by their aliases, typed as pg types them, from a statement prepared once', async () => {
    const rows = await readRows(db, CRATES, [ids]);
    expect(rows).toEqual([
      { id: ids[1], label: 'a', weight: '1.000', packedAt: new Date('2026-01-01T00:00:00Z') },
      { id: ids[0], label: 'b', weight: '2.500', packedAt: new Date('2026-01-02T03:04:05Z') },
    ]);
    expect(await readRows(db, CRATES, [[ids[0]]])).toHaveLength(1);
    const prepared = (await readRows(db, PREPARED, [])).map((r) => r.name);
    expect(prepared).toEqual(expect.arrayContaining(['test.crates-by-id', 'test.prepared-statements']));
  });

  it('prepares each distinct built text under a name of its own, and reuses it', async () => {
    const byLabel = 'SELECT id FROM crate WHERE label = $1';
    const byWeight = 'SELECT id FROM crate WHERE weight > $1';
    expect(await readBuiltRows(db, byLabel, ['a'])).toEqual([{ id: ids[1] }]);
    expect(await readBuiltRows(db, byLabel, ['b'])).toEqual([{ id: ids[0] }]);
    expect(await readBuiltRows(db, byWeight, [2])).toEqual([{ id: ids[0] }]);
    const built = (await readRows(db, PREPARED, [])).map((r) => r.name).filter((n) => n.startsWith('built-'));
    expect(built).toHaveLength(2);
  });

  it('counts every statement it sends with the service request statements', async () => {
    const before = await sqlStatementCount(service);
    await readRows(db, CRATES, [ids]);
    await readBuiltRows(db, 'SELECT count(*)::int AS n FROM crate', []);
    expect((await sqlStatementCount(service)) - before).toBe(2);
  });

  it('fails as TypeORM does, logging the statement without its parameters', async () => {
    const broken = preparedRead<{ id: string }>('test.broken', 'SELECT id FROM crate WHERE missing = $1');
    const failure = await readRows(db, broken, ['secret-value']).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('42703');
    expect(log.text()).toContain('WHERE missing = $1');
    expect(log.text()).not.toContain('secret-value');
    // The connection stays usable.
    expect(await readRows(db, CRATES, [[ids[0]]])).toHaveLength(1);
  });

  it('sends nothing for a request past its deadline', async () => {
    const controller = new AbortController();
    controller.abort(new AppError('DEADLINE_EXCEEDED', 'past its deadline'));
    const before = await sqlStatementCount(service);
    const refused = runInRequestScope({ signal: controller.signal, deadline: Date.now() }, () =>
      readRows(db, CRATES, [ids]),
    );
    await expect(refused).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect(await sqlStatementCount(service)).toBe(before);
  });

  it('refuses one name declared for two different statements', () => {
    expect(() => preparedRead('test.crates-by-id', 'SELECT 1')).toThrow(/declared twice/);
    expect(preparedRead('test.crates-by-id', CRATES.text)).toEqual(CRATES);
  });
});
