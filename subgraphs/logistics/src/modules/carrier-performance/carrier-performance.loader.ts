import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { readCarrierRecords, type CarrierRecord } from './punctuality';

/** Per-request: every carrier's record in one statement (there are a handful), whatever the number of carriers asked. */
export function createCarrierPerformanceLoaders(db: DataSource) {
  return {
    carrierRecords: new DataLoader<'all', Map<string, CarrierRecord>>(async (keys) => {
      const records = await readCarrierRecords(db);
      return keys.map(() => records);
    }),
  };
}
