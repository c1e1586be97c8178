import type { InventoryContext } from '../../context';
import { WarehouseEntity } from './warehouse.entity';
import type { Warehouse } from './warehouse.type';

/** Maps a row to its GraphQL shape; the two stay separate so the table can change alone. */
export const toWarehouse = (row: WarehouseEntity): Warehouse => ({
  id: row.id,
  code: row.code,
  name: row.name,
  region: row.region,
  city: row.city,
  latitude: row.latitude,
  longitude: row.longitude,
});

/** Reads of warehouses. */
export const warehouseService = {
  /** A warehouse by id through the request's loader; null when there is none. */
  async findById(ctx: InventoryContext, id: string): Promise<Warehouse | null> {
    const row = await ctx.loaders.warehouseById.load(id);
    return row && toWarehouse(row);
  },

  /**
   * A warehouse that an inventory row points at. The foreign key guarantees it
   * exists, so a miss is a bug and surfaces as INTERNAL rather than a silent null.
   */
  async referenced(ctx: InventoryContext, id: string): Promise<Warehouse> {
    const warehouse = await this.findById(ctx, id);
    if (!warehouse) throw new Error(`warehouse ${id} referenced by an inventory row is missing`);
    return warehouse;
  },

  /** Every warehouse, ordered by code. The list is small (tens of rows), so it is not paged. */
  async list(ctx: InventoryContext): Promise<Warehouse[]> {
    const rows = await ctx.db.getRepository(WarehouseEntity).find({ order: { code: 'ASC' } });
    // Later fields (stock levels, allocations) may ask for these warehouses again by id.
    for (const row of rows) ctx.loaders.warehouseById.prime(row.id, row);
    return rows.map(toWarehouse);
  },
};
