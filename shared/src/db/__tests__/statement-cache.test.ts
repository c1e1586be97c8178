import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';
import { closeDataSource, createDataSource, initializeDatabase, PREPARE_AFTER_RUNS } from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, memoryLogger, type TestDatabase } from '@supply-graph/shared/testing';

describeEachBackend('the statement cache of every connection', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  /** One connection of the pool: what it has prepared is what every statement here used. */
  let conn: QueryRunner;

  const prepared = async () =>
    (await conn.query('SELECT name, statement FROM pg_prepared_statements ORDER BY name')) as {
      name: string;
      statement: string;
    }[];

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'statement_cache');
    db = createDataSource({
      service: `statement-cache-${backend.name}`,
      url: database.url,
      schema: 'cache_test',
      entities: [],
      migrations: [],
      logger: memoryLogger().logger,
    });
    await initializeDatabase(db, 'cache_test');
    await db.query('CREATE TABLE parcel (id int PRIMARY KEY, label text NOT NULL)');
    conn = db.createQueryRunner();
    await conn.connect();
  });

  afterAll(async () => {
    await conn?.release();
    await closeDataSource(db);
    await database?.drop();
  });

  it('prepares a parameterised statement once it has run a few times, and answers the same', async () => {
    const text = 'SELECT $1::int * 2 AS doubled, $2::text AS label';
    const answers: unknown[] = [];
    for (let i = 1; i <= PREPARE_AFTER_RUNS + 3; i += 1) answers.push(...(await conn.query(text, [i, `p${i}`])));
    expect(answers).toEqual(
      Array.from({ length: PREPARE_AFTER_RUNS + 3 }, (_, k) => ({ doubled: 2 * (k + 1), label: `p${k + 1}` })),
    );
    const mine = (await prepared()).filter((p) => p.statement === text);
    expect(mine).toEqual([{ name: expect.stringMatching(/^auto-\d+$/), statement: text }]);
  });

  it('leaves statements without parameters and rarely run ones unprepared', async () => {
    for (let i = 0; i < PREPARE_AFTER_RUNS + 2; i += 1) await conn.query('SELECT 41 + 1 AS answer');
    await conn.query('SELECT $1::int AS once', [1]);
    const texts = (await prepared()).map((p) => p.statement);
    expect(texts).not.toContain('SELECT 41 + 1 AS answer');
    expect(texts).not.toContain('SELECT $1::int AS once');
  });

  it('fails a prepared statement as any other, and the connection goes on serving', async () => {
    const insert = 'INSERT INTO parcel (id, label) VALUES ($1, $2)';
    for (let id = 1; id <= PREPARE_AFTER_RUNS + 1; id += 1) await conn.query(insert, [id, `parcel ${id}`]);
    expect((await prepared()).map((p) => p.statement)).toContain(insert);

    const duplicate = await conn.query(insert, [1, 'again']).catch((err: unknown) => err);
    expect(duplicate).toBeInstanceOf(QueryFailedError);
    expect((duplicate as { driverError: { code: string } }).driverError.code).toBe('23505');
    await conn.startTransaction();
    await conn.query(insert, [100, 'in a transaction']);
    await expect(conn.query(insert, [100, 'twice'])).rejects.toThrow(/duplicate key/);
    await conn.rollbackTransaction();
    await conn.query(insert, [101, 'after']);
    expect(await conn.query('SELECT id FROM parcel WHERE id >= $1 ORDER BY id', [100])).toEqual([{ id: 101 }]);
  });
});
