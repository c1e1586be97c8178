import { pageArgs } from '@supply-graph/shared';
import type { LogisticsContext } from '../../context';
import { toShipment } from '../shipment/shipment.service';
import type { ShipmentDirection } from '../shipment/shipment-direction.type';
import type { Shipment } from '../shipment/shipment.type';
import type { CustomerRef } from './customer-ref.type';

export const customerShipmentsService = {
  /** Customers live in the customers subgraph; a reference needs no lookup here. */
  reference(ref: { id: string }): CustomerRef {
    return { id: ref.id };
  },

  /** The customer's `first` (1..100, else BAD_USER_INPUT) most recent shipments of a direction (null: both), newest first. */
  async recent(
    ctx: LogisticsContext,
    customerId: string,
    first: number | null | undefined,
    direction: ShipmentDirection | null,
  ): Promise<Shipment[]> {
    const page = pageArgs(first, null);
    const rows = await ctx.loaders.recentShipmentsByCustomer.load({ customerId, first: page.first, direction });
    return rows.map(toShipment);
  },
};
