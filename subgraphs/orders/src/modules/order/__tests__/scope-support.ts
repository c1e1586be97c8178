import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import {
  createLogger,
  insertRow,
  serviceEvents,
  SCOPES,
  staticPeers,
  type Peers,
  type Principal,
} from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { loadOrdersConfig } from '../../../config';
import type { OrdersContext } from '../../../context';
import { ordersSubgraph } from '../../../index';
import type { SalesOrderInsert } from '../../placement/order-insert';

/** Signs the internal tokens of the orders suites (at least 32 characters). */
export const TEST_INTERNAL_SECRET = 'orders-channel-scope-test-secret-0123456789';

/** A caller as the gateway passes it on: every public scope unless told otherwise. */
export function principal(
  sub: string,
  channels: string[] | null,
  scopes: readonly string[] = SCOPES,
  kind: Principal['kind'] = 'user',
): Principal {
  return { sub, scopes: new Set(scopes), channels, kind };
}

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

export interface Answer {
  data: Record<string, any> | null | undefined;
  errors: readonly { message: string; path?: readonly (string | number)[]; extensions: Record<string, unknown> }[];
}

/** Runs an operation on the subgraph's schema as the caller would reach it through the gateway. */
export async function ask(
  schema: GraphQLSchema,
  context: OrdersContext,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Answer> {
  const result = await graphql({ schema, source, contextValue: context, variableValues });
  return { data: result.data as Answer['data'], errors: result.errors ?? [] };
}

/** The data of an operation that must succeed. */
export async function data(
  schema: GraphQLSchema,
  context: OrdersContext,
  source: string,
  variableValues?: Record<string, unknown>,
) {
  const answer = await ask(schema, context, source, variableValues);
  expect(answer.errors.map((e) => e.message)).toEqual([]);
  return answer.data!;
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
