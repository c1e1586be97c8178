import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { CarrierEntity } from './carrier.entity';

/** Per-request carrier loaders: one SQL statement for every carrier a response mentions. */
export function createCarrierLoaders(db: DataSource) {
  return {
    carrierByCode: new DataLoader<string, CarrierEntity | null>(async (codes) => {
      const rows = await db.getRepository(CarrierEntity).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
