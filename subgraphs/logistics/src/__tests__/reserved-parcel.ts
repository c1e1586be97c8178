import { randomUUID } from 'node:crypto';
import { EventTypes, type AddressPayload, type DomainEvent, type StockReserved } from '@supply-graph/shared';

/** Shanghai, the warehouse every parcel of these tests leaves from. */
export const SHANGHAI_WAREHOUSE = { code: 'SHA', city: 'Shanghai', latitude: 31.23, longitude: 121.47 } as const;

/** What inventory announces for an order of two units of SKU-A reserved in Shanghai: one parcel to plan. */
export function oneParcelReserved(shippingAddress: AddressPayload): StockReserved {
  const warehouseId = randomUUID();
  return {
    orderId: randomUUID(),
    customerId: randomUUID(),
    channel: 'webstore',
    shippingAddress,
    allocations: [{ allocationId: randomUUID(), sku: 'SKU-A', warehouseId, quantity: 2 }],
    warehouses: [{ id: warehouseId, ...SHANGHAI_WAREHOUSE }],
    routing: 'test',
  };
}

/** The `stock.reserved` event that carries it to logistics' planning consumer. */
export const stockReservedEvent = (reserved: StockReserved): DomainEvent => ({
  eventId: randomUUID(),
  type: EventTypes.stockReserved,
  aggregateType: 'order',
  aggregateId: reserved.orderId,
  aggregateVersion: 1,
  occurredAt: new Date().toISOString(),
  source: 'inventory',
  payload: reserved,
});
