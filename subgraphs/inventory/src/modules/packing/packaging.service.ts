import {
  AppError,
  auditTarget,
  badUserInput,
  isUuid,
  notFound,
  visibleChannels,
  type InputProblem,
} from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { kpiRange } from '../planning/kpi/planning-kpi.service';
import type { BoxInput, ProductDimensionsInput } from './packaging.input';
import type { Box, PackagingKpi, ProductDimensions } from './packaging.type';

/** Product dimensions and box catalogues (network-wide data), and the packaging KPIs. */
export const packagingService = {
  /**
   * Sets a product's packed size (and weight, if given); later reservations pack with it.
   * @throws FORBIDDEN a channel-scoped caller (a product is every channel's)
   * @throws NOT_FOUND unknown SKU
   */
  async setProductDimensions(ctx: InventoryContext, sku: string, input: ProductDimensionsInput) {
    assertSeesEveryChannel(ctx, 'change product dimensions');
    if (!(await ctx.loaders.productBySku.load(sku))) throw notFound('Product', sku);
    await ctx.events.transaction(async (tx) => {
      auditTarget(ctx, 'Product', sku);
      await tx.manager.query(
        `UPDATE product SET length_mm = $2, width_mm = $3, height_mm = $4, weight_grams = COALESCE($5, weight_grams)
         WHERE sku = $1`,
        [sku, input.lengthMm, input.widthMm, input.heightMm, input.weightGrams ?? null],
      );
    });
    ctx.loaders.dimensionsBySku.clear(sku);
    ctx.loaders.productBySku.clear(sku);
    return ctx.loaders.productBySku.load(sku);
  },

  /**
   * Replaces a warehouse's box catalogue. Orders reserved from then on are packed in the new boxes; plans made
   * before stay as they were.
   * @throws BAD_USER_INPUT duplicate codes, more than one default, a tare not below the weight limit (all listed)
   * @throws FORBIDDEN a channel-scoped caller
   * @throws NOT_FOUND unknown warehouse
   */
  async setWarehouseBoxes(ctx: InventoryContext, warehouseId: string, boxes: BoxInput[]): Promise<Box[]> {
    assertSeesEveryChannel(ctx, 'change box catalogues');
    const problems = catalogueProblems(boxes);
    if (problems.length)
      throw badUserInput(`Invalid boxes: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
    if (!isUuid(warehouseId) || !(await ctx.loaders.warehouseById.load(warehouseId)))
      throw notFound('Warehouse', warehouseId);
    const id = warehouseId.toLowerCase();
    await ctx.events.transaction(async (tx) => {
      auditTarget(ctx, 'Warehouse', id);
      await tx.manager.query('DELETE FROM warehouse_box WHERE warehouse_id = $1', [id]);
      if (boxes.length)
        await tx.manager.query(
          `INSERT INTO warehouse_box (warehouse_id, code, length_mm, width_mm, height_mm, max_weight_grams, tare_grams,
                                      is_default)
           SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::boolean[])`,
          [
            id,
            boxes.map((b) => b.code.trim()),
            boxes.map((b) => b.lengthMm),
            boxes.map((b) => b.widthMm),
            boxes.map((b) => b.heightMm),
            boxes.map((b) => b.maxWeightGrams),
            boxes.map((b) => b.tareGrams),
            boxes.map((b) => b.isDefault === true),
          ],
        );
    });
    ctx.loaders.boxesByWarehouseId.clear(id);
    return ctx.loaders.boxesByWarehouseId.load(id);
  },

  dimensions(ctx: InventoryContext, sku: string): Promise<ProductDimensions | null> {
    return ctx.loaders.dimensionsBySku.load(sku);
  },

  boxes(ctx: InventoryContext, warehouseId: string): Promise<Box[]> {
    return ctx.loaders.boxesByWarehouseId.load(warehouseId);
  },

  /**
   * The warehouse's packing over UTC days from..to (as planning KPIs: both included, to not after today); a
   * channel-scoped caller counts its channels' orders only.
   * @throws BAD_USER_INPUT a bad range; NOT_FOUND unknown warehouse
   */
  async kpis(ctx: InventoryContext, warehouseId: string, from: string, to: string): Promise<PackagingKpi> {
    const range = kpiRange(from, to);
    if (!isUuid(warehouseId) || !(await ctx.loaders.warehouseById.load(warehouseId)))
      throw notFound('Warehouse', warehouseId);
    const channels = visibleChannels(ctx.principal);
    const [row] = (await ctx.db.query(
      `SELECT count(DISTINCT order_id)::int AS shipments, count(*)::int AS packages,
              coalesce(sum(items_volume_cm3), 0) AS items, coalesce(sum(box_volume_cm3), 0) AS boxes,
              coalesce(sum(default_box_volume_cm3), 0) AS defaults
       FROM packing_plan
       WHERE warehouse_id = $1 AND created_at >= $2::date AND created_at < $3::date + 1
         AND ($4::text[] IS NULL OR channel = ANY($4))`,
      [warehouseId.toLowerCase(), range.from, range.to, channels],
    )) as { shipments: number; packages: number; items: number; boxes: number; defaults: number }[];
    const round = (v: number) => Math.round(v * 10) / 10;
    const share = (empty: number, of: number) => (of > 0 ? Math.round((empty / of) * 10_000) / 10_000 : null);
    return {
      warehouseId: warehouseId.toLowerCase(),
      shipmentsPacked: row.shipments,
      packages: row.packages,
      itemsVolumeCm3: round(row.items),
      boxVolumeCm3: round(row.boxes),
      defaultBoxVolumeCm3: round(row.defaults),
      voidFill: share(row.boxes - row.items, row.boxes),
      voidFillWithDefaultBox: share(row.defaults - row.items, row.defaults),
      volumeSavedCm3: round(row.defaults - row.boxes),
    };
  },
};

function assertSeesEveryChannel(ctx: InventoryContext, what: string): void {
  if (ctx.principal.channels === null) return;
  throw new AppError('FORBIDDEN', `Only a caller who sees every channel may ${what}`, {
    channels: ctx.principal.channels,
  });
}

/** What the boxes mean together: unique codes, one default at most, a tare below the limit. */
function catalogueProblems(boxes: readonly BoxInput[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  boxes.forEach((b, i) => {
    const code = b.code.trim();
    if (!code) problems.push({ field: `boxes[${i}].code`, message: 'must not be blank' });
    else if (seen.has(code)) problems.push({ field: `boxes[${i}].code`, message: `"${code}" is listed twice` });
    seen.add(code);
    if (b.tareGrams >= b.maxWeightGrams)
      problems.push({ field: `boxes[${i}].maxWeightGrams`, message: 'must be above tareGrams' });
  });
  if (boxes.filter((b) => b.isDefault).length > 1)
    problems.push({ field: 'boxes', message: 'at most one box may be the default' });
  return problems;
}
