import { EMISSION_FACTORS, estimateCarbonKg } from '../carbon';

describe('estimateCarbonKg', () => {
  it('is km x tonnes x the mode factor, the weight being units x the unit weight', () => {
    // 1,000 km, 4 units of 0.5 kg = 0.002 t: road 0.21 kg, express 0.5 kg, air 1.2 kg CO2e.
    expect(estimateCarbonKg({ distanceKm: 1000, units: 4, weightGrams: null, mode: 'ROAD' }, 0.5)).toBeCloseTo(
      0.21,
      10,
    );
    expect(estimateCarbonKg({ distanceKm: 1000, units: 4, weightGrams: null, mode: 'EXPRESS' }, 0.5)).toBeCloseTo(
      0.5,
      10,
    );
    expect(estimateCarbonKg({ distanceKm: 1000, units: 4, weightGrams: null, mode: 'AIR' }, 0.5)).toBeCloseTo(1.2, 10);
  });

  it('scales with distance, units and the configured unit weight', () => {
    const base = estimateCarbonKg({ distanceKm: 1200, units: 3, weightGrams: null, mode: 'ROAD' }, 0.5)!;
    expect(estimateCarbonKg({ distanceKm: 2400, units: 3, weightGrams: null, mode: 'ROAD' }, 0.5)).toBeCloseTo(
      base * 2,
      4,
    );
    expect(estimateCarbonKg({ distanceKm: 1200, units: 6, weightGrams: null, mode: 'ROAD' }, 0.5)).toBeCloseTo(
      base * 2,
      4,
    );
    expect(estimateCarbonKg({ distanceKm: 1200, units: 3, weightGrams: null, mode: 'ROAD' }, 2)).toBeCloseTo(
      base * 4,
      4,
    );
  });

  it("uses the packages' gross weight when the shipment has one, whatever the units", () => {
    // 1,000 km x 2.4 kg (products and boxes) on the road: 0.0024 t x 0.105 = 0.252 kg.
    expect(estimateCarbonKg({ distanceKm: 1000, units: 4, weightGrams: 2400, mode: 'ROAD' }, 0.5)).toBeCloseTo(
      0.252,
      10,
    );
    expect(estimateCarbonKg({ distanceKm: 1000, units: null, weightGrams: 2400, mode: 'ROAD' }, 0.5)).toBeCloseTo(
      0.252,
      10,
    );
  });

  it('ranks air above express above road for the same parcel', () => {
    expect(EMISSION_FACTORS.AIR).toBeGreaterThan(EMISSION_FACTORS.EXPRESS);
    expect(EMISSION_FACTORS.EXPRESS).toBeGreaterThan(EMISSION_FACTORS.ROAD);
  });

  it('is null, not zero, when the distance or the units are unknown', () => {
    expect(estimateCarbonKg({ distanceKm: null, units: 2, weightGrams: null, mode: 'ROAD' }, 0.5)).toBeNull();
    expect(estimateCarbonKg({ distanceKm: 500, units: null, weightGrams: null, mode: 'ROAD' }, 0.5)).toBeNull();
    // A parcel that does not travel emits nothing on this estimate.
    expect(estimateCarbonKg({ distanceKm: 0, units: 2, weightGrams: null, mode: 'AIR' }, 0.5)).toBe(0);
  });

  it('rounds to 0.1 g', () => {
    expect(estimateCarbonKg({ distanceKm: 1234.56789, units: 1, weightGrams: null, mode: 'ROAD' }, 0.5)).toBe(0.0648);
  });
});
