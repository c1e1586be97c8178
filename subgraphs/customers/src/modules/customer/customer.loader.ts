import DataLoader from 'dataloader';
import { isUuid } from '@supply-graph/shared';
import { In, type DataSource } from 'typeorm';
import { ChannelIdentityEntity } from './channel-identity.entity';
import { CustomerEntity } from './customer.entity';

/** Per-request loaders: one SQL statement per relation per request, whatever the page size. */
export function createCustomerLoaders(db: DataSource) {
  return {
    customerById: new DataLoader<string, CustomerEntity | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.getRepository(CustomerEntity).findBy({ id: In(valid) }) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
    identitiesByCustomerId: new DataLoader<string, ChannelIdentityEntity[]>(async (customerIds) => {
      const rows = await db.getRepository(ChannelIdentityEntity).find({
        where: { customerId: In([...customerIds]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const grouped = new Map<string, ChannelIdentityEntity[]>();
      for (const row of rows) grouped.set(row.customerId, [...(grouped.get(row.customerId) ?? []), row]);
      return customerIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type CustomerLoaders = ReturnType<typeof createCustomerLoaders>;
