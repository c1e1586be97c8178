import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import { sqlStatements } from '../metrics/registry';
import { throwIfRequestAborted } from '../server/request-scope';
import { isTransientFailure } from '../events/retry-policy';
import { inBackground } from './sql-origin';

/**
 * TypeORM logger that counts every statement per service (the N+1 tests and
 * benchmarks read the counter) and writes slow and failed queries to pino.
 * It logs statements and how many parameters they had, never the parameters:
 * they are customers' names, emails, phones and addresses.
 */
export class SqlLogger implements TypeOrmLogger {
  private readonly counter;
  private readonly eventsCounter;
  private closing = false;
  private quietPeriods = 0;

  constructor(
    readonly service: string,
    private readonly logger: Logger,
  ) {
    this.counter = sqlStatements.labels({ service, origin: 'request' });
    this.eventsCounter = sqlStatements.labels({ service, origin: 'events' });
  }

  /**
   * Called before the pool is closed: pg resolves `pool.end()` before every
   * socket has said goodbye, so PostgreSQL stopping right after may still cut
   * a connection. That is expected then, not worth a warning.
   */
  closingPool(): void {
    this.closing = true;
  }

  /**
   * Until `until` settles, slow statements are logged at debug instead of as
   * warnings. While a service starts (migrations, the demo data, the first
   * events) its statements wait on each other and on one busy event loop: that
   * is start-up, not slow SQL worth a warning.
   */
  quietUntil(until: Promise<unknown>): void {
    this.quietPeriods++;
    const end = () => {
      this.quietPeriods--;
    };
    until.then(end, end);
  }

  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    // Work done for events (relay, consumers) and periodic jobs is told apart so request costs stay measurable.
    if ((queryRunner?.data as { origin?: string } | undefined)?.origin === 'events' || inBackground())
      this.eventsCounter.inc();
    else {
      // TypeORM calls this before sending the statement: a request past its deadline sends no more SQL
      // (statements already queued for a pool connection included).
      throwIfRequestAborted();
      this.counter.inc();
    }
    if (this.logger.isLevelEnabled('trace'))
      this.logger.trace({ sql: query, parameterCount: parameters?.length ?? 0 }, 'sql');
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    const parameterCount = parameters?.length ?? 0;
    // A lock timeout, deadlock or lost connection says nothing about the statement: under load it happens, and its
    // caller retries it (consumers) or answers SERVICE_UNAVAILABLE (requests). Its code is enough; no stack.
    if (isTransientFailure(error)) {
      const { code, message } = error as { code?: string; message?: string };
      this.logger.info({ code, error: message ?? String(error), sql: query, parameterCount }, 'sql failed (transient)');
      return;
    }
    // The error's own copy of the parameters and PostgreSQL's `detail` (the row's values) are redacted by the logger.
    this.logger.warn({ err: error, sql: query, parameterCount }, 'sql failed');
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    const line = { ms: time, sql: query, parameterCount: parameters?.length ?? 0 };
    if (this.quietPeriods > 0) this.logger.debug(line, 'slow sql while starting');
    else this.logger.warn(line, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info({ service: this.service }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, _queryRunner?: QueryRunner): void {
    if (level === 'warn' && !this.closing) this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
