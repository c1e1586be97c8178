import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { inChannels } from '../shipment/shipment-access';
import { SHIPMENT_COLUMNS, type ShipmentEntity } from '../shipment/shipment.entity';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';

/** A customer and how many of their most recent shipments are wanted. */
export interface RecentShipmentsKey {
  customerId: string;
  first: number;
}

// Each customer is read up to the largest `first` asked for it; smaller asks are slices of that.
// The channel scope applies before numbering, so `first` counts only shipments the caller may see.
const RECENT_SHIPMENTS = preparedRead<ShipmentEntity>(
  'logistics.recent-shipments-by-customer',
  `
  SELECT ${SHIPMENT_COLUMNS}
  FROM (
    SELECT shipment.*,
           row_number() OVER (PARTITION BY customer_id ORDER BY created_at DESC, id DESC) AS rn
    FROM shipment
    WHERE customer_id = ANY($1::uuid[]) AND ${inChannels('shipment', '$3')}
  ) s
  JOIN unnest($1::uuid[], $2::int[]) AS k(customer_id, lim) ON k.customer_id = s.customer_id
  WHERE s.rn <= k.lim
  ORDER BY s.customer_id, s.rn`,
);

/**
 * Per-request loader: the newest shipments of every customer in the response,
 * in one SQL statement whatever the number of customers and `first` values,
 * limited to the caller's channels (`channels`, null: every channel).
 */
export function createCustomerShipmentLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    recentShipmentsByCustomer: new DataLoader<RecentShipmentsKey, ShipmentEntity[], string>(
      async (keys) => {
        const limits = new Map<string, number>();
        for (const { customerId, first } of keys) {
          if (!isUuid(customerId)) continue;
          const id = customerId.toLowerCase();
          limits.set(id, Math.max(first, limits.get(id) ?? 0));
        }
        const rows = limits.size
          ? await readRows(db, RECENT_SHIPMENTS, [[...limits.keys()], [...limits.values()], channels])
          : [];
        const grouped = new Map<string, ShipmentEntity[]>();
        for (const row of rows) {
          const list = grouped.get(row.customerId);
          if (list) list.push(row);
          else grouped.set(row.customerId, [row]);
        }
        return keys.map(({ customerId, first }) => (grouped.get(customerId.toLowerCase()) ?? []).slice(0, first));
      },
      { cacheKeyFn: ({ customerId, first }) => `${first}:${customerId.toLowerCase()}` },
    ),
  };
}
