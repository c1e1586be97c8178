import type { Queryable } from '@supply-graph/shared';
import type { StockPair } from '../forecast/forecast-store';

/**
 * Planned promotions' effect on demand: per SKU x warehouse (`pairKey`) and
 * day (YYYY-MM-DD), the factor that multiplies the baseline forecast on that
 * day. Days without an active promotion are absent (factor 1).
 *
 * Every planning figure that reads a forecast (the forecast field, safety
 * stock, reorder points, transfers, replenishment) goes through this one
 * function, so a promotion raises all of them alike.
 *
 * TODO(issue 13, promotions): planned promotions are not stored yet, so no day has an uplift.
 */
export async function plannedUplift(
  _db: Queryable,
  _pairs: readonly StockPair[],
  _from: string,
  _to: string,
): Promise<Map<string, Map<string, number>>> {
  return new Map();
}
