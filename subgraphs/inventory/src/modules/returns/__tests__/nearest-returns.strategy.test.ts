import { NearestReturnsWarehouse } from '../nearest-returns.strategy';
import type { ReturnSite } from '../return-routing-strategy';

const site = (id: string, latitude: number, longitude: number, stocks: string[]): ReturnSite => ({
  id,
  code: id,
  city: id,
  latitude,
  longitude,
  stocks,
});
// Shanghai origin: SHA ~25 km, KSH ~50 km, HGH ~165 km, PEK ~1,060 km away.
const SHA = site('SHA', 31.38, 121.25, ['A', 'B']);
const KSH = site('KSH', 31.39, 120.98, ['A', 'B']);
const HGH = site('HGH', 30.27, 120.15, ['A', 'B']);
const PEK = site('PEK', 39.73, 116.34, ['A']);
const SHANGHAI = { country: 'CN', province: 'Shanghai', city: 'Shanghai' };
const NOWHERE = { country: 'FR', province: null, city: 'Lyon' };

describe('NearestReturnsWarehouse', () => {
  const strategy = new NearestReturnsWarehouse();
  const route = (
    shipFrom: typeof SHANGHAI | typeof NOWHERE,
    shippedFrom: string[],
    sites: ReturnSite[],
    skus = ['A'],
  ) => strategy.route({ skus, shipFrom, shippedFrom }, sites);

  it('takes the nearest; a warehouse that shipped the order only within the margin', () => {
    expect(route(SHANGHAI, [], [PEK, HGH, KSH, SHA])).toMatchObject({ ok: true, warehouseId: 'SHA' });
    expect(route(SHANGHAI, ['KSH'], [PEK, HGH, KSH, SHA])).toMatchObject({ ok: true, warehouseId: 'KSH' });
    expect(route(SHANGHAI, ['HGH'], [PEK, HGH, KSH, SHA])).toMatchObject({ ok: true, warehouseId: 'SHA' });
    expect(
      new NearestReturnsWarehouse(200).route({ skus: ['A'], shipFrom: SHANGHAI, shippedFrom: ['HGH'] }, [HGH, SHA]),
    ).toMatchObject({ warehouseId: 'HGH' });
  });

  it('prefers warehouses that stock every SKU, else those that stock most', () => {
    const onlyA = site('SHA', 31.38, 121.25, ['A']);
    expect(route(SHANGHAI, [], [onlyA, PEK, site('XIY', 34.3, 108.9, ['A', 'B'])], ['A', 'B'])).toMatchObject({
      warehouseId: 'XIY',
    });
    const decision = route(SHANGHAI, [], [onlyA, PEK], ['A', 'B']);
    expect(decision).toMatchObject({ ok: true, warehouseId: 'SHA' });
    expect(decision.reason).toMatch(/stocks 1 of 2 SKU\(s\), no warehouse stocks all/);
  });

  it('an origin off the map goes to a warehouse that shipped the order, else by code; none accepting is a refusal', () => {
    expect(route(NOWHERE, ['PEK'], [SHA, PEK])).toMatchObject({ ok: true, warehouseId: 'PEK' });
    expect(route(NOWHERE, [], [SHA, PEK, KSH])).toMatchObject({ ok: true, warehouseId: 'KSH' });
    expect(route(SHANGHAI, [], [])).toEqual({ ok: false, reason: 'no warehouse accepts returns' });
  });
});
