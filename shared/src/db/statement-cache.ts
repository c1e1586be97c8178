import type { Pool, PoolClient } from 'pg';
import { traceStatement } from '../telemetry/spans';
import { tracingOn } from '../telemetry/tracing';

/** A statement text run this often with parameters is prepared by name from its next run on. */
export const PREPARE_AFTER_RUNS = 3;
/** Distinct texts prepared at most per process (PostgreSQL keeps each one on every connection that ran it). */
const PREPARED_LIMIT = 1000;
/** Texts counted at most before the counts start over (texts with literals inlined would otherwise pile up). */
const COUNTED_LIMIT = 10_000;

/** Text -> statement name, shared by every pool of the process: one name always means one text. */
const names = new Map<string, string>();
const runs = new Map<string, number>();

/** The name a text runs under once it has run often enough; undefined while it runs unnamed. */
function nameFor(text: string): string | undefined {
  const name = names.get(text);
  if (name !== undefined || names.size >= PREPARED_LIMIT) return name;
  const count = (runs.get(text) ?? 0) + 1;
  if (count < PREPARE_AFTER_RUNS) {
    if (runs.size >= COUNTED_LIMIT) runs.clear();
    runs.set(text, count);
    return undefined;
  }
  runs.delete(text);
  const fresh = `auto-${names.size + 1}`;
  names.set(text, fresh);
  return fresh;
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * A statement cache on every connection of the pool, as pgx, asyncpg and
 * JDBC (`prepareThreshold`) keep one: a parameterised statement that the
 * process runs again and again (the consumers' inbox and outbox inserts, the
 * relays' updates, the intake's checks) is sent as a named statement after
 * its first few runs, so each connection parses it once and, with the
 * connection's generic plans (data-source.ts), plans it once, instead of
 * at every call. Measured on intake with PostgreSQL's statement log: parse
 * and bind (planning) of TypeORM's unnamed statements were most of
 * PostgreSQL's time per order after the commits.
 *
 * Only calls with a text and a non-empty parameter array are named: they go
 * through the extended protocol already, one statement each, so naming them
 * changes nothing but the caching. Texts without parameters (several
 * statements in one, DDL, transaction control) run as before.
 */
export function cacheFrequentStatements(pool: Pool, service: string): void {
  // On checkout, not on connect: the connection TypeORM opened while initialising is in the pool already.
  pool.on('acquire', (client: PoolClient) => {
    if (cached.has(client)) return;
    cached.add(client);
    const query = client.query as unknown as QueryFn;
    const send: QueryFn = function (this: unknown, config, values, callback) {
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
        const name = nameFor(config);
        if (name !== undefined) return query.call(this, { name, text: config, values }, callback);
      }
      return query.call(this, config, values, callback);
    };
    // Every statement of the service passes here (TypeORM's and the prepared reads): the one place for its span.
    (client as unknown as { query: QueryFn }).query = function (config, values, callback) {
      if (!tracingOn() || typeof callback === 'function' || typeof values === 'function')
        return send.call(this, config, values, callback);
      const text = typeof config === 'string' ? config : (config as { text?: string }).text;
      if (typeof text !== 'string') return send.call(this, config, values, callback);
      return traceStatement(service, text, () => send.call(this, config, values) as Promise<unknown>);
    };
  });
}

const cached = new WeakSet<PoolClient>();
