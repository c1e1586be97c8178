import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ShipmentEntity } from './shipment.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot exist; they resolve to null (or nothing) without asking PostgreSQL. */
export const isUuid = (id: string): boolean => UUID.test(id);

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
