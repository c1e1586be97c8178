import type { LogisticsContext } from '../../context';
import { toShipment } from '../shipment/shipment.service';
import type { Shipment } from '../shipment/shipment.type';
import type { OrderRef } from './order-ref.type';

export const orderShipmentsService = {
  /** Orders live in the orders subgraph; a reference needs no lookup here. */
  reference(ref: { id: string }): OrderRef {
    return { id: ref.id };
  },

  /** The order's shipments, in the order they were planned. */
  async forOrder(ctx: LogisticsContext, orderId: string): Promise<Shipment[]> {
    const rows = await ctx.loaders.shipmentsByOrderId.load(orderId);
    return rows.map(toShipment);
  },
};
