import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { createLogger, insertRow, serviceEvents, SCOPES, staticPeers, type Principal } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { loadLogisticsConfig } from '../../../config';
import { createContext, type LogisticsContext } from '../../../context';
import type { ShipmentInsert } from '../../planning/shipment-planning.service';
import type { ShipmentStatus } from '../shipment-status.type';

/** A caller as the gateway passes it on: every public scope unless told otherwise. */
export function principal(
  sub: string,
  channels: string[] | null,
  scopes: readonly string[] = SCOPES,
  kind: Principal['kind'] = 'user',
): Principal {
  return { sub, scopes: new Set(scopes), channels, kind };
}

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

export interface Answer {
  data: Record<string, any> | null | undefined;
  errors: readonly { message: string; extensions: Record<string, unknown> }[];
}

/** Runs an operation on the subgraph's schema as the caller would reach it through the gateway. */
export async function ask(
  schema: GraphQLSchema,
  context: LogisticsContext,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Answer> {
  const result = await graphql({ schema, source, contextValue: context, variableValues });
  return { data: result.data as Answer['data'], errors: result.errors ?? [] };
}

/** The data of an operation that must succeed. */
export async function data(
  schema: GraphQLSchema,
  context: LogisticsContext,
  source: string,
  variableValues?: Record<string, unknown>,
) {
  const answer = await ask(schema, context, source, variableValues);
  expect(answer.errors.map((e) => e.message)).toEqual([]);
  return answer.data!;
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
