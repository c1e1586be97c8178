import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createLogger, insertRow, serviceEvents, staticPeers, type Peers, type Principal } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { loadOrdersConfig } from '../../../config';
import type { OrdersContext } from '../../../context';
import { ordersSubgraph } from '../../../index';
import type { SalesOrderInsert } from '../../placement/order-insert';

/** Signs the internal tokens of the orders suites (at least 32 characters). */
export const TEST_INTERNAL_SECRET = 'orders-channel-scope-test-secret-0123456789';

// What does not depend on the subgraph is shared with the other subgraphs' scope suites.
export { ask, data, principal, type Answer } from '@supply-graph/shared/testing';

/** Nothing listens here: a peer that is down (connection refused). */
export const DOWN = 'http://127.0.0.1:9/graphql';

/** The request context the orders runtime builds for this caller. */
export function contextFor(
  db: DataSource,
  caller: Principal,
  peers: Peers = staticPeers({ customers: DOWN, inventory: DOWN, gateway: DOWN }),
): OrdersContext {
  const config = loadOrdersConfig({
    INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
    ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  });
  return ordersSubgraph.createContext({
    requestId: randomUUID(),
    log: createLogger('orders-test', 'silent'),
    db,
    events: serviceEvents('orders', db, () => undefined),
    peers,
    config,
    principal: caller,
  });
}

export interface TestOrder {
  id: string;
  channel: string;
  externalId: string;
  customerId: string;
  status?: string;
  total?: string;
  placedAt?: Date;
}

/** An order row with what the reads need (the seed's columns); the migrations write the channels. */
export async function insertOrder(db: DataSource, order: TestOrder): Promise<void> {
  const total = order.total ?? '100.00';
  await insertRow<SalesOrderInsert>(db, 'sales_order', {
    id: order.id,
    channel_code: order.channel,
    external_id: order.externalId,
    customer_id: order.customerId,
    status: order.status ?? 'PENDING',
    currency: 'CNY',
    subtotal: total,
    discount: '0',
    shipping_fee: '0',
    total,
    ship_name: 'Lin Yu',
    ship_country: 'CN',
    ship_city: 'Hangzhou',
    ship_line1: 'West Lake Road 1',
    placed_at: order.placedAt ?? new Date(),
  });
}
