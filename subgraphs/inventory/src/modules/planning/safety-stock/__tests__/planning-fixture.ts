import { serviceEvents } from '@supply-graph/shared';
import { loadInventoryConfig } from '../../../../config';
import { defaultInventoryStrategies } from '../../../../strategies';
import type { InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { replaceForecasts } from '../../forecast/forecast-store';
import { leadTimeWindow } from '../safety-stock-formula';
import type { SafetyStockDeps } from '../safety-stock-recompute';

/** The day the planning tests plan from (a Monday), and the moment in it. */
export const TODAY = '2026-11-09';
export const NOW = new Date(`${TODAY}T08:00:00Z`);

export interface FitSpec {
  errorSd: number;
  /** Default 120: enough for dynamic safety stock (the default minimum is 56). */
  historyDays?: number;
  /** Units per day, every stored day and the recent mean. Default 3. */
  daily?: number;
  /** Stored forecast days from TODAY on. Default 30. */
  horizon?: number;
  fittedAt?: Date;
}

/** Stores a fit and its flat forecast for one level, as a refit would. */
export async function storeFit(fx: InventoryFixture, sku: string, code: 'SHA' | 'PEK', spec: FitSpec): Promise<void> {
  const warehouseId = fx.warehouses[code];
  const daily = spec.daily ?? 3;
  await fx.db.transaction((em) =>
    replaceForecasts(
      em,
      [
        {
          sku,
          warehouseId,
          model: 'mstl-ets',
          level: 0.8,
          historyDays: spec.historyDays ?? 120,
          meanDaily: daily,
          errorSd: spec.errorSd,
          holdoutWape: 0.5,
          firstDay: TODAY,
          fittedAt: spec.fittedAt ?? new Date(),
        },
      ],
      leadTimeWindow(TODAY, spec.horizon ?? 30).map((day) => ({
        sku,
        warehouseId,
        day,
        point: daily,
        lower: 0,
        upper: daily * 2,
      })),
    ),
  );
}

/** What a recompute needs, on the fixture's database, with the config `env` gives. */
export function plannerDeps(fx: InventoryFixture, env: Record<string, string> = {}): SafetyStockDeps {
  return {
    db: fx.db,
    events: serviceEvents('inventory', fx.db, () => undefined),
    ...defaultInventoryStrategies(),
    config: loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-planning-test-secret-0123456789', ...env }),
  };
}
