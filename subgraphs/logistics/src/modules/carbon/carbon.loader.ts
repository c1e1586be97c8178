import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { CarbonBasis } from './carbon';

/** Per-request carbon loaders: every shipment's distance, units and carrier mode in one SQL statement. */
export function createCarbonLoaders(db: DataSource) {
  return {
    carbonBasisByShipmentId: new DataLoader<string, CarbonBasis | null>(async (ids) => {
      const rows = (await db.query(
        `SELECT s.id, s.distance_km, s.units, s.weight_grams, c.mode FROM shipment s JOIN carrier c ON c.code = s.carrier_code
         WHERE s.id = ANY($1::uuid[])`,
        [[...new Set(ids)]],
      )) as {
        id: string;
        distance_km: number | null;
        units: number | null;
        weight_grams: number | null;
        mode: CarbonBasis['mode'];
      }[];
      const byId = new Map(
        rows.map((r) => [
          r.id,
          { distanceKm: r.distance_km, units: r.units, weightGrams: r.weight_grams, mode: r.mode },
        ]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
