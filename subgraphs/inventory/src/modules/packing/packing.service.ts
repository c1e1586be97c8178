import { insertRows, type ColumnTypes, type EventTransaction, type PackagePayload } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import { boxVolumeMm3, type BoxSpec, type PackItem, type PackedBox, type PackingStrategy } from './packing-strategy';

/**
 * The size a product nobody measured is packed with: a shoebox-sized 200 x 150 x 100 mm, larger than most of
 * the catalogue's small items, so an estimate errs towards a bigger box rather than one the item does not fit.
 */
export const DEFAULT_DIMENSIONS_MM: readonly [number, number, number] = [200, 150, 100];

/**
 * Above this many units from one warehouse an order is not packed (no plan, no packages): it goes out palletised.
 * The packer's cost grows with the cube of the units in one box and it runs inside the stock transaction: 194
 * units of a 160 x 90 x 90 mm item took 1.1 s there (profiled: binpackingjs `intersect`), and a backorder run
 * holding the SKU's rows that long pushed `adjustStock` past its deadline under load. 50 units pack in < 60 ms.
 */
export const MAX_PACKED_UNITS = 50;

const BOXES_SQL = `SELECT warehouse_id AS "warehouseId", code, length_mm AS "lengthMm", width_mm AS "widthMm",
  height_mm AS "heightMm", max_weight_grams AS "maxWeightGrams", tare_grams AS "tareGrams", is_default AS "isDefault"
  FROM warehouse_box WHERE warehouse_id = ANY($1::uuid[]) ORDER BY warehouse_id, code`;

// One catalogue read per transaction, however many orders it reserves (a backorder run fills many).
const catalogues = new WeakMap<EntityManager, Map<string, BoxSpec[]>>();

async function boxesOf(manager: EntityManager, warehouseIds: string[]): Promise<Map<string, BoxSpec[]>> {
  const cached = catalogues.get(manager) ?? new Map<string, BoxSpec[]>();
  catalogues.set(manager, cached);
  const missing = warehouseIds.filter((id) => !cached.has(id));
  if (missing.length) {
    const rows = (await manager.query(BOXES_SQL, [missing])) as (BoxSpec & { warehouseId: string })[];
    for (const id of missing) cached.set(id, []);
    for (const { warehouseId, ...box } of rows) cached.get(warehouseId)!.push(box);
  }
  return cached;
}

interface PlanRow {
  order_id: string;
  warehouse_id: string;
  package_no: number;
  channel: string | null;
  box_code: string | null;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  items_volume_cm3: number;
  box_volume_cm3: number;
  default_box_volume_cm3: number;
  weight_grams: number;
  items: string;
  assumed_dimensions: boolean;
}

const PLAN_COLUMNS: ColumnTypes<PlanRow> = {
  order_id: 'uuid',
  warehouse_id: 'uuid',
  package_no: 'int',
  channel: 'text',
  box_code: 'text',
  length_mm: 'int',
  width_mm: 'int',
  height_mm: 'int',
  items_volume_cm3: 'float8',
  box_volume_cm3: 'float8',
  default_box_volume_cm3: 'float8',
  weight_grams: 'int',
  items: 'jsonb',
  assumed_dimensions: 'boolean',
};

const cm3 = (mm3: number) => Math.round(mm3 / 100) / 10;

/**
 * Packs a reserved order's units, per warehouse, into that warehouse's boxes, stores the plan (replacing the
 * order's earlier one) and returns its parcels for `stock.reserved`. Runs in the reservation's transaction, after
 * the stock rows: two reads (products, box catalogue) and one insert. A warehouse without a catalogue, or with
 * more than MAX_PACKED_UNITS units of the order, gets no parcels.
 */
export async function packReservation(
  tx: EventTransaction,
  order: { orderId: string; channel?: string | null },
  allocations: readonly { sku: string; warehouseId: string; quantity: number }[],
  strategy: PackingStrategy,
): Promise<PackagePayload[]> {
  const { manager } = tx;
  await manager.query('DELETE FROM packing_plan WHERE order_id = $1', [order.orderId]);
  const byWarehouse = new Map<string, Map<string, number>>();
  for (const a of allocations) {
    const units = byWarehouse.get(a.warehouseId) ?? new Map<string, number>();
    units.set(a.sku, (units.get(a.sku) ?? 0) + a.quantity);
    byWarehouse.set(a.warehouseId, units);
  }
  const catalogues = await boxesOf(manager, [...byWarehouse.keys()]);
  const products = await productSizes(manager, [...new Set(allocations.map((a) => a.sku))]);
  const packages: PackagePayload[] = [];
  for (const [warehouseId, units] of byWarehouse) {
    const boxes = catalogues.get(warehouseId) ?? [];
    const count = [...units.values()].reduce((s, q) => s + q, 0);
    if (!boxes.length || count > MAX_PACKED_UNITS) continue;
    const items = [...units].flatMap(([sku, quantity]) => Array.from({ length: quantity }, () => products.get(sku)!));
    const defaultBox = boxes.find((b) => b.isDefault) ?? null;
    strategy.pack(items, boxes).forEach((parcel, i) => {
      packages.push(toPackage(warehouseId, i + 1, parcel, items, defaultBox, strategy));
    });
  }
  if (packages.length)
    await insertRows<PlanRow>(
      manager,
      'packing_plan',
      PLAN_COLUMNS,
      packages.map((p) => toRow(order, p)),
      {
        computed: { created_at: 'now()' },
      },
    );
  return packages;
}

type Sized = PackItem & { assumed: boolean };

async function productSizes(manager: EntityManager, skus: string[]): Promise<Map<string, Sized>> {
  const rows = (await manager.query(
    `SELECT sku, length_mm AS "lengthMm", width_mm AS "widthMm", height_mm AS "heightMm", weight_grams AS "weightGrams"
     FROM product WHERE sku = ANY($1)`,
    [skus],
  )) as {
    sku: string;
    lengthMm: number | null;
    widthMm: number | null;
    heightMm: number | null;
    weightGrams: number;
  }[];
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  return new Map(
    skus.map((sku) => {
      const r = bySku.get(sku);
      const measured = r?.lengthMm != null && r.widthMm != null && r.heightMm != null;
      const [l, w, h] = measured ? [r.lengthMm!, r.widthMm!, r.heightMm!] : DEFAULT_DIMENSIONS_MM;
      return [sku, { sku, lengthMm: l, widthMm: w, heightMm: h, weightGrams: r?.weightGrams ?? 0, assumed: !measured }];
    }),
  );
}

function toPackage(
  warehouseId: string,
  packageNo: number,
  parcel: PackedBox,
  items: readonly Sized[],
  defaultBox: BoxSpec | null,
  strategy: PackingStrategy,
): PackagePayload {
  const skus = parcel.placements.map((p) => p.sku);
  const contents = skus.map((sku) => items.find((i) => i.sku === sku)!);
  const itemsMm3 = contents.reduce((s, i) => s + i.lengthMm * i.widthMm * i.heightMm, 0);
  const weight = contents.reduce((s, i) => s + i.weightGrams, 0) + (parcel.box?.tareGrams ?? 0);
  const outer = parcel.box ?? {
    lengthMm: contents[0].lengthMm,
    widthMm: contents[0].widthMm,
    heightMm: contents[0].heightMm,
  };
  const boxMm3 = parcel.box ? boxVolumeMm3(parcel.box) : itemsMm3;
  const quantities = new Map<string, number>();
  for (const sku of skus) quantities.set(sku, (quantities.get(sku) ?? 0) + 1);
  return {
    warehouseId,
    packageNo,
    boxCode: parcel.box?.code ?? null,
    lengthMm: outer.lengthMm,
    widthMm: outer.widthMm,
    heightMm: outer.heightMm,
    itemsVolumeCm3: cm3(itemsMm3),
    boxVolumeCm3: cm3(boxMm3),
    defaultBoxVolumeCm3: cm3(defaultVolumeMm3(contents, defaultBox, boxMm3, strategy)),
    weightGrams: weight,
    assumedDimensions: contents.some((i) => i.assumed),
    items: [...quantities].map(([sku, quantity]) => ({ sku, quantity })).sort((a, b) => a.sku.localeCompare(b.sku)),
  };
}

/**
 * What the warehouse's default box would have used for the same units: as many default boxes as they need (packed
 * by the same strategy), units too big for it counted at their own volume. Without a default box, the parcel's own.
 */
function defaultVolumeMm3(contents: Sized[], defaultBox: BoxSpec | null, own: number, strategy: PackingStrategy) {
  if (!defaultBox) return own;
  return strategy
    .pack(contents, [defaultBox])
    .reduce(
      (s, p) =>
        s + (p.box ? boxVolumeMm3(p.box) : p.placements.reduce((v, x) => v + x.size[0] * x.size[1] * x.size[2], 0)),
      0,
    );
}

function toRow(order: { orderId: string; channel?: string | null }, p: PackagePayload): PlanRow {
  return {
    order_id: order.orderId,
    warehouse_id: p.warehouseId,
    package_no: p.packageNo,
    channel: order.channel ?? null,
    box_code: p.boxCode,
    length_mm: p.lengthMm,
    width_mm: p.widthMm,
    height_mm: p.heightMm,
    items_volume_cm3: p.itemsVolumeCm3,
    box_volume_cm3: p.boxVolumeCm3,
    default_box_volume_cm3: p.defaultBoxVolumeCm3,
    weight_grams: p.weightGrams,
    items: JSON.stringify(p.items),
    assumed_dimensions: p.assumedDimensions,
  };
}

/** The order's stored parcels, for announcing its reservation again. */
export async function storedPackages(manager: EntityManager, orderId: string): Promise<PackagePayload[]> {
  const rows = (await manager.query(
    'SELECT * FROM packing_plan WHERE order_id = $1 ORDER BY warehouse_id, package_no',
    [orderId],
  )) as (Omit<PlanRow, 'items'> & { items: PackagePayload['items'] })[];
  return rows.map((r) => ({
    warehouseId: r.warehouse_id,
    packageNo: r.package_no,
    boxCode: r.box_code,
    lengthMm: r.length_mm,
    widthMm: r.width_mm,
    heightMm: r.height_mm,
    itemsVolumeCm3: r.items_volume_cm3,
    boxVolumeCm3: r.box_volume_cm3,
    defaultBoxVolumeCm3: r.default_box_volume_cm3,
    weightGrams: r.weight_grams,
    assumedDimensions: r.assumed_dimensions,
    items: r.items,
  }));
}
