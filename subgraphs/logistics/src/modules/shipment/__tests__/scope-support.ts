import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createLogger, insertRow, serviceEvents, staticPeers, type Principal } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { loadLogisticsConfig } from '../../../config';
import { createContext, type LogisticsContext } from '../../../context';
import type { ShipmentInsert } from '../../planning/shipment-planning.service';
import type { ShipmentStatus } from '../shipment-status.type';

// What does not depend on the subgraph is shared with the other subgraphs' scope suites.
export { ask, data, principal, type Answer } from '@supply-graph/shared/testing';

/** The request context the logistics runtime builds for this caller. */
export function contextFor(db: DataSource, caller: Principal): LogisticsContext {
  const down = 'http://127.0.0.1:9/graphql';
  return createContext({
    requestId: randomUUID(),
    log: createLogger('logistics-test', 'silent'),
    db,
    events: serviceEvents('logistics', db, () => undefined),
    peers: staticPeers({ orders: down, customers: down, inventory: down, gateway: down }),
    config: loadLogisticsConfig({ INTERNAL_TOKEN_SECRET: 'logistics-channel-scope-test-secret-0123456789' }),
    principal: caller,
  });
}

export interface TestShipment {
  id: string;
  orderId: string;
  customerId: string;
  /** null: planned before logistics learnt channels. */
  channel: string | null;
  trackingNumber: string;
  status: string;
  createdAt: Date;
}

/** A shipment row as the planning consumer writes it (carrier "sf", which the migrations create). */
export async function insertShipment(db: DataSource, s: TestShipment): Promise<void> {
  await insertRow<ShipmentInsert>(db, 'shipment', {
    id: s.id,
    order_id: s.orderId,
    customer_id: s.customerId,
    warehouse_id: randomUUID(),
    carrier_code: 'sf',
    tracking_number: s.trackingNumber,
    status: s.status as ShipmentStatus,
    created_at: s.createdAt,
    estimated_delivery_at: new Date(s.createdAt.getTime() + 3 * 86_400_000),
    channel: s.channel,
  });
}
