import { planTransfers, shortfallOf, surplusOf, type SitePosition } from '../transfer-plan';

const site = (code: string, latitude: number, longitude: number) => ({ id: `id-${code}`, code, latitude, longitude });
const SHA = site('SHA', 31.23, 121.47);
const NKG = site('NKG', 32.06, 118.8);
const PEK = site('PEK', 39.9, 116.41);
const CAN = site('CAN', 23.13, 113.26);

const at = (warehouse: ReturnType<typeof site>, p: Partial<SitePosition>): SitePosition => ({
  warehouse,
  onHand: 0,
  reserved: 0,
  safetyStock: 0,
  inbound: 0,
  demand: 0,
  ...p,
});

describe('planTransfers', () => {
  it('covers a shortfall from the nearest surplus first, then the next nearest', () => {
    const moves = planTransfers(
      'S-1',
      [
        at(SHA, { onHand: 5, demand: 140 }),
        at(PEK, { onHand: 200, safetyStock: 10, demand: 28 }),
        at(NKG, { onHand: 60, safetyStock: 5, demand: 14 }),
      ],
      14,
    );
    expect(moves.map((m) => [m.fromWarehouseId, m.toWarehouseId, m.quantity])).toEqual([
      ['id-NKG', 'id-SHA', 41],
      ['id-PEK', 'id-SHA', 94],
    ]);
    expect(moves[0].distanceKm).toBeGreaterThan(250);
    expect(moves[0].distanceKm).toBeLessThan(300);
    expect(moves[1].unitKm).toBeCloseTo(94 * moves[1].distanceKm, -1);
    expect(moves[0].reason).toBe(
      'SHA needs 140 over 14 day(s) and has 5 (available 5 + inbound 0): short by 135; NKG holds 41 over its own 14 ' +
        'and safety stock 5, 269 km away',
    );
  });

  it('counts reserved units, safety stock and inbound units; inbound units are no surplus to send on', () => {
    const short = at(SHA, { onHand: 10, reserved: 4, safetyStock: 3, inbound: 5, demand: 20 });
    expect(shortfallOf(short)).toBe(12);
    expect(surplusOf(at(PEK, { onHand: 10, reserved: 2, safetyStock: 3, inbound: 100, demand: 1.5 }))).toBe(3);
    // Below its safety stock with no demand at all, a warehouse is short of its buffer.
    expect(shortfallOf(at(SHA, { onHand: 2, safetyStock: 5 }))).toBe(3);
  });

  it('serves the warehouse short by most first when surplus is scarce; nothing moves without surplus', () => {
    const positions = [at(SHA, { demand: 10 }), at(CAN, { demand: 30 }), at(NKG, { onHand: 25, demand: 5 })];
    expect(planTransfers('S-2', positions, 7).map((m) => [m.toWarehouseId, m.quantity])).toEqual([['id-CAN', 20]]);
    expect(planTransfers('S-3', [at(SHA, { demand: 10 }), at(PEK, { onHand: 10, demand: 10 })], 7)).toEqual([]);
    expect(planTransfers('S-4', [at(SHA, { onHand: 10, demand: 3 }), at(PEK, { onHand: 10 })], 7)).toEqual([]);
  });
});
