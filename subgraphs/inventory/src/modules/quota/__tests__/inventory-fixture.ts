import { randomUUID } from 'node:crypto';
import {
  closeDataSource,
  createDataSource,
  createLogger,
  eventTransaction,
  initializeDatabase,
  type EventTransaction,
  type OrderLinePayload,
  type OrderPlaced,
} from '@supply-graph/shared';
import { migratedSchemaDatabase, type TestBackend } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { inventorySubgraph } from '../../../index';

/**
 * The inventory schema, migrated for real, on a fresh database of the
 * backend, with two warehouses (SHA near Shanghai, PEK near Beijing) and no
 * products: each test adds the SKUs it needs, so tests never share stock.
 */
export interface InventoryFixture {
  db: DataSource;
  warehouses: { SHA: string; PEK: string };
  /** Adds a product with stock in the named warehouses. */
  addProduct(sku: string, levels: Partial<Record<'SHA' | 'PEK', LevelSpec>>): Promise<void>;
  /** Runs `fn` in one transaction, as a consumer would. */
  inTx<T>(fn: (tx: EventTransaction) => Promise<T>): Promise<T>;
  level(sku: string, code: 'SHA' | 'PEK'): Promise<LevelRow>;
  close(): Promise<void>;
}

export interface LevelSpec {
  onHand?: number;
  reserved?: number;
  safetyStock?: number;
  presaleOnHand?: number;
}

export interface LevelRow {
  on_hand: number;
  reserved: number;
  safety_stock: number;
  presale_on_hand: number;
  presale_reserved: number;
}

export async function startInventoryDb(backend: TestBackend): Promise<InventoryFixture> {
  // A copy of the run's migrated inventory schema: migrating finds nothing left to do.
  const database = await migratedSchemaDatabase(backend.adminUrl, 'inventory', inventorySubgraph);
  const db = createDataSource({
    service: 'inventory-test',
    url: database.url,
    schema: 'inventory',
    entities: inventorySubgraph.entities,
    migrations: inventorySubgraph.migrations,
    poolSize: 40,
    logger: createLogger('inventory-test', 'silent'),
  });
  await initializeDatabase(db, 'inventory');
  const warehouses = { SHA: randomUUID(), PEK: randomUUID() };
  await db.query(
    `INSERT INTO warehouse (id, code, name, region, city, latitude, longitude) VALUES
     ($1, 'SHA', 'Shanghai DC', 'East China', 'Shanghai', 31.38, 121.25),
     ($2, 'PEK', 'Beijing DC', 'North China', 'Beijing', 39.73, 116.34)`,
    [warehouses.SHA, warehouses.PEK],
  );
  return {
    db,
    warehouses,
    async addProduct(sku, levels) {
      await db.query(`INSERT INTO product (sku, name, price, weight_grams) VALUES ($1, $1, 10, 100)`, [sku]);
      for (const [code, spec] of Object.entries(levels) as ['SHA' | 'PEK', LevelSpec][]) {
        await db.query(
          `INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock, presale_on_hand) VALUES ($1,
            $2, $3, $4, $5, $6)`,
          [sku, warehouses[code], spec.onHand ?? 0, spec.reserved ?? 0, spec.safetyStock ?? 0, spec.presaleOnHand ?? 0],
        );
      }
    },
    inTx: (fn) => db.transaction((manager) => fn(eventTransaction(manager, 'inventory'))),
    async level(sku, code) {
      const rows = (await db.query(
        'SELECT on_hand, reserved, safety_stock, presale_on_hand, presale_reserved FROM stock_level ' +
          'WHERE sku = $1 AND warehouse_id = $2',
        [sku, warehouses[code]],
      )) as LevelRow[];
      return rows[0];
    },
    async close() {
      await closeDataSource(db);
      await database.drop();
    },
  };
}

/** An order.placed payload bound for Shanghai. */
export function placed(lines: Omit<OrderLinePayload, 'lineNo'>[], channel = 'webstore'): OrderPlaced {
  return {
    orderId: randomUUID(),
    channel,
    customerId: randomUUID(),
    placedAt: new Date().toISOString(),
    lines: lines.map((l, i) => ({ lineNo: i + 1, ...l })),
    shippingAddress: { country: 'CN', province: 'Shanghai', city: 'Shanghai' },
    held: false,
  };
}
