import {
  onHandBySku,
  orderPools,
  poolAllocations,
  poolMissing,
  poolStockOptions,
  presaleKey,
  type LockedStock,
} from '../presale-pools';

const stock: LockedStock[] = [
  { sku: 'A', warehouseId: 'w1', onHand: 10, available: 8, presaleAvailable: 5 },
  { sku: 'A', warehouseId: 'w2', onHand: 4, available: 0, presaleAvailable: 0 },
  { sku: 'B', warehouseId: 'w1', onHand: 3, available: 3, presaleAvailable: 9 },
];

describe('presale pools', () => {
  it('gives a presale line its own key and keeps regular lines under the plain SKU', () => {
    const pools = orderPools([
      { lineNo: 1, sku: 'A', quantity: 2 },
      { lineNo: 2, sku: 'A', quantity: 3, presale: true },
      { lineNo: 3, sku: 'A', quantity: 1, presale: false },
    ]);
    expect(pools.routingLines).toEqual([
      { sku: 'A', quantity: 3 },
      { sku: presaleKey('A'), quantity: 3 },
    ]);
    expect(pools.regularDemand).toEqual(new Map([['A', 3]]));
  });

  it('shows presale keys presale units only and regular keys regular units only', () => {
    const pools = orderPools([
      { lineNo: 1, sku: 'A', quantity: 1, presale: true },
      { lineNo: 2, sku: 'B', quantity: 1 },
    ]);
    expect(poolStockOptions(stock, pools)).toEqual([
      { sku: 'A (presale)', warehouseId: 'w1', available: 5 },
      { sku: 'A (presale)', warehouseId: 'w2', available: 0 },
      { sku: 'B', warehouseId: 'w1', available: 3 },
    ]);
  });

  it('maps a plan back to real SKUs tagged with their pool', () => {
    const pools = orderPools([
      { lineNo: 1, sku: 'A', quantity: 1, presale: true },
      { lineNo: 2, sku: 'A', quantity: 2 },
    ]);
    expect(
      poolAllocations(
        [
          { sku: 'A (presale)', warehouseId: 'w1', quantity: 1 },
          { sku: 'A', warehouseId: 'w1', quantity: 2 },
        ],
        pools,
      ),
    ).toEqual([
      { sku: 'A', warehouseId: 'w1', quantity: 1, presale: true },
      { sku: 'A', warehouseId: 'w1', quantity: 2, presale: false },
    ]);
    expect(poolMissing([{ sku: 'A (presale)', quantity: 4 }], pools)).toEqual([{ sku: 'A', quantity: 4 }]);
    expect(() => poolAllocations([{ sku: 'Z', warehouseId: 'w1', quantity: 1 }], pools)).toThrow(
      /unknown line key "Z"/,
    );
  });

  it('sums regular on-hand per SKU over warehouses', () => {
    expect(onHandBySku(stock)).toEqual(
      new Map([
        ['A', 14],
        ['B', 3],
      ]),
    );
  });
});
