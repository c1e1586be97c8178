import { runInBackground, SqlLogger, sqlStatementCount } from '@supply-graph/shared';
import { memoryLogger } from '@supply-graph/shared/testing';

const EMAIL = 'zhang.li@example.com';

/** What node-postgres reports for a unique violation: the row's value is in `detail`. */
function uniqueViolation(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "customer_email_key"'), {
    code: '23505',
    detail: `Key (email)=(${EMAIL}) already exists.`,
  });
}

describe('SqlLogger', () => {
  const SQL = 'SELECT id FROM customer WHERE email_normalized = $1 AND phone_normalized = $2';
  const PARAMETERS = [EMAIL, '8613800000923'];

  it('logs a failed statement with its parameter count, never the parameters', () => {
    const { logger, text, lines } = memoryLogger();
    new SqlLogger('customers', logger).logQueryError(uniqueViolation(), SQL, PARAMETERS);
    expect(text()).not.toContain(EMAIL);
    expect(text()).not.toContain('8613800000923');
    expect(lines()[0]).toMatchObject({ msg: 'sql failed', sql: SQL, parameterCount: 2 });
  });

  it('logs a lock timeout, deadlock or lost connection at info with its code, without a stack', () => {
    const { logger, text, lines } = memoryLogger();
    const lockTimeout = Object.assign(new Error('canceling statement due to lock timeout'), {
      code: '55P03',
      detail: `Key (email)=(${EMAIL})`,
    });
    new SqlLogger('customers', logger).logQueryError(lockTimeout, SQL, PARAMETERS);
    expect(lines()[0]).toMatchObject({ level: 'info', msg: 'sql failed (transient)', code: '55P03', sql: SQL });
    expect(text()).not.toContain('stack');
    expect(text()).not.toContain(EMAIL);
    // Anything else stays a warning.
    new SqlLogger('customers', logger).logQueryError(uniqueViolation(), SQL, PARAMETERS);
    expect(lines()[1]).toMatchObject({ level: 'warn', msg: 'sql failed' });
  });

  it('logs a slow statement with its parameter count, never the parameters', () => {
    const { logger, text, lines } = memoryLogger();
    new SqlLogger('customers', logger).logQuerySlow(1500, SQL, PARAMETERS);
    expect(text()).not.toContain(EMAIL);
    expect(lines()[0]).toMatchObject({ msg: 'slow sql', ms: 1500, sql: SQL, parameterCount: 2 });
  });

  it('warns of slow statements only once the service has started', async () => {
    const { logger, lines } = memoryLogger('trace');
    const sql = new SqlLogger('customers', logger);
    let started = () => {};
    sql.quietUntil(new Promise<void>((resolve) => (started = resolve)));
    sql.logQuerySlow(4500, SQL, PARAMETERS);
    started();
    await new Promise((r) => setImmediate(r));
    sql.logQuerySlow(1500, SQL, PARAMETERS);
    expect(lines().map((line) => [line.level, line.msg, line.ms])).toEqual([
      ['debug', 'slow sql while starting', 4500],
      ['warn', 'slow sql', 1500],
    ]);
  });

  it('traces every statement with its parameter count, never the parameters', () => {
    const { logger, text, lines } = memoryLogger('trace');
    new SqlLogger('customers', logger).logQuery(SQL, PARAMETERS);
    expect(text()).not.toContain(EMAIL);
    expect(lines()[0]).toMatchObject({ msg: 'sql', sql: SQL, parameterCount: 2 });
  });

  it('counts statements of periodic jobs with the event machinery, not as request work', async () => {
    const count = (origin: 'request' | 'events') => sqlStatementCount('jobs-test', origin);
    const sql = new SqlLogger('jobs-test', memoryLogger().logger);
    sql.logQuery('SELECT 1');
    await runInBackground(async () => {
      await Promise.resolve();
      sql.logQuery('SELECT 2');
    });
    expect({ request: await count('request'), events: await count('events') }).toEqual({ request: 1, events: 1 });
  });
});
