import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { TrackingEventEntity } from './tracking-event.entity';

/** Per-request tracking loaders: every shipment's events in one SQL statement. */
export function createTrackingLoaders(db: DataSource) {
  return {
    eventsByShipmentId: new DataLoader<string, TrackingEventEntity[]>(async (shipmentIds) => {
      const rows = await db.getRepository(TrackingEventEntity).find({
        where: { shipmentId: In([...new Set(shipmentIds)]) },
        order: { at: 'ASC', id: 'ASC' },
      });
      const grouped = new Map<string, TrackingEventEntity[]>();
      for (const row of rows) {
        const list = grouped.get(row.shipmentId);
        if (list) list.push(row);
        else grouped.set(row.shipmentId, [row]);
      }
      return shipmentIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}
