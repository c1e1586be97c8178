import DataLoader from 'dataloader';
import { isUuid } from '@supply-graph/shared';
import { In, type DataSource } from 'typeorm';
import { ShipmentEntity } from './shipment.entity';

/** Per-request shipment loaders: one SQL statement per request, however many shipments are referenced. */
export function createShipmentLoaders(db: DataSource) {
  return {
    shipmentById: new DataLoader<string, ShipmentEntity | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await db.getRepository(ShipmentEntity).findBy({ id: In(valid) }) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
