import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  type AddressPayload,
  type DomainEvent,
  type ReturnAuthorised,
  type ReturnShipmentChanged,
} from '@supply-graph/shared';
import type { TestBackend } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../index';
import { startTransferDb, type TransferFixture } from '../../planning/transfer/__tests__/transfer-fixture';

export const SHANGHAI: AddressPayload = { country: 'CN', province: 'Shanghai', city: 'Shanghai' };
export const HANGZHOU: AddressPayload = { country: 'CN', province: 'Zhejiang', city: 'Hangzhou' };
export const BEIJING: AddressPayload = { country: 'CN', province: 'Beijing', city: 'Beijing' };

/**
 * The transfer fixture (SHA near Shanghai, PEK near Beijing, stock with its
 * ledger) plus KSH, a warehouse in Kunshan about 25 km from SHA, and the
 * subgraph's own consumers fed catalogue events directly.
 */
export interface ReturnsFixture extends TransferFixture {
  ksh: string;
  /** Delivers one event to the named consumer of the composed subgraph, in one transaction as the bus would. */
  deliver(consumer: string, type: string, aggregateId: string, payload: unknown, eventId?: string): Promise<void>;
  /** Payloads of this service's outbox events of a type for one aggregate, oldest first. */
  emitted<T>(type: string, aggregateId: string): Promise<T[]>;
  /** An authorised return of one order, as orders announces it. */
  authorised(lines: { sku: string; quantity: number }[], over?: Partial<ReturnAuthorised>): ReturnAuthorised;
  /** Routes (return.authorised) and delivers (return.shipment-changed DELIVERED) a return: it is RECEIVED. */
  routeAndReceive(ret: ReturnAuthorised): Promise<void>;
}

export async function startReturnsDb(backend: TestBackend): Promise<ReturnsFixture> {
  const fx = await startTransferDb(backend);
  const ksh = randomUUID();
  await fx.db.query(
    `INSERT INTO warehouse (id, code, name, region, city, latitude, longitude)
     VALUES ($1, 'KSH', 'Kunshan DC', 'East China', 'Kunshan', 31.39, 120.98)`,
    [ksh],
  );
  const deliver = async (
    consumer: string,
    type: string,
    aggregateId: string,
    payload: unknown,
    eventId = randomUUID(),
  ) => {
    const consumers = inventorySubgraph.consumers;
    const definition = (Array.isArray(consumers) ? consumers : []).find((c) => c.consumer === consumer);
    if (!definition) throw new Error(`no consumer ${consumer}`);
    const event: DomainEvent = {
      eventId,
      type,
      aggregateType: 'return',
      aggregateId,
      aggregateVersion: 1,
      occurredAt: new Date().toISOString(),
      source: 'test',
      payload,
    };
    await fx.inTx((tx) => definition.handle(event, tx));
  };
  return {
    ...fx,
    ksh,
    deliver,
    async emitted<T>(type: string, aggregateId: string) {
      const rows = (await fx.db.query('SELECT payload FROM outbox WHERE type = $1 AND aggregate_id = $2 ORDER BY seq', [
        type,
        aggregateId,
      ])) as { payload: T }[];
      return rows.map((r) => r.payload);
    },
    authorised(lines, over = {}) {
      return {
        returnId: randomUUID(),
        orderId: randomUUID(),
        channel: 'webstore',
        customerId: randomUUID(),
        lines: lines.map((l, i) => ({ lineNo: i + 1, ...l })),
        reason: 'DAMAGED',
        shipFrom: HANGZHOU,
        shippedFrom: [],
        authorisedAt: new Date().toISOString(),
        ...over,
      };
    },
    async routeAndReceive(ret) {
      await deliver('inventory.route-return', EventTypes.returnAuthorised, ret.returnId, ret);
      const delivered: ReturnShipmentChanged = {
        returnId: ret.returnId,
        orderId: ret.orderId,
        shipmentId: randomUUID(),
        warehouseId: randomUUID(),
        carrier: 'sf',
        trackingNumber: 'SF0000000000001',
        from: 'OUT_FOR_DELIVERY',
        to: 'DELIVERED',
        at: new Date().toISOString(),
      };
      await deliver('inventory.receive-return', EventTypes.returnShipmentChanged, ret.returnId, delivered);
    },
  };
}
