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
