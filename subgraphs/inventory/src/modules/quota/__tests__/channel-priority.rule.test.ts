import type { LockedStock } from '../../presale/presale-pools';
import { orderPools } from '../../presale/presale-pools';
import { addAhead, describeShortfalls, priorityShortfalls, type UnitsAhead } from '../channel-priority.rule';

const level = (sku: string, warehouseId: string, available: number, presaleAvailable = 0): LockedStock => ({
  sku,
  warehouseId,
  onHand: available,
  available,
  presaleAvailable,
});

describe('priorityShortfalls', () => {
  const stock = [level('A', 'w1', 3, 4), level('A', 'w2', 2), level('B', 'w1', -1)];

  it('lets an order through when what can be sold, over all warehouses, less what is waited for, covers it', () => {
    const ahead: UnitsAhead = new Map([['A', 3]]);
    expect(priorityShortfalls(orderPools([{ lineNo: 1, sku: 'A', quantity: 2 }]), stock, ahead)).toEqual([]);
  });

  it('names what the order is short of, never more than it wants; a level below zero counts as none', () => {
    const ahead: UnitsAhead = new Map([
      ['A', 4],
      ['B', 1],
    ]);
    const pools = orderPools([
      { lineNo: 1, sku: 'A', quantity: 2 },
      { lineNo: 2, sku: 'B', quantity: 1 },
    ]);
    expect(priorityShortfalls(pools, stock, ahead)).toEqual([
      { sku: 'A', presale: false, wanted: 2, available: 5, ahead: 4, missing: 1 },
      { sku: 'B', presale: false, wanted: 1, available: 0, ahead: 1, missing: 1 },
    ]);
  });

  it('keeps the pools apart: presale units waited for hold back presale units only', () => {
    const ahead: UnitsAhead = new Map();
    addAhead(ahead, orderPools([{ lineNo: 1, sku: 'A', quantity: 3, presale: true }]));
    expect(priorityShortfalls(orderPools([{ lineNo: 1, sku: 'A', quantity: 5 }]), stock, ahead)).toEqual([]);
    const shortfalls = priorityShortfalls(
      orderPools([{ lineNo: 1, sku: 'A', quantity: 2, presale: true }]),
      stock,
      ahead,
    );
    expect(shortfalls).toEqual([{ sku: 'A', presale: true, wanted: 2, available: 4, ahead: 3, missing: 1 }]);
    expect(describeShortfalls('jd', -2, shortfalls)).toBe(
      'channel priority: orders of channels above jd (priority -2) wait for 3 of A (presale), 4 available, ' +
        'this order needs 2',
    );
  });
});
