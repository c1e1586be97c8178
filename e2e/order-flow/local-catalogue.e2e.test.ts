import { randomUUID } from 'node:crypto';
import { describeEachBus } from '../support/buses';
import { PLACE_ORDER } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

describeEachBus("orders learns the catalogue from inventory's events", (bus, backend) => {
  const { db, ask } = usePlatform(backend, { customers: 20, orders: 40, bus });

  const place = (sku: string) =>
    ask(PLACE_ORDER, {
      input: {
        channel: 'webstore',
        externalId: `CAT-${randomUUID()}`,
        buyer: { name: 'He Jing', email: `he.${randomUUID().slice(0, 8)}@example.com` },
        currency: 'CNY',
        lines: [{ sku, quantity: 1, unitPrice: '30.00' }],
        shippingAddress: {
          country: 'CN',
          province: 'Shanghai',
          city: 'Shanghai',
          line1: `Huaihai Road ${randomUUID()}`,
        },
      },
    });

  it('a product created in inventory can be ordered once announced; a discontinued one is refused', async () => {
    const sku = `SKU-NEW-${randomUUID().slice(0, 8)}`;
    // Written the way an operator or an import would: straight into inventory's tables.
    await db.query(
      "INSERT INTO inventory.product (sku, name, price, weight_grams) VALUES ($1, 'Lacquer tray', 30, 400)",
      [sku],
    );
    await db.query(
      `INSERT INTO inventory.stock_level (sku, warehouse_id, on_hand, reserved, safety_stock)
       SELECT $1, id, 50, 0, 0 FROM inventory.warehouse WHERE code = 'SHA'`,
      [sku],
    );
    await eventually(
      async () => (await db.rows('SELECT 1 FROM orders.catalog_product WHERE sku = $1', [sku])).length > 0 || undefined,
      `orders' catalogue has ${sku}`,
      30_000,
    );
    const placed = await place(sku);
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.order!.id;
    await eventually(
      async () => {
        const [row] = await db.rows<{ status: string }>('SELECT status FROM orders.sales_order WHERE id = $1', [
          orderId,
        ]);
        return row?.status === 'ALLOCATED' || undefined;
      },
      'the order of the new product ALLOCATED',
      30_000,
    );

    await db.query('UPDATE inventory.product SET discontinued = true WHERE sku = $1', [sku]);
    await eventually(
      async () =>
        (await db.rows('SELECT 1 FROM orders.catalog_product WHERE sku = $1 AND discontinued', [sku])).length > 0 ||
        undefined,
      `orders' catalogue has ${sku} discontinued`,
      30_000,
    );
    const refused = await place(sku);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'lines[0].sku', message: `SKU "${sku}" is discontinued` }],
    });
  });

  it("orders' copy holds every product of inventory, with its name", async () => {
    const drift = await db.rows(
      `SELECT p.sku FROM inventory.product p LEFT JOIN orders.catalog_product c ON c.sku = p.sku
       WHERE c.sku IS NULL OR c.name <> p.name OR c.discontinued <> p.discontinued`,
    );
    expect(drift).toEqual([]);
    const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM orders.catalog_product');
    expect(n).toBeGreaterThan(0);
  });

  it('a copy that missed the announcements (emptied here) asks inventory for the catalogue: whole again', async () => {
    await db.query('TRUNCATE orders.catalog_product');
    const [{ n: products }] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM inventory.product');
    // The job looks every 5 s and asks at most once a minute (once may have gone out while the platform started).
    await eventually(
      async () => {
        const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM orders.catalog_product');
        return n === products || undefined;
      },
      `orders' catalogue refilled with all ${products} products`,
      90_000,
    );
  }, 120_000);
});
