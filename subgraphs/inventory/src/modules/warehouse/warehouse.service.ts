import { auditTarget, isUuid, notFound, returnedRows } from '@supply-graph/shared';
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
  acceptsReturns: row.acceptsReturns,
});

const SET_ACCEPTS_RETURNS_SQL = `
  UPDATE warehouse SET accepts_returns = $2 WHERE id = $1
  RETURNING id, code, name, region, city, latitude, longitude, accepts_returns AS "acceptsReturns"`;

/** Reads of warehouses, and whether one takes returns. */
export const warehouseService = {
  /**
   * Lets returns be routed to the warehouse, or stops it (returns already routed there still arrive there).
   * Setting what is already set changes nothing but is still audited.
   *
   * @throws NOT_FOUND no such warehouse
   */
  async setAcceptsReturns(ctx: InventoryContext, id: string, accepts: boolean): Promise<Warehouse> {
    if (!isUuid(id)) throw notFound('Warehouse', id);
    auditTarget(ctx, 'Warehouse', id.toLowerCase());
    // In a transaction of `ctx.events`, so the change and its audit entry commit together.
    const [row] = await ctx.events.transaction(async (tx) =>
      returnedRows<WarehouseEntity>(await tx.manager.query(SET_ACCEPTS_RETURNS_SQL, [id, accepts])),
    );
    if (!row) throw notFound('Warehouse', id);
    ctx.loaders.warehouseById.clear(row.id).prime(row.id, row);
    return toWarehouse(row);
  },

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
