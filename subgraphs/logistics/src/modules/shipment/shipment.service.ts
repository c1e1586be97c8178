import type { LogisticsContext } from '../../context';
import { normalizeCarrierCode } from '../carrier/carrier.service';
import { inChannels } from './shipment-access';
import { SHIPMENT_COLUMNS, type ShipmentEntity } from './shipment.entity';
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
  channel: row.channel,
  direction: row.direction,
  returnId: row.returnId,
});

/** Reads of shipments. Tracking updates live in the tracking module. */
export const shipmentService = {
  async findById(ctx: LogisticsContext, id: string): Promise<Shipment | null> {
    const row = await ctx.loaders.shipmentById.load(id);
    return row && toShipment(row);
  },

  /**
   * The shipment a carrier knows by this tracking number; null when there is none, or when it is outside the caller's
   * channels.
   */
  async findByTracking(ctx: LogisticsContext, carrier: string, trackingNumber: string): Promise<Shipment | null> {
    const [row] = (await ctx.db.query(
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.carrier_code = $1 AND s.tracking_number = $2 AND
        ${inChannels('s', '$3')}`,
      [normalizeCarrierCode(carrier), trackingNumber.trim(), ctx.principal.channels],
    )) as ShipmentEntity[];
    if (!row) return null;
    ctx.loaders.shipmentById.prime(row.id, row);
    return toShipment(row);
  },
};
