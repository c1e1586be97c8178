import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import type { TrackingEventEntity } from './tracking-event.entity';

const EVENTS = preparedRead<TrackingEventEntity>(
  'logistics.tracking-events-by-shipment',
  `SELECT id, shipment_id AS "shipmentId", at, status, location, description
     FROM tracking_event WHERE shipment_id = ANY($1::uuid[]) ORDER BY at, id`,
);

/** Per-request tracking loaders: every shipment's events in one SQL statement. */
export function createTrackingLoaders(db: DataSource) {
  return {
    eventsByShipmentId: new DataLoader<string, TrackingEventEntity[]>(async (shipmentIds) => {
      const valid = [...new Set(shipmentIds.filter(isUuid))];
      const rows = valid.length ? await readRows(db, EVENTS, [valid]) : [];
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
