import type { LogisticsContext } from '../../context';
import { estimateCarbonKg } from './carbon';

export const carbonService = {
  /** The shipment's estimated kg CO2e; null when its distance is unknown. */
  async forShipment(ctx: LogisticsContext, shipmentId: string): Promise<number | null> {
    const basis = await ctx.loaders.carbonBasisByShipmentId.load(shipmentId);
    return basis && estimateCarbonKg(basis, ctx.settings.carbon.unitWeightKg);
  },
};
