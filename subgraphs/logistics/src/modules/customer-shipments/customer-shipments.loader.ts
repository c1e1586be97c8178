import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { inChannels } from '../shipment/shipment-access';
import type { ShipmentDirection } from '../shipment/shipment-direction.type';
import { SHIPMENT_COLUMNS, type ShipmentEntity } from '../shipment/shipment.entity';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';

/** A customer, how many of their most recent shipments are wanted, and which way (null: both). */
export interface RecentShipmentsKey {
  customerId: string;
  first: number;
  direction: ShipmentDirection | null;
}

// Each customer is read up to the largest `first` asked for it; smaller asks are slices of that.
// The channel scope and the direction apply before numbering, so `first` counts only shipments the caller asked for
// and may see.
const RECENT_SHIPMENTS = preparedRead<ShipmentEntity>(
  'logistics.recent-shipments-by-customer',
  `
  SELECT ${SHIPMENT_COLUMNS}
  FROM (
    SELECT shipment.*,
           row_number() OVER (PARTITION BY customer_id ORDER BY created_at DESC, id DESC) AS rn
    FROM shipment
    WHERE customer_id = ANY($1::uuid[]) AND ${inChannels('shipment', '$3')}
      AND ($4::text IS NULL OR shipment.direction = $4)
  ) s
  JOIN unnest($1::uuid[], $2::int[]) AS k(customer_id, lim) ON k.customer_id = s.customer_id
  WHERE s.rn <= k.lim
  ORDER BY s.customer_id, s.rn`,
);

/**
 * Per-request loader: the newest shipments of every customer in the response,
 * in one SQL statement per direction asked (one, in practice) whatever the
 * number of customers and `first` values, limited to the caller's channels
 * (`channels`, null: every channel).
 */
export function createCustomerShipmentLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    recentShipmentsByCustomer: new DataLoader<RecentShipmentsKey, ShipmentEntity[], string>(
      async (keys) => {
        const found = new Map<string, ShipmentEntity[]>();
        for (const direction of new Set(keys.map((k) => k.direction))) {
          const limits = new Map<string, number>();
          for (const { customerId, first } of keys.filter((k) => k.direction === direction)) {
            if (!isUuid(customerId)) continue;
            const id = customerId.toLowerCase();
            limits.set(id, Math.max(first, limits.get(id) ?? 0));
          }
          const rows = limits.size
            ? await readRows(db, RECENT_SHIPMENTS, [[...limits.keys()], [...limits.values()], channels, direction])
            : [];
          for (const row of rows) {
            const key = `${direction}:${row.customerId}`;
            const list = found.get(key);
            if (list) list.push(row);
            else found.set(key, [row]);
          }
        }
        return keys.map(({ customerId, first, direction }) =>
          (found.get(`${direction}:${customerId.toLowerCase()}`) ?? []).slice(0, first),
        );
      },
      { cacheKeyFn: ({ customerId, first, direction }) => `${direction}:${first}:${customerId.toLowerCase()}` },
    ),
  };
}
