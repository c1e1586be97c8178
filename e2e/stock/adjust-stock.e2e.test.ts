import { describePlatformSuite } from '../support/backends';
import { expectOneError } from '../support/expect-error';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/suites';
import { usePlatform } from '../support/use-platform';
import { iso } from '../support/sql';

interface Level {
  sku: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  safety_stock: number;
  updated_at: Date;
}

interface Movement {
  id: string;
  kind: string;
  quantity: number;
  reason: string;
  order_id: string | null;
}

const ADJUST = graphql(`
  mutation AdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {
    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {
      sku warehouse { id } onHand reserved safetyStock available updatedAt
    }
  }
`);
const PRODUCT = graphql(`
  query AdjustStockProduct($sku: ID!) {
    product(sku: $sku) { available stockLevels { warehouse { id } onHand reserved available } }
  }
`);

type StockLevel = ResultOf<typeof ADJUST>['adjustStock'];

const key = (l: Pick<Level, 'sku' | 'warehouse_id'>) => `${l.sku}@${l.warehouse_id}`;

describePlatformSuite('adjusting stock through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 50, orders: 300 });
  // Every test takes its own stock levels, so no test depends on another's leftovers.
  const taken = new Set<string>();

  const adjust = (l: Pick<Level, 'sku' | 'warehouse_id'>, delta: number, reason = `count correction ${delta}`) =>
    ask(ADJUST, { sku: l.sku, warehouseId: l.warehouse_id, delta, reason });
  const product = async (sku: string) => (await ask(PRODUCT, { sku })).data!.product!;

  const level = async (l: Pick<Level, 'sku' | 'warehouse_id'>) =>
    (
      await db.rows<Level>('SELECT * FROM inventory.stock_level WHERE sku = $1 AND warehouse_id = $2', [
        l.sku,
        l.warehouse_id,
      ])
    )[0];

  /** ADJUST movements of the level written after movement `afterId`, oldest first. */
  const movementsSince = (l: Pick<Level, 'sku' | 'warehouse_id'>, afterId: string) =>
    db.rows<Movement>(
      `SELECT id, kind, quantity, reason, order_id FROM inventory.stock_movement
       WHERE sku = $1 AND warehouse_id = $2 AND id > $3 ORDER BY id`,
      [l.sku, l.warehouse_id, afterId],
    );
  const lastMovementId = async () =>
    (await db.rows<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM inventory.stock_movement'))[0].id;

  /** An untaken stock level matching the SQL condition on `s`. */
  async function take(condition: string): Promise<Level> {
    const rows = await db.rows<Level>(
      `SELECT * FROM inventory.stock_level s WHERE ${condition} ORDER BY sku, warehouse_id`,
    );
    const found = rows.find((r) => !taken.has(key(r)));
    if (!found) throw new Error(`the seed has no free stock level with ${condition}`);
    taken.add(key(found));
    return found;
  }

  /** A level with reserved units; when the seed has none left, one given 5 reserved units via SQL. */
  async function takeReserved(): Promise<Level> {
    const chosen = await take('s.reserved > 0').catch(() => take('s.on_hand >= 5'));
    if (chosen.reserved === 0) {
      await db.query('UPDATE inventory.stock_level SET reserved = 5 WHERE sku = $1 AND warehouse_id = $2', [
        chosen.sku,
        chosen.warehouse_id,
      ]);
      return level(chosen);
    }
    return chosen;
  }

  const expectSameAsRow = (returned: StockLevel, row: Level) =>
    expect(returned).toEqual({
      sku: row.sku,
      warehouse: { id: row.warehouse_id },
      onHand: row.on_hand,
      reserved: row.reserved,
      safetyStock: row.safety_stock,
      available: Math.max(0, row.on_hand - row.reserved - row.safety_stock),
      updatedAt: iso(row.updated_at),
    });

  it.each([
    ['positive', 7, '  found 7 units behind the rack  '],
    ['negative', -4, 'damaged in a forklift accident'],
  ])(
    'a %s adjustment changes onHand and available exactly and writes one ADJUST movement',
    async (_label, delta, reason) => {
      // Enough free units that available moves by the whole delta instead of stopping at 0.
      const before = await take('s.on_hand - s.reserved - s.safety_stock >= 10');
      const since = await lastMovementId();
      const productBefore = await product(before.sku);

      const result = await adjust(before, delta, reason);

      expect(result.errors).toBeUndefined();
      const returned = result.data!.adjustStock;
      expect(returned).toMatchObject({
        onHand: before.on_hand + delta,
        reserved: before.reserved,
        safetyStock: before.safety_stock,
        available: before.on_hand + delta - before.reserved - before.safety_stock,
      });
      const after = await level(before);
      expectSameAsRow(returned, after);
      expect(after.updated_at.getTime()).toBeGreaterThanOrEqual(before.updated_at.getTime());
      expect(await movementsSince(before, since)).toEqual([
        { id: expect.any(String), kind: 'ADJUST', quantity: delta, reason: reason.trim(), order_id: null },
      ]);
      // A later read of the product sees the new numbers.
      const productAfter = await product(before.sku);
      expect(productAfter.available).toBe(productBefore.available + delta);
      expect(productAfter.stockLevels.find((s) => s.warehouse.id === before.warehouse_id)).toMatchObject({
        onHand: before.on_hand + delta,
        available: returned.available,
      });
    },
  );

  it('a decrement below the reserved units is CONFLICT and changes nothing', async () => {
    const before = await takeReserved();
    const since = await lastMovementId();

    const result = await adjust(before, -(before.on_hand - before.reserved + 1));

    const error = expectOneError(result, 'CONFLICT', new RegExp(`below the ${before.reserved} units reserved`));
    expect(error.extensions).toMatchObject({ onHand: before.on_hand, reserved: before.reserved });
    expect(await level(before)).toEqual(before);
    expect(await movementsSince(before, since)).toEqual([]);
    // Down to exactly the reserved units is still allowed: the refusal above was the boundary.
    const exact = await adjust(before, -(before.on_hand - before.reserved));
    expect(exact.errors).toBeUndefined();
    expect(exact.data!.adjustStock).toMatchObject({ onHand: before.reserved, reserved: before.reserved, available: 0 });
  });

  it('30 concurrent decrements of a level 10 above reserved: 10 succeed, 20 are CONFLICT', async () => {
    const chosen = await takeReserved();
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + 10 WHERE sku = $1 AND warehouse_id = $2', [
      chosen.sku,
      chosen.warehouse_id,
    ]);
    const before = await level(chosen);
    expect(before.on_hand).toBe(before.reserved + 10);
    const since = await lastMovementId();

    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => adjust(before, -1, `shrinkage #${i}`)));

    const succeeded = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const r of refused) expectOneError(r, 'CONFLICT');
    // Each success saw its own step down: reserved+9 .. reserved, never lower.
    const seen = succeeded.map((r) => r.data!.adjustStock.onHand).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => before.reserved + i));
    const after = await level(before);
    expect(after.on_hand).toBe(before.reserved);
    expect(after.reserved).toBe(before.reserved);
    const movements = await movementsSince(before, since);
    expect(movements).toHaveLength(10);
    expect(movements.every((m) => m.kind === 'ADJUST' && m.quantity === -1)).toBe(true);
    // The ledger names exactly the requests that succeeded.
    const refusedReasons = new Set(refused.map((r) => results.indexOf(r)).map((i) => `shrinkage #${i}`));
    expect(movements.filter((m) => refusedReasons.has(m.reason))).toEqual([]);
  });

  it('40 concurrent mixed +1/-1 adjustments end at the arithmetic sum, matched by the ledger', async () => {
    const chosen = await take('true');
    // 25 decrements in a row cannot reach reserved from here, so every request must succeed.
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + 30 WHERE sku = $1 AND warehouse_id = $2', [
      chosen.sku,
      chosen.warehouse_id,
    ]);
    const before = await level(chosen);
    const since = await lastMovementId();
    const deltas = Array.from({ length: 40 }, (_, i) => (i % 8 < 5 ? -1 : +1)); // 25 x -1, 15 x +1
    const sum = deltas.reduce((a, b) => a + b, 0);
    expect(sum).toBe(-10);

    const results = await Promise.all(deltas.map((d, i) => adjust(before, d, `recount ${i}`)));

    for (const r of results) expect(r.errors).toBeUndefined();
    const after = await level(before);
    expect(after.on_hand).toBe(before.on_hand + sum);
    expect(after.reserved).toBe(before.reserved);
    const movements = await movementsSince(before, since);
    expect(movements).toHaveLength(40);
    expect(movements.reduce((n, m) => n + m.quantity, 0)).toBe(after.on_hand - before.on_hand);
    // The row lock orders the ledger: each request returned the running total at its place in it.
    let running = before.on_hand;
    for (const m of movements) {
      running += m.quantity;
      const i = Number(/^recount (\d+)$/.exec(m.reason)![1]);
      expect(results[i].data!.adjustStock.onHand).toBe(running);
    }
  });

  describe('a product and warehouse without a stock level', () => {
    /** Product/warehouse pairs that have no stock row yet. */
    async function missingPair(): Promise<Pick<Level, 'sku' | 'warehouse_id'>> {
      const rows = await db.rows<Pick<Level, 'sku' | 'warehouse_id'>>(`
        SELECT p.sku, w.id AS warehouse_id FROM inventory.product p CROSS JOIN inventory.warehouse w
        WHERE NOT EXISTS (SELECT 1 FROM inventory.stock_level s WHERE s.sku = p.sku AND s.warehouse_id = w.id)
        ORDER BY p.sku, w.code`);
      const found = rows.find((r) => !taken.has(key(r)));
      if (!found) throw new Error('every product is stocked in every warehouse: no pair to create');
      taken.add(key(found));
      return found;
    }

    it('a negative delta is CONFLICT and creates nothing; a positive one creates the level', async () => {
      const pair = await missingPair();
      const since = await lastMovementId();

      expectOneError(await adjust(pair, -3), 'CONFLICT');
      expect(await level(pair)).toBeUndefined();
      expect(await movementsSince(pair, since)).toEqual([]);

      const result = await adjust(pair, 5, 'first delivery counted in');
      expect(result.errors).toBeUndefined();
      expect(result.data!.adjustStock).toMatchObject({ onHand: 5, reserved: 0, safetyStock: 0, available: 5 });
      const created = await level(pair);
      expect(created).toBeDefined();
      expectSameAsRow(result.data!.adjustStock, created);
      expect(await movementsSince(pair, since)).toEqual([
        { id: expect.any(String), kind: 'ADJUST', quantity: 5, reason: 'first delivery counted in', order_id: null },
      ]);
      expect((await product(pair.sku)).stockLevels).toContainEqual(
        expect.objectContaining({ warehouse: { id: pair.warehouse_id }, onHand: 5 }),
      );
    });

    it('20 concurrent first increments create one level holding all of them', async () => {
      const pair = await missingPair();
      const since = await lastMovementId();

      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => adjust(pair, 1, `opening count ${i}`)));

      for (const r of results) expect(r.errors).toBeUndefined();
      const rows = await db.rows<Level>('SELECT * FROM inventory.stock_level WHERE sku = $1 AND warehouse_id = $2', [
        pair.sku,
        pair.warehouse_id,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].on_hand).toBe(20);
      expect(results.map((r) => r.data!.adjustStock.onHand).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const movements = await movementsSince(pair, since);
      expect(movements).toHaveLength(20);
      expect(movements.every((m) => m.kind === 'ADJUST' && m.quantity === 1)).toBe(true);
    });
  });
});
