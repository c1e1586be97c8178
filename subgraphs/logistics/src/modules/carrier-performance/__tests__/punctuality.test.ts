import type { EventTransaction } from '@supply-graph/shared';
import { CarrierRecordCache, blendedOnTimeRate, carrierRecordsChanged } from '../punctuality';

const record = (observed: number, onTime: number) => ({ observed, onTime, delivered: observed, carrierFaults: 0 });

describe('blendedOnTimeRate', () => {
  it('is the rate card figure without a record, and moves towards the record as observations pile up', () => {
    expect(blendedOnTimeRate(0.97, record(0, 0), 20)).toBe(0.97);
    // (0 + 0.97 x 20) / (1 + 20): one failure barely moves a strong prior...
    expect(blendedOnTimeRate(0.97, record(1, 0), 20)).toBeCloseTo(19.4 / 21, 10);
    // ...a hundred shipments at 80% outweigh it.
    expect(blendedOnTimeRate(0.97, record(100, 80), 20)).toBeCloseTo((80 + 19.4) / 120, 10);
    expect(blendedOnTimeRate(0.97, record(10_000, 8_000), 20)).toBeCloseTo(0.8, 2);
  });

  it('a small prior weight lets the record speak sooner; weight 0 trusts the record alone, or the prior with none', () => {
    expect(blendedOnTimeRate(0.97, record(1, 0), 2)).toBeCloseTo(1.94 / 3, 10);
    expect(blendedOnTimeRate(0.97, record(4, 3), 0)).toBe(0.75);
    expect(blendedOnTimeRate(0.97, record(0, 0), 0)).toBe(0.97);
  });
});

describe('CarrierRecordCache', () => {
  it('reads once within its TTL, again after it, or once a change to the records has committed', async () => {
    let now = 0;
    const query = jest.fn(async () => [{ carrier: 'sf', delivered: 1, onTime: 1, carrierFaults: 0, observed: 1 }]);
    const db = { query } as unknown as Parameters<CarrierRecordCache['punctuality']>[0];
    const cache = new CarrierRecordCache(5, 1_000, () => now);
    await cache.punctuality(db);
    now = 999;
    const { records, priorWeight } = await cache.punctuality(db);
    expect(query).toHaveBeenCalledTimes(1);
    expect(records.get('sf')?.onTime).toBe(1);
    expect(priorWeight).toBe(5);
    now = 1_000;
    await cache.punctuality(db);
    expect(query).toHaveBeenCalledTimes(2);
    const hooks: (() => void)[] = [];
    carrierRecordsChanged({ afterCommit: (fn: () => void) => hooks.push(fn) } as unknown as EventTransaction);
    await cache.punctuality(db);
    expect(query).toHaveBeenCalledTimes(2); // not yet committed
    for (const hook of hooks) hook();
    await cache.punctuality(db);
    expect(query).toHaveBeenCalledTimes(3);
  });
});
