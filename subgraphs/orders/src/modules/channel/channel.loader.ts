import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ChannelEntity } from './channel.entity';

/** Per-request channel loaders: one statement per request whatever the number of orders. */
export function createChannelLoaders(db: DataSource) {
  return {
    channelByCode: new DataLoader<string, ChannelEntity | null>(async (codes) => {
      const rows = await db.getRepository(ChannelEntity).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}

export type ChannelLoaders = ReturnType<typeof createChannelLoaders>;
