import type { LogisticsContext } from '../../context';
import { normalizeCarrierCode } from '../carrier/carrier.service';
import { ShipmentEntity } from './shipment.entity';
import type { Shipment } from './shipment.type';

/** Maps a row to the GraphQL type; the ids stay on it for the reference field resolvers. */
export const toShipment = (row: ShipmentEntity): Shipment => ({
  id: row.id,
  orderId: row.orderId,
  customerId: row.customerId,
  warehouseId: row.warehouseId,
  carrierCode: row.carrierCode,
  trackingNumber: row.trackingNumber,
  status: row.status,
  createdAt: row.createdAt,
  estimatedDeliveryAt: row.estimatedDeliveryAt,
  deliveredAt: row.deliveredAt,
});

/** Reads of shipments. Tracking updates live in the tracking module. */
export const shipmentService = {
  async findById(ctx: LogisticsContext, id: string): Promise<Shipment | null> {
    const row = await ctx.loaders.shipmentById.load(id);
    return row && toShipment(row);
  },

  /** The shipment a carrier knows by this tracking number; null when there is none. */
  async findByTracking(ctx: LogisticsContext, carrier: string, trackingNumber: string): Promise<Shipment | null> {
    const row = await ctx.db
      .getRepository(ShipmentEntity)
      .findOneBy({ carrierCode: normalizeCarrierCode(carrier), trackingNumber: trackingNumber.trim() });
    if (!row) return null;
    ctx.loaders.shipmentById.prime(row.id, row);
    return toShipment(row);
  },
};
