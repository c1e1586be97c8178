import { distanceKm } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { mintToken } from '../support/auth';
import { PLACE_ORDER } from '../support/documents';
import { expectOneError } from '../support/expect-error';
import { dataOf } from '../support/graphql';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const ORDER_SHIPMENTS = graphql(`query PackagingOrder($id: ID!) { order(id: $id) { status shipments { id } } }`);
const SHIPMENT = graphql(`
  query PackagingShipment($id: ID!) {
    shipment(id: $id) {
      carbonKg carrier { mode } warehouse { id code latitude longitude boxes { code lengthMm widthMm heightMm tareGrams maxWeightGrams isDefault } }
      packages { packageNo boxCode lengthMm widthMm heightMm weightGrams itemsVolumeCm3 boxVolumeCm3 defaultBoxVolumeCm3 voidFill
        assumedDimensions items { sku quantity } }
    }
  }
`);
const PRODUCTS = graphql(`
  query PackagingProducts($a: ID!, $b: ID!) {
    a: product(sku: $a) { ...PackedProduct }
    b: product(sku: $b) { ...PackedProduct }
  }
  fragment PackedProduct on Product { sku weightGrams dimensions { lengthMm widthMm heightMm volumeCm3 } }
`);
const KPIS = graphql(`
  query PackagingKpis($warehouseId: ID!, $from: String!, $to: String!) {
    packagingKpis(warehouseId: $warehouseId, from: $from, to: $to) {
      shipmentsPacked packages boxVolumeCm3 defaultBoxVolumeCm3 voidFill voidFillWithDefaultBox volumeSavedCm3
    }
  }
`);
const SET_BOXES = graphql(`
  mutation PackagingSetBoxes($warehouseId: ID!, $boxes: [BoxInput!]!) {
    setWarehouseBoxes(input: { warehouseId: $warehouseId, boxes: $boxes }) { code volumeCm3 isDefault }
  }
`);
const TRAIL = graphql(`
  query PackagingTrail { auditEvents(first: 20, filter: { action: "setWarehouseBoxes" }) { edges { node { action target outcome } } } }
`);

/** kg CO2e per tonne-km, as documented. */
const FACTORS: Record<string, number> = { ROAD: 0.105, EXPRESS: 0.25, AIR: 0.6 };
const SHANGHAI = { latitude: 31.2304, longitude: 121.4737 };
const sorted = (...sides: number[]) => [...sides].sort((a, b) => a - b);

describePlatformSuite('desk: packaging through the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const today = new Date().toISOString().slice(0, 10);
  let skus: string[];

  beforeAll(async () => {
    // Two small measured products sold from the Shanghai warehouse alone: every test order ships SHA -> Shanghai.
    skus = (
      await db.rows<{ sku: string }>(
        `SELECT p.sku FROM inventory.product p JOIN inventory.stock_level s ON s.sku = p.sku
         JOIN inventory.warehouse w ON w.id = s.warehouse_id
         WHERE w.code = 'SHA' AND p.length_mm * p.width_mm * p.height_mm < 1000000 ORDER BY p.sku LIMIT 2`,
      )
    ).map((r) => r.sku);
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + safety_stock WHERE sku = ANY($1)', [skus]);
    await db.query(
      `UPDATE inventory.stock_level s SET on_hand = reserved + safety_stock + 50 FROM inventory.warehouse w
       WHERE w.id = s.warehouse_id AND s.sku = ANY($1) AND w.code = 'SHA'`,
      [skus],
    );
  });

  async function placeAndShip() {
    const stamp = `${Date.now()}`;
    const phone = `+86137${stamp.slice(-8)}`;
    const placed = await ask(PLACE_ORDER, {
      input: {
        channel: 'webstore',
        externalId: `WS-PACK-${stamp}`,
        buyer: { name: 'Pack Buyer', email: `pack.${stamp}@example.com`, phone },
        currency: 'CNY',
        lines: [
          { sku: skus[0], quantity: 2, unitPrice: '19.90' },
          { sku: skus[1], quantity: 1, unitPrice: '29.90' },
        ],
        shippingAddress: {
          name: 'Pack Buyer',
          phone,
          country: 'CN',
          province: 'Shanghai',
          city: 'Shanghai',
          line1: `No. ${stamp.slice(-3)} Binjiang Road`,
        },
      },
    });
    const orderId = dataOf(placed).placeOrder.order!.id;
    const order = await eventually(async () => {
      const o = dataOf(await ask(ORDER_SHIPMENTS, { id: orderId })).order!;
      return o.shipments!.length ? o : undefined;
    }, 'the order to get its shipment');
    expect(order.shipments).toHaveLength(1);
    return dataOf(await ask(SHIPMENT, { id: order.shipments![0].id })).shipment!;
  }

  it("a shipment's box fits its items; its weight is items + tare, and the carbon estimate uses it", async () => {
    const shipment = await placeAndShip();
    expect(shipment.warehouse.code).toBe('SHA');
    const { a, b } = dataOf(await ask(PRODUCTS, { a: skus[0], b: skus[1] }));
    const bySku = new Map([a!, b!].map((p) => [p.sku, p]));
    expect(shipment.packages.length).toBeGreaterThanOrEqual(1);
    for (const parcel of shipment.packages) {
      const box = shipment.warehouse.boxes.find((b) => b.code === parcel.boxCode)!;
      expect(box).toBeDefined();
      expect([parcel.lengthMm, parcel.widthMm, parcel.heightMm]).toEqual([box.lengthMm, box.widthMm, box.heightMm]);
      const boxSides = sorted(box.lengthMm, box.widthMm, box.heightMm);
      let volume = 0;
      let weight = box.tareGrams;
      for (const { sku, quantity } of parcel.items) {
        const d = bySku.get(sku)!.dimensions!;
        // Each unit fits the box in some orientation; together they take no more than its volume.
        sorted(d.lengthMm, d.widthMm, d.heightMm).forEach((side, k) => expect(side).toBeLessThanOrEqual(boxSides[k]));
        volume += d.volumeCm3 * quantity;
        weight += bySku.get(sku)!.weightGrams * quantity;
      }
      expect(parcel.itemsVolumeCm3).toBeCloseTo(volume, 0);
      expect(parcel.itemsVolumeCm3).toBeLessThanOrEqual(parcel.boxVolumeCm3);
      expect(parcel.weightGrams).toBe(weight);
      expect(parcel.weightGrams).toBeLessThanOrEqual(box.maxWeightGrams);
      expect(parcel.assumedDimensions).toBe(false);
    }
    expect(shipment.packages.flatMap((p) => p.items).reduce((s, i) => s + i.quantity, 0)).toBe(3);
    const km = distanceKm(shipment.warehouse, SHANGHAI);
    const kg = shipment.packages.reduce((s, p) => s + p.weightGrams, 0) / 1000;
    expect(shipment.carbonKg).toBeCloseTo(km * (kg / 1000) * FACTORS[shipment.carrier.mode], 3);
  });

  it('packagingKpis shows the void fill saved against the default box; inventory:read is needed', async () => {
    const shipment = await placeAndShip();
    const vars = { warehouseId: shipment.warehouse.id, from: today, to: today };
    const kpi = dataOf(await ask(KPIS, vars)).packagingKpis;
    expect(kpi.shipmentsPacked).toBeGreaterThanOrEqual(2);
    expect(kpi.boxVolumeCm3).toBeLessThan(kpi.defaultBoxVolumeCm3);
    expect(kpi.volumeSavedCm3).toBeCloseTo(kpi.defaultBoxVolumeCm3 - kpi.boxVolumeCm3, 0);
    expect(kpi.voidFill!).toBeLessThan(kpi.voidFillWithDefaultBox!);

    const logisticsOnly = `Bearer ${await mintToken(platform.gateway, { sub: 'e2e-carrier-desk', scopes: ['logistics:read'] })}`;
    expectOneError(await ask(KPIS, vars, { authorization: logisticsOnly }), 'FORBIDDEN');
  });

  it('setWarehouseBoxes needs inventory:write and is audited; later orders are packed in the new boxes', async () => {
    const shipment = await placeAndShip();
    const warehouseId = shipment.warehouse.id;
    const readOnly = `Bearer ${await mintToken(platform.gateway, { sub: 'e2e-viewer', scopes: ['inventory:read'] })}`;
    expectOneError(await ask(SET_BOXES, { warehouseId, boxes: [] }, { authorization: readOnly }), 'FORBIDDEN');

    const boxes = shipment.warehouse.boxes.map(
      ({ code, lengthMm, widthMm, heightMm, tareGrams, maxWeightGrams, isDefault }) => ({
        code,
        lengthMm,
        widthMm,
        heightMm,
        tareGrams,
        maxWeightGrams,
        isDefault,
      }),
    );
    const oneBig = [
      {
        code: 'ONLY',
        lengthMm: 600,
        widthMm: 500,
        heightMm: 400,
        tareGrams: 700,
        maxWeightGrams: 30_000,
        isDefault: true,
      },
    ];
    expect(dataOf(await ask(SET_BOXES, { warehouseId, boxes: oneBig })).setWarehouseBoxes.map((b) => b.code)).toEqual([
      'ONLY',
    ]);
    const repacked = await placeAndShip();
    expect(repacked.packages.map((p) => p.boxCode)).toEqual(['ONLY']);
    dataOf(await ask(SET_BOXES, { warehouseId, boxes }));

    // The trail is the orders subgraph's, fed through the bus: it may take a moment.
    await eventually(async () => {
      const trail = dataOf(await ask(TRAIL)).auditEvents.edges.map((e) => e.node);
      return trail.filter((t) => t.outcome === 'ok').length >= 2 && trail.some((t) => t.outcome === 'FORBIDDEN')
        ? trail
        : undefined;
    }, 'the audit entries').then((trail) =>
      expect(trail).toEqual(
        expect.arrayContaining([
          { action: 'setWarehouseBoxes', target: `Warehouse:${warehouseId}`, outcome: 'ok' },
          expect.objectContaining({ action: 'setWarehouseBoxes', outcome: 'FORBIDDEN' }),
        ]),
      ),
    );
  });
});
