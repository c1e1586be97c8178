import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { preparedRead, readRows } from '@supply-graph/shared';
import type { ChannelEntity } from './channel.entity';

const CHANNELS = preparedRead<ChannelEntity>(
  'orders.channels-by-code',
  'SELECT code, name, kind FROM channel WHERE code = ANY($1::text[])',
);

/** Per-request channel loaders: one statement per request whatever the number of orders. */
export function createChannelLoaders(db: DataSource) {
  return {
    channelByCode: new DataLoader<string, ChannelEntity | null>(async (codes) => {
      const rows = await readRows(db, CHANNELS, [codes]);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}

export type ChannelLoaders = ReturnType<typeof createChannelLoaders>;
