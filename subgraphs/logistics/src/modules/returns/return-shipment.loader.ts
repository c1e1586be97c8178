import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import { inChannels } from '../shipment/shipment-access';
import { SHIPMENT_COLUMNS, type ShipmentEntity } from '../shipment/shipment.entity';

const SHIPMENTS = preparedRead<ShipmentEntity>(
  'logistics.shipments-by-return',
  `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.return_id = ANY($1::uuid[]) AND ${inChannels('s', '$2')}`,
);

/**
 * Per-request loader: the shipment of every return in the response, in one
 * SQL statement, limited to the caller's channels (`channels`, null: every
 * channel).
 */
export function createReturnShipmentLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    shipmentByReturnId: new DataLoader<string, ShipmentEntity | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await readRows(db, SHIPMENTS, [valid, channels]) : [];
      const byReturn = new Map(rows.map((row) => [row.returnId, row]));
      return ids.map((id) => byReturn.get(id.toLowerCase()) ?? null);
    }),
  };
}
