import type { GraphQLSchema } from 'graphql';
import type { PackagePayload, StockReserved } from '@supply-graph/shared';
import { ask, describeEachBackend, principal } from '@supply-graph/shared/testing';
import { countingContext } from '../../../__tests__/request-context';
import { defaultInventoryStrategies, inventorySubgraph } from '../../../index';
import { placed, startInventoryDb, type InventoryFixture } from '../../quota/__tests__/inventory-fixture';
import { reannounce } from '../../reservation/reannounce.service';
import { releaseForOrder } from '../../reservation/release.service';
import type { PackingStrategy } from '../packing-strategy';
import { reserveForOrder } from '../../reservation/reservation.service';

const staff = principal('packer-1', null);
const partner = principal('tmall-connector', ['tmall'], ['inventory:read', 'inventory:write']);
const today = () => new Date().toISOString().slice(0, 10);

const BOXES = `mutation($id: ID!, $boxes: [BoxInput!]!) {
  setWarehouseBoxes(input: { warehouseId: $id, boxes: $boxes }) { code volumeCm3 isDefault } }`;
const KPIS = `query($id: ID!, $from: String!, $to: String!) { packagingKpis(warehouseId: $id, from: $from, to: $to) {
  shipmentsPacked packages itemsVolumeCm3 boxVolumeCm3 defaultBoxVolumeCm3 voidFill voidFillWithDefaultBox volumeSavedCm3 } }`;

const catalogue = [
  { code: 'S', lengthMm: 250, widthMm: 180, heightMm: 100, maxWeightGrams: 5000, tareGrams: 100 },
  { code: 'M', lengthMm: 400, widthMm: 300, heightMm: 250, maxWeightGrams: 20000, tareGrams: 300, isDefault: true },
  { code: 'L', lengthMm: 600, widthMm: 400, heightMm: 400, maxWeightGrams: 25000, tareGrams: 500 },
];

describeEachBackend('packing reserved orders', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  const as = (who = staff) => countingContext(fx.db, who, []);
  const strategies = defaultInventoryStrategies();

  /** The `stock.reserved` payloads the order has in the outbox, oldest first. */
  const announced = async (orderId: string) =>
    (
      (await fx.db.query(
        "SELECT payload FROM outbox WHERE type = 'stock.reserved' AND aggregate_id = $1 ORDER BY seq",
        [orderId],
      )) as { payload: StockReserved }[]
    ).map((r) => r.payload);

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    await fx.addProduct('PK-MUG', { SHA: { onHand: 50 } });
    await fx.addProduct('PK-JACKET', { SHA: { onHand: 50 } });
    await fx.addProduct('PK-UNMEASURED', { SHA: { onHand: 50 } });
    const dims = `mutation($sku: ID!, $input: ProductDimensionsInput!) { setProductDimensions(sku: $sku, input: $input) { sku weightGrams dimensions { volumeCm3 } } }`;
    const mug = await ask(schema, as(), dims, {
      sku: 'PK-MUG',
      input: { lengthMm: 120, widthMm: 90, heightMm: 90, weightGrams: 400 },
    });
    expect(mug.errors).toEqual([]);
    expect(mug.data?.setProductDimensions).toEqual({ sku: 'PK-MUG', weightGrams: 400, dimensions: { volumeCm3: 972 } });
    await ask(schema, as(), dims, {
      sku: 'PK-JACKET',
      input: { lengthMm: 380, widthMm: 280, heightMm: 110, weightGrams: 1100 },
    });
    const set = await ask(schema, as(), BOXES, { id: fx.warehouses.SHA, boxes: catalogue });
    expect(set.errors).toEqual([]);
    expect(set.data?.setWarehouseBoxes.map((b: { code: string }) => b.code)).toEqual(['S', 'M', 'L']);
  });
  afterAll(() => fx?.close());

  it('packs a small order in the smallest box, announces it on stock.reserved and again when re-announced', async () => {
    const order = placed([{ sku: 'PK-MUG', quantity: 2 }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, order, strategies))).toBe('reserved');
    const [first] = await announced(order.orderId);
    expect(first.packages).toEqual([
      expect.objectContaining<Partial<PackagePayload>>({
        warehouseId: fx.warehouses.SHA,
        packageNo: 1,
        boxCode: 'S',
        itemsVolumeCm3: 1944,
        boxVolumeCm3: 4500,
        defaultBoxVolumeCm3: 30000,
        weightGrams: 2 * 400 + 100,
        assumedDimensions: false,
        items: [{ sku: 'PK-MUG', quantity: 2 }],
      }),
    ]);
    await fx.inTx((tx) => reannounce(tx, order));
    const [, again] = await announced(order.orderId);
    expect(again.packages).toEqual(first.packages);
  });

  it('splits an order no box holds, and packs an unmeasured product with the default size, saying so', async () => {
    const order = placed([
      { sku: 'PK-JACKET', quantity: 6 },
      { sku: 'PK-UNMEASURED', quantity: 1 },
    ]);
    await fx.inTx((tx) => reserveForOrder(tx, order, strategies));
    const [{ packages }] = await announced(order.orderId);
    expect(packages!.length).toBeGreaterThan(1);
    expect(packages![0].boxCode).toBe('L');
    const units = packages!.flatMap((p) => p.items).reduce((s, i) => s + i.quantity, 0);
    expect(units).toBe(7);
    expect(packages!.some((p) => p.assumedDimensions)).toBe(true);
    expect(packages!.every((p) => p.itemsVolumeCm3 <= p.boxVolumeCm3)).toBe(true);
  });

  it('a warehouse without a catalogue ships without a plan', async () => {
    await fx.addProduct('PK-PEK', { PEK: { onHand: 5 } });
    const order = placed([{ sku: 'PK-PEK', quantity: 1 }]);
    await fx.inTx((tx) => reserveForOrder(tx, order, strategies));
    const [payload] = await announced(order.orderId);
    expect(payload.packages).toBeUndefined();
  });

  it('packagingKpis sums the plans against the default box; a channel-scoped caller counts its channels only', async () => {
    const { data, errors } = await ask(schema, as(), KPIS, { id: fx.warehouses.SHA, from: today(), to: today() });
    expect(errors).toEqual([]);
    const kpi = data!.packagingKpis;
    expect(kpi.shipmentsPacked).toBe(2);
    expect(kpi.boxVolumeCm3).toBeLessThan(kpi.defaultBoxVolumeCm3);
    expect(kpi.volumeSavedCm3).toBeCloseTo(kpi.defaultBoxVolumeCm3 - kpi.boxVolumeCm3, 1);
    expect(kpi.voidFill).toBeLessThan(kpi.voidFillWithDefaultBox);
    const scoped = await ask(schema, as(partner), KPIS, { id: fx.warehouses.SHA, from: today(), to: today() });
    expect(scoped.data!.packagingKpis).toMatchObject({ shipmentsPacked: 0, packages: 0, voidFill: null });
  });

  it('packs with the strategy the subgraph is composed with', async () => {
    const onePerUnit: PackingStrategy = {
      name: 'one-box-per-unit',
      pack: (items, boxes) =>
        items.map((i) => ({
          box: boxes.find((b) => b.code === 'L')!,
          placements: [{ sku: i.sku, position: [0, 0, 0], size: [1, 1, 1] }],
        })),
    };
    const order = placed([{ sku: 'PK-MUG', quantity: 3 }]);
    await fx.inTx((tx) => reserveForOrder(tx, order, { ...strategies, packing: onePerUnit }));
    const [{ packages }] = await announced(order.orderId);
    expect(packages!.map((p) => [p.boxCode, p.items])).toEqual(
      Array.from({ length: 3 }, () => ['L', [{ sku: 'PK-MUG', quantity: 1 }]]),
    );
  });

  it('a cancelled order leaves the KPIs', async () => {
    const count = async () =>
      (await ask(schema, as(), KPIS, { id: fx.warehouses.SHA, from: today(), to: today() })).data!.packagingKpis
        .shipmentsPacked as number;
    const before = await count();
    const order = placed([{ sku: 'PK-MUG', quantity: 1 }]);
    await fx.inTx((tx) => reserveForOrder(tx, order, strategies));
    expect(await count()).toBe(before + 1);
    await fx.inTx((tx) => releaseForOrder(tx, order.orderId, 'buyer cancelled', strategies));
    expect(await count()).toBe(before);
  });

  it('setWarehouseBoxes lists every problem, and refuses a channel-scoped caller', async () => {
    const bad = await ask(schema, as(), BOXES, {
      id: fx.warehouses.SHA,
      boxes: [
        { ...catalogue[0], isDefault: true },
        { ...catalogue[1], code: 'S' },
        { ...catalogue[2], tareGrams: 30000, maxWeightGrams: 30000 },
      ],
    });
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((bad.errors[0].extensions.problems as { field: string }[]).map((p) => p.field)).toEqual([
      'boxes[1].code',
      'boxes[2].maxWeightGrams',
      'boxes',
    ]);
    const refused = await ask(schema, as(partner), BOXES, { id: fx.warehouses.SHA, boxes: [] });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const kept = await ask(schema, as(), `query($id: ID!) { warehouse(id: $id) { boxes { code } } }`, {
      id: fx.warehouses.SHA,
    });
    expect(kept.data!.warehouse.boxes).toHaveLength(3);
  });
});
