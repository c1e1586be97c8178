import { In } from 'typeorm';
import type { OrdersContext } from '../../context';
import { ChannelEntity } from './channel.entity';
import { ChannelKind, type Channel } from './channel.type';

const toChannel = (row: ChannelEntity): Channel => ({
  code: row.code,
  name: row.name,
  kind: ChannelKind[row.kind],
});

/** Reads of the channel catalogue. */
export const channelService = {
  async findByCode(ctx: OrdersContext, code: string): Promise<Channel | null> {
    const row = await ctx.loaders.channelByCode.load(code);
    return row && toChannel(row);
  },

  /** Every channel the caller sees (a channel-scoped caller: its own), ordered by code. */
  async list(ctx: OrdersContext): Promise<Channel[]> {
    const own = ctx.principal.channels;
    const rows = await ctx.db
      .getRepository(ChannelEntity)
      .find({ where: own ? { code: In([...own]) } : {}, order: { code: 'ASC' } });
    return rows.map(toChannel);
  },
};
