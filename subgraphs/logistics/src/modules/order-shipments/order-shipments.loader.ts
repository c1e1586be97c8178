import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { inChannels } from '../shipment/shipment-access';
import { SHIPMENT_COLUMNS, type ShipmentEntity } from '../shipment/shipment.entity';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';

const SHIPMENTS = preparedRead<ShipmentEntity>(
  'logistics.shipments-by-order',
  `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.order_id = ANY($1::uuid[]) AND ${inChannels('s', '$2')}
    ORDER BY s.created_at, s.id`,
);

/**
 * Per-request loader: the shipments of every order in the response, in one
 * SQL statement, limited to the caller's channels (`channels`, null: every
 * channel).
 */
export function createOrderShipmentLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    shipmentsByOrderId: new DataLoader<string, ShipmentEntity[]>(async (orderIds) => {
      const valid = [...new Set(orderIds.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await readRows(db, SHIPMENTS, [valid, channels]) : [];
      const grouped = new Map<string, ShipmentEntity[]>();
      for (const row of rows) {
        const list = grouped.get(row.orderId);
        if (list) list.push(row);
        else grouped.set(row.orderId, [row]);
      }
      return orderIds.map((id) => grouped.get(id.toLowerCase()) ?? []);
    }),
  };
}
