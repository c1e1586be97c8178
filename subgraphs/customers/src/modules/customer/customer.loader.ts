import DataLoader from 'dataloader';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { ChannelIdentityEntity } from './channel-identity.entity';
import type { CustomerEntity } from './customer.entity';

/**
 * A customer as the by-id loader reads it: with its value facts (`customer_value`, all null while no order was
 * valued), so the 360 view's `value` costs no statement of its own.
 */
export interface CustomerWithValueRow extends CustomerEntity {
  valueOrders: number | null;
  valueMonetaryMinor: string | null;
  valueFirstOrderAt: Date | null;
  valueLastOrderAt: Date | null;
  valueChannelOrders: Record<string, number> | null;
}

// $2: the caller's channel scope, NULL for every channel (one statement, prepared once, for both).
const CUSTOMERS = preparedRead<CustomerWithValueRow>(
  'customers.customers-by-id',
  `SELECT c.id, c.name, c.email, c.phone, c.email_normalized AS "emailNormalized",
          c.phone_normalized AS "phoneNormalized", c.guest, c.created_at AS "createdAt",
          v.orders AS "valueOrders", v.monetary_minor::text AS "valueMonetaryMinor",
          v.first_order_at AS "valueFirstOrderAt", v.last_order_at AS "valueLastOrderAt",
          v.channel_orders AS "valueChannelOrders"
     FROM customer c LEFT JOIN customer_value v ON v.customer_id = c.id
    WHERE c.id = ANY($1::uuid[])
      AND ($2::text[] IS NULL
           OR EXISTS (SELECT 1 FROM channel_identity k WHERE k.customer_id = c.id AND k.channel = ANY($2::text[])))`,
);
const IDENTITIES = preparedRead<ChannelIdentityEntity>(
  'customers.identities-by-customer',
  `SELECT id, customer_id AS "customerId", channel, external_id AS "externalId", created_at AS "createdAt"
     FROM channel_identity
    WHERE customer_id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR channel = ANY($2::text[]))
    ORDER BY created_at, id`,
);

/**
 * Limits a query on customers (aliased `c`) to those a channel-scoped caller
 * knows: the ones with an account on one of its channels. null: every channel.
 */
export function knownInChannels<T extends CustomerEntity>(
  qb: SelectQueryBuilder<T>,
  channels: readonly string[] | null,
): SelectQueryBuilder<T> {
  if (channels === null) return qb;
  return qb.andWhere(
    'EXISTS (SELECT 1 FROM channel_identity k WHERE k.customer_id = c.id AND k.channel = ANY(:scope))',
    { scope: [...channels] },
  );
}

/**
 * Per-request loaders: one SQL statement per relation per request, whatever
 * the page size. `channels` is the caller's channel scope (null: every
 * channel): a customer without an account on those channels loads as null,
 * so lookups and `Customer` references from other subgraphs read it as
 * absent, and only the accounts on those channels are listed.
 */
export function createCustomerLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    customerById: new DataLoader<string, CustomerWithValueRow | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await readRows(db, CUSTOMERS, [valid, channels]) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
    identitiesByCustomerId: new DataLoader<string, ChannelIdentityEntity[]>(async (customerIds) => {
      const valid = customerIds.filter(isUuid);
      const rows = valid.length ? await readRows(db, IDENTITIES, [valid, channels]) : [];
      const grouped = new Map<string, ChannelIdentityEntity[]>();
      for (const row of rows) {
        const list = grouped.get(row.customerId);
        if (list) list.push(row);
        else grouped.set(row.customerId, [row]);
      }
      return customerIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type CustomerLoaders = ReturnType<typeof createCustomerLoaders>;
