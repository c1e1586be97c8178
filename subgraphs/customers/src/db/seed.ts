import { insertRows, type DemoDataset, type Queryable } from '@supply-graph/shared';
import { isWalkIn, seedCustomerValue } from './seed-value';

/** True when the customers schema holds no customer yet. */
export async function customersEmpty(db: Queryable): Promise<boolean> {
  const rows = (await db.query('SELECT NOT EXISTS (SELECT 1 FROM customer) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/** Writes the customers' part of the demo data set (customers, channel identities, their value). */
export async function seedCustomers(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query('TRUNCATE channel_identity, customer, customer_value, customer_value_order, outbox, inbox');
  const guests = new Set(data.identities.filter(isWalkIn).map((i) => i.customerId));
  await insertRows(
    db,
    'customer',
    {
      id: 'uuid',
      name: 'text',
      email: 'text',
      phone: 'text',
      email_normalized: 'text',
      phone_normalized: 'text',
      guest: 'boolean',
      created_at: 'timestamptz',
    },
    data.customers.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      email_normalized: c.email?.trim().toLowerCase() ?? null,
      phone_normalized: c.phone?.replace(/\D/g, '') ?? null,
      guest: guests.has(c.id),
      created_at: c.createdAt,
    })),
  );
  await insertRows(
    db,
    'channel_identity',
    { id: 'uuid', customer_id: 'uuid', channel: 'text', external_id: 'text', created_at: 'timestamptz' },
    data.identities.map((i) => ({
      id: i.id,
      customer_id: i.customerId,
      channel: i.channel,
      external_id: i.externalId,
      created_at: i.createdAt,
    })),
  );
  await seedCustomerValue(db, data);
}
