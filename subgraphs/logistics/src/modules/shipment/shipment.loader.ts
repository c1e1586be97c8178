import DataLoader from 'dataloader';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { inChannels } from './shipment-access';
import { SHIPMENT_COLUMNS, type ShipmentEntity } from './shipment.entity';

const SHIPMENTS = preparedRead<ShipmentEntity>(
  'logistics.shipments-by-id',
  `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.id = ANY($1::uuid[]) AND ${inChannels('s', '$2')}`,
);

/**
 * Per-request shipment loaders: one SQL statement per request, however many
 * shipments are referenced. `channels` is the caller's channel scope (null:
 * every channel): a shipment of another channel, or of none, loads as null,
 * so lookups and `Shipment` references read it as absent.
 */
export function createShipmentLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    shipmentById: new DataLoader<string, ShipmentEntity | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await readRows(db, SHIPMENTS, [valid, channels]) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
