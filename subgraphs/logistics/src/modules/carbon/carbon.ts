import type { CarrierMode } from '../carrier/carrier.service';

/**
 * kg CO2e per tonne-km by carrier mode. Assumptions, not measurements: order-of-
 * magnitude averages in line with the UK government's GHG conversion factors
 * for freight (DEFRA/DESNZ) and the GLEC Framework defaults.
 * - ROAD: an average laden diesel truck (DEFRA: about 0.107).
 * - AIR: long-haul air freight without the radiative-forcing uplift (about 0.6);
 *   short domestic flights emit more per tonne-km, so this is on the low side.
 * - EXPRESS: road trunking with about a quarter of the tonne-km flown
 *   (0.75 x 0.105 + 0.25 x 0.6 = 0.23), rounded up to 0.25.
 */
export const EMISSION_FACTORS: Readonly<Record<CarrierMode, number>> = { ROAD: 0.105, EXPRESS: 0.25, AIR: 0.6 };

/** What an estimate needs about one shipment. */
export interface CarbonBasis {
  /** Great-circle km from the warehouse to the destination; null when the destination is not on the map. */
  distanceKm: number | null;
  units: number | null;
  /** Gross weight of its packages (items and boxes); null when it has none. */
  weightGrams: number | null;
  mode: CarrierMode;
}

/**
 * Estimated kg CO2e of one shipment: km x tonnes x the mode's factor. The
 * weight is its packages' gross weight (products and boxes, as inventory
 * packed them); a shipment without packages (planned before packing, or from
 * a warehouse without boxes) falls back to units x `unitWeightKg`.
 * Great-circle distance and no last-mile van make it a floor rather than a
 * full footprint. Null when the distance, or both weight and units, are
 * unknown. Rounded to 0.1 g.
 */
export function estimateCarbonKg(basis: CarbonBasis, unitWeightKg: number): number | null {
  if (basis.distanceKm === null) return null;
  const kg =
    basis.weightGrams !== null ? basis.weightGrams / 1000 : basis.units !== null ? basis.units * unitWeightKg : null;
  if (kg === null) return null;
  const tonnes = kg / 1000;
  return Math.round(basis.distanceKm * tonnes * EMISSION_FACTORS[basis.mode] * 10_000) / 10_000;
}
