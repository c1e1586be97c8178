import { formatMinorUnits } from './money-format';
import type { CustomersContext } from '../../context';
import { valueSettingsOf } from '../../config';
import type { Customer } from '../customer/customer.type';
import type { CustomerValueRow } from './customer-value.loader';
import type { ChannelShare, CustomerValue } from './customer-value.type';
import { scoreValue } from './value-score';

const NO_ORDERS: CustomerValueRow = {
  customerId: '',
  orders: 0,
  monetaryMinor: '0',
  firstOrderAt: null,
  lastOrderAt: null,
  channelOrders: {},
};

/**
 * Reads of customer value. Scores are computed at read time from the stored
 * facts with the same function the consumer and the rescore job store them
 * with, so a read is right even between rescore runs. A channel-scoped caller
 * gets the tier and its own channels' order counts only: the rest would tell
 * it what the customer does on channels that are not its.
 */
export const customerValueService = {
  async valueOf(ctx: CustomersContext, customer: Customer): Promise<CustomerValue | null> {
    if (customer.guest) return null;
    const facts =
      customer.valueFacts !== undefined ? customer.valueFacts : await ctx.loaders.valueByCustomerId.load(customer.id);
    const row = facts ?? NO_ORDERS;
    const score =
      row.orders > 0 && row.lastOrderAt
        ? scoreValue(
            { orders: row.orders, monetaryMinor: BigInt(row.monetaryMinor), lastOrderAt: new Date(row.lastOrderAt) },
            new Date(),
            valueSettingsOf(ctx.config),
          )
        : null;
    const channels = ctx.principal.channels;
    const mix: ChannelShare[] = Object.entries(row.channelOrders)
      .filter(([channel]) => channels === null || channels.includes(channel))
      .map(([channel, orders]) => ({ channel, orders, share: channels === null ? orders / row.orders : null }))
      .sort((a, b) => b.orders - a.orders || a.channel.localeCompare(b.channel));
    const tier = score?.tier ?? null;
    if (channels !== null) {
      return {
        tier,
        channelMix: mix,
        recency: null,
        frequency: null,
        monetary: null,
        rScore: null,
        fScore: null,
        mScore: null,
        score: null,
        firstOrderAt: null,
        lastOrderAt: null,
      };
    }
    return {
      tier,
      channelMix: mix,
      recency: score?.recencyDays ?? null,
      frequency: row.orders,
      monetary: {
        amount: formatMinorUnits(BigInt(row.monetaryMinor)),
        currency: valueSettingsOf(ctx.config).baseCurrency,
      },
      rScore: score?.rScore ?? null,
      fScore: score?.fScore ?? null,
      mScore: score?.mScore ?? null,
      score: score?.score ?? null,
      firstOrderAt: row.firstOrderAt && new Date(row.firstOrderAt),
      lastOrderAt: row.lastOrderAt && new Date(row.lastOrderAt),
    };
  },
};
