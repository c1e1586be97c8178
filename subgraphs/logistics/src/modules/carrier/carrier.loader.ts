import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { preparedRead, readRows } from '@supply-graph/shared';
import type { CarrierEntity } from './carrier.entity';

const CARRIERS = preparedRead<CarrierEntity>(
  'logistics.carriers-by-code',
  'SELECT code, name, mode FROM carrier WHERE code = ANY($1::text[])',
);

/** Per-request carrier loaders: one SQL statement for every carrier a response mentions. */
export function createCarrierLoaders(db: DataSource) {
  return {
    carrierByCode: new DataLoader<string, CarrierEntity | null>(async (codes) => {
      const rows = await readRows(db, CARRIERS, [codes]);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
