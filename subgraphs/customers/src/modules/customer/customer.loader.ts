import DataLoader from 'dataloader';
import { isUuid } from '@supply-graph/shared';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { ChannelIdentityEntity } from './channel-identity.entity';
import { CustomerEntity } from './customer.entity';

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
    customerById: new DataLoader<string, CustomerEntity | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const query = db.getRepository(CustomerEntity).createQueryBuilder('c').where('c.id IN (:...ids)', { ids: valid });
      const rows = valid.length ? await knownInChannels(query, channels).getMany() : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
    identitiesByCustomerId: new DataLoader<string, ChannelIdentityEntity[]>(async (customerIds) => {
      const rows = await db.getRepository(ChannelIdentityEntity).find({
        where: { customerId: In([...customerIds]), ...(channels === null ? {} : { channel: In([...channels]) }) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const grouped = new Map<string, ChannelIdentityEntity[]>();
      for (const row of rows) grouped.set(row.customerId, [...(grouped.get(row.customerId) ?? []), row]);
      return customerIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type CustomerLoaders = ReturnType<typeof createCustomerLoaders>;
