import type { LogisticsContext } from '../../context';
import { toShipment } from '../shipment/shipment.service';
import type { ShipmentDirection } from '../shipment/shipment-direction.type';
import type { Shipment } from '../shipment/shipment.type';
import type { OrderRef } from './order-ref.type';

export const orderShipmentsService = {
  /** Orders live in the orders subgraph; a reference needs no lookup here. */
  reference(ref: { id: string }): OrderRef {
    return { id: ref.id };
  },

  /**
   * The order's shipments of a direction (null: both), in the order they were planned. The loader reads both
   * directions at once (an order has a handful of parcels), so asking for both costs no second statement.
   */
  async forOrder(ctx: LogisticsContext, orderId: string, direction: ShipmentDirection | null): Promise<Shipment[]> {
    const rows = await ctx.loaders.shipmentsByOrderId.load(orderId);
    return rows.filter((row) => direction === null || row.direction === direction).map(toShipment);
  },
};
