import { bulkInsert, type DemoDataset, type Queryable } from '@supply-graph/shared';

/** True when the customers schema holds no customer yet. */
export async function customersEmpty(db: Queryable): Promise<boolean> {
  const rows = (await db.query('SELECT NOT EXISTS (SELECT 1 FROM customer) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/** Writes the customers' part of the demo data set (customers and channel identities). */
export async function seedCustomers(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query('TRUNCATE channel_identity, customer, outbox, inbox');
  await bulkInsert(
    db,
    'customer',
    [
      { name: 'id', type: 'uuid' },
      { name: 'name', type: 'text' },
      { name: 'email', type: 'text' },
      { name: 'phone', type: 'text' },
      { name: 'email_normalized', type: 'text' },
      { name: 'phone_normalized', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    data.customers.map((c) => [
      c.id,
      c.name,
      c.email,
      c.phone,
      c.email?.trim().toLowerCase() ?? null,
      c.phone?.replace(/\D/g, '') ?? null,
      c.createdAt,
    ]),
  );
  await bulkInsert(
    db,
    'channel_identity',
    [
      { name: 'id', type: 'uuid' },
      { name: 'customer_id', type: 'uuid' },
      { name: 'channel', type: 'text' },
      { name: 'external_id', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    data.identities.map((i) => [i.id, i.customerId, i.channel, i.externalId, i.createdAt]),
  );
}
