import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ShipmentEntity } from '../shipment/shipment.entity';
import { isUuid } from '@supply-graph/shared';

/** Per-request loader: the shipments of every order in the response, in one SQL statement. */
export function createOrderShipmentLoaders(db: DataSource) {
  return {
    shipmentsByOrderId: new DataLoader<string, ShipmentEntity[]>(async (orderIds) => {
      const valid = [...new Set(orderIds.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length
        ? await db.getRepository(ShipmentEntity).find({
            where: { orderId: In(valid) },
            order: { createdAt: 'ASC', id: 'ASC' },
          })
        : [];
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
