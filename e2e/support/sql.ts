import { Client } from 'pg';

/** Direct SQL on the platform's database: the ground truth the API is checked against. */
export async function sqlClient(
  url: string,
): Promise<Client & { rows<T>(text: string, values?: unknown[]): Promise<T[]> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return Object.assign(client, {
    async rows<T>(text: string, values?: unknown[]): Promise<T[]> {
      return (await client.query(text, values)).rows as T[];
    },
  });
}

/** A client of `sqlClient`. */
export type Sql = Awaited<ReturnType<typeof sqlClient>>;

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Where and how `poisonInserts` makes PostgreSQL refuse rows. */
export interface Poison {
  /** The table, e.g. `inventory.allocation`; the trigger is `poison` on it (`DROP TRIGGER poison ON ...` cures). */
  table: string;
  /** The trigger function's qualified name. */
  fn: string;
  /** Which rows: a condition on NEW. */
  when: string;
  /** RAISE EXCEPTION's arguments: the message, and values for its `%`. */
  raise: string;
}

/**
 * A real poison: PostgreSQL refuses every insert of the rows `when` picks, with
 * SQLSTATE 22003 (integer out of range), as a bug or bad data would, every time.
 */
export async function poisonInserts(db: Sql, { table, fn, when, raise }: Poison): Promise<void> {
  await db.query(`
    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${when} THEN
        RAISE EXCEPTION ${raise} USING ERRCODE = '22003';
      END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER poison BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
}
