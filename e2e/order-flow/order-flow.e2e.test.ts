import { graphql } from '../generated/suites';
import type { OrderLineInput, PlaceOrderInput, ShipmentStatus } from '../generated/suites/graphql';
import { describeEachBus } from '../support/buses';
import { PLACE_ORDER, RECORD_SCAN, shanghaiOrder } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const ORDER = graphql(`
  query OrderFlowOrder($id: ID!) {
    order(id: $id) {
      id status version
      statusHistory { from to reason }
      allocations { sku quantity warehouse { code } reason }
      shipments { id status trackingNumber carrier { code } warehouse { code } }
    }
  }
`);

/** Units of the SKU a Shanghai order can take from the SHA warehouse. */
const AVAILABLE_IN_SHA = `SELECT s.on_hand - s.reserved - s.safety_stock AS available FROM inventory.stock_level s
  JOIN inventory.warehouse w ON w.id = s.warehouse_id WHERE w.code = 'SHA' AND s.sku = $1`;

describeEachBus('order flow: placed, allocated, shipped, delivered', (bus, backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60, bus });
  let n = 0;

  const buyer = { name: 'Zhou Min', email: 'zhou.min@example.com', phone: '+8613800000001' };
  const input = (lines: OrderLineInput[]): PlaceOrderInput =>
    shanghaiOrder(`WS-E2E-${Date.now()}-${(n += 1)}`, buyer, lines, 'No. 1 Nanjing Road');
  const view = async (id: string) => (await ask(ORDER, { id })).data!.order!;

  it('places an order, reserves stock in the nearest warehouse and plans its shipment', async () => {
    const [level] = await db.rows<{ sku: string; available: number }>(
      `SELECT s.sku, s.on_hand - s.reserved - s.safety_stock AS available FROM inventory.stock_level s
       JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE w.code = 'SHA' AND s.on_hand - s.reserved - s.safety_stock >= 5
       ORDER BY s.sku LIMIT 1`,
    );
    const placed = await ask(PLACE_ORDER, { input: input([{ sku: level.sku, quantity: 2, unitPrice: '19.90' }]) });
    expect(placed.errors).toBeUndefined();
    expect(placed.data!.placeOrder.created).toBe(true);
    const id = placed.data!.placeOrder.order!.id;
    const order = await eventually(async () => {
      const o = await view(id);
      return o.status === 'ALLOCATED' && o.shipments!.length > 0 ? o : undefined;
    }, 'ALLOCATED with a shipment');
    expect(order.allocations).toEqual([
      expect.objectContaining({ sku: level.sku, quantity: 2, warehouse: { code: 'SHA' } }),
    ]);
    expect(order.allocations![0].reason).toMatch(/SHA holds every line/);
    expect(order.shipments).toHaveLength(1);
    expect(order.shipments![0]).toMatchObject({ status: 'CREATED', warehouse: { code: 'SHA' } });
    expect(order.version).toBe(2);
    expect(order.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'ALLOCATED']);
    const [after] = await db.rows<{ available: number }>(AVAILABLE_IN_SHA, [level.sku]);
    expect(after.available).toBe(level.available - 2);

    // The carrier's scans move the shipment, and through events the order.
    const { trackingNumber, carrier } = order.shipments![0];
    // Scans come after the label was created; the latest scan by carrier time sets the status.
    const scan = (status: ShipmentStatus, minutesLater: number) =>
      ask(RECORD_SCAN, {
        input: {
          carrier: carrier.code,
          trackingNumber,
          status,
          at: new Date(Date.now() + minutesLater * 60_000).toISOString(),
        },
      });
    expect((await scan('IN_TRANSIT', 1)).errors).toBeUndefined();
    await eventually(async () => ((await view(id)).status === 'SHIPPED' ? true : undefined), 'SHIPPED');
    expect((await scan('DELIVERED', 2)).errors).toBeUndefined();
    const delivered = await eventually(async () => {
      const o = await view(id);
      return o.status === 'DELIVERED' ? o : undefined;
    }, 'DELIVERED');
    expect(delivered.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'ALLOCATED', 'SHIPPED', 'DELIVERED']);
    expect(delivered.version).toBe(4);
    // Shipped units left the shelf: on hand went down, the reservation is gone.
    const [stock] = await db.rows<{ available: number }>(AVAILABLE_IN_SHA, [level.sku]);
    expect(stock.available).toBe(level.available - 2);
  });

  it('splits an order no single warehouse can fill across the fewest warehouses, one shipment each', async () => {
    // Two SKUs, each sellable in exactly one (different) warehouse.
    const [a, b] = ['SKU-0201', 'SKU-0202'];
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + safety_stock WHERE sku = ANY($1)', [[a, b]]);
    const homes = await db.rows<{ sku: string; code: string }>(
      `SELECT DISTINCT ON (s.sku) s.sku, w.code
       FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE s.sku = ANY($1) ORDER BY s.sku, w.code`,
      [[a, b]],
    );
    const homeOf = Object.fromEntries(homes.map((h) => [h.sku, h.code]));
    if (homeOf[a] === homeOf[b]) throw new Error('fixture: the two SKUs must be stocked apart');
    for (const [sku, code] of Object.entries(homeOf)) {
      await db.query(
        `UPDATE inventory.stock_level s SET on_hand = reserved + safety_stock + 5 FROM inventory.warehouse w
         WHERE w.id = s.warehouse_id AND s.sku = $1 AND w.code = $2`,
        [sku, code],
      );
    }
    const placed = await ask(PLACE_ORDER, {
      input: input([
        { sku: a, quantity: 2, unitPrice: '10.00' },
        { sku: b, quantity: 1, unitPrice: '20.00' },
      ]),
    });
    expect(placed.errors).toBeUndefined();
    const order = await eventually(async () => {
      const o = await view(placed.data!.placeOrder.order!.id);
      return o.status === 'ALLOCATED' && o.shipments!.length === 2 ? o : undefined;
    }, 'a split allocation with two shipments');
    const where = Object.fromEntries(order.allocations!.map((x) => [x.sku, x.warehouse.code]));
    expect(where).toEqual(homeOf);
    expect(order.allocations![0].reason).toMatch(/split across 2/);
    expect(order.shipments!.map((sh) => sh.warehouse.code).sort()).toEqual(Object.values(homeOf).sort());
  });
});
