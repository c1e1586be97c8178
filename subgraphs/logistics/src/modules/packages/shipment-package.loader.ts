import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid } from '@supply-graph/shared';
import type { ShipmentPackage } from './shipment-package.type';

/** Per-request package loaders: every shipment's packages in one statement (keyed by shipments already loaded). */
export function createShipmentPackageLoaders(db: DataSource) {
  return {
    packagesByShipmentId: new DataLoader<string, ShipmentPackage[]>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid))];
      const rows = valid.length
        ? ((await db.query(
            `SELECT shipment_id AS "shipmentId", package_no AS "packageNo", box_code AS "boxCode", length_mm AS "lengthMm",
                    width_mm AS "widthMm", height_mm AS "heightMm", weight_grams AS "weightGrams",
                    items_volume_cm3 AS "itemsVolumeCm3", box_volume_cm3 AS "boxVolumeCm3",
                    default_box_volume_cm3 AS "defaultBoxVolumeCm3", assumed_dimensions AS "assumedDimensions", items
             FROM shipment_package WHERE shipment_id = ANY($1::uuid[]) ORDER BY shipment_id, package_no`,
            [valid],
          )) as (Omit<ShipmentPackage, 'voidFill'> & { shipmentId: string })[])
        : [];
      const grouped = new Map<string, ShipmentPackage[]>();
      for (const { shipmentId, ...p } of rows) {
        const voidFill = p.boxVolumeCm3 > 0 ? Math.max(0, 1 - p.itemsVolumeCm3 / p.boxVolumeCm3) : 0;
        grouped.set(shipmentId, [
          ...(grouped.get(shipmentId) ?? []),
          { ...p, voidFill: Math.round(voidFill * 1e4) / 1e4 },
        ]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}
