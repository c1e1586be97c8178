import {
  badUserInput,
  encodeCursor,
  pageArgs,
  seesChannel,
  toPage,
  type DecodedCursor,
  type Page,
} from '@supply-graph/shared';
import type { CustomersContext } from '../../context';
import { ChannelIdentityEntity } from './channel-identity.entity';
import { CustomerEntity } from './customer.entity';
import { knownInChannels, type CustomerWithValueRow } from './customer.loader';
import type { CustomerValueRow } from '../value/customer-value.loader';
import { isUuid } from '@supply-graph/shared';
import type { Customer } from './customer.type';
import type { CustomerTier } from '../value/value-score';

export interface CustomerSearchArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  /** Only customers whose stored value tier is this one. */
  tier?: CustomerTier | null;
}

const toCustomer = (row: CustomerEntity | CustomerWithValueRow): Customer => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  guest: row.guest,
  createdAt: row.createdAt,
  ...('valueOrders' in row ? { valueFacts: valueFactsOf(row) } : {}),
});

/** The value facts read with the customer; null when none is stored (no order valued yet). */
function valueFactsOf(row: CustomerWithValueRow): CustomerValueRow | null {
  if (row.valueOrders === null) return null;
  return {
    customerId: row.id,
    orders: row.valueOrders,
    monetaryMinor: row.valueMonetaryMinor ?? '0',
    firstOrderAt: row.valueFirstOrderAt,
    lastOrderAt: row.valueLastOrderAt,
    channelOrders: row.valueChannelOrders ?? {},
  };
}

const cursorOf = (c: Customer) => encodeCursor(c.createdAt.toISOString(), c.id);

/**
 * Reads of the golden customer. Writes (identity resolution at order intake)
 * live in identity/. A channel-scoped caller reads only the customers with an
 * account on one of its channels; any other reads as null and is left out of lists.
 */
export const customerService = {
  async findById(ctx: CustomersContext, id: string): Promise<Customer | null> {
    const row = await ctx.loaders.customerById.load(id);
    return row && toCustomer(row);
  },

  /** Null too for an account on a channel outside the caller's: it may not learn whose account it is. */
  async findByIdentity(ctx: CustomersContext, channel: string, externalId: string): Promise<Customer | null> {
    const code = channel.toLowerCase();
    if (!seesChannel(ctx.principal, code)) return null;
    const identity = await ctx.db.getRepository(ChannelIdentityEntity).findOneBy({ channel: code, externalId });
    return identity ? this.findById(ctx, identity.customerId) : null;
  },

  async identities(ctx: CustomersContext, customerId: string) {
    const rows = await ctx.loaders.identitiesByCustomerId.load(customerId);
    return rows.map((row) => ({ channel: row.channel, externalId: row.externalId }));
  },

  /**
   * Newest customers first. `search` matches name and email (case-insensitive
   * substring), phone (by digits) and a channel identity's external id (for a
   * channel-scoped caller, one on its channels). `tier`: only customers of that value tier.
   */
  async search(ctx: CustomersContext, args: CustomerSearchArgs): Promise<Page<Customer>> {
    const page = pageArgs(args.first, args.after);
    const first = page.first;
    const after = page.after && checkCursor(page.after);
    const channels = ctx.principal.channels;
    const qb = knownInChannels(ctx.db.getRepository(CustomerEntity).createQueryBuilder('c'), channels);
    const term = args.search?.trim();
    if (term) {
      const digits = term.replace(/\D/g, '');
      const clauses = [
        'c.name ILIKE :like',
        'c.email_normalized LIKE :lowerLike',
        `EXISTS (SELECT 1 FROM channel_identity i WHERE i.customer_id = c.id AND i.external_id =
          :term${channels ? ' AND i.channel = ANY(:scope)' : ''})`,
      ];
      if (digits.length >= 4) clauses.push('c.phone_normalized LIKE :digits');
      qb.andWhere(`(${clauses.join(' OR ')})`, {
        like: `%${escapeLike(term)}%`,
        lowerLike: `%${escapeLike(term.toLowerCase())}%`,
        term,
        digits: `%${digits}%`,
      });
    }
    if (args.tier) {
      // The tier the value consumer and the rescore job stored (at most one rescore interval behind a recency step).
      qb.andWhere('EXISTS (SELECT 1 FROM customer_value v WHERE v.customer_id = c.id AND v.tier = :tier)', {
        tier: args.tier,
      });
    }
    const totalCount = await qb.clone().getCount();
    if (after) {
      qb.andWhere('(c.created_at, c.id) < (:afterAt, :afterId)', { afterAt: after.createdAt, afterId: after.id });
    }
    const rows = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(first + 1)
      .getMany();
    return toPage(rows.map(toCustomer), first, totalCount, cursorOf);
  },
};

// A well-formed cursor from another list (or a forged one) must not reach SQL as garbage.
function checkCursor(cursor: DecodedCursor): { createdAt: Date; id: string } {
  const at = typeof cursor.sortKey === 'string' ? new Date(cursor.sortKey) : null;
  if (!at || Number.isNaN(at.getTime()) || !isUuid(cursor.id)) {
    throw badUserInput('"after" is not a cursor of a customer list. Use a cursor returned by this API.');
  }
  return { createdAt: at, id: cursor.id.toLowerCase() };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}
