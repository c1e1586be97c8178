import { stringify } from 'csv-stringify/sync';
import type { PlanInputsUsed, ReplenishmentPlan } from './replenishment-plan';

/** What a row adds for a reader without the graph: the product's name and the warehouse's code. */
export interface CsvLabels {
  productName: string;
  warehouseCode: string;
}

/**
 * The CSV columns, named as the GraphQL fields (the inputs flattened beside
 * the suggestion), so a row and a query's answer read alike.
 */
export const CSV_COLUMNS = [
  'sku',
  'productName',
  'warehouseId',
  'warehouseCode',
  'quantity',
  'orderBy',
  'neededBy',
  'arrivesBy',
  'reorderPointOn',
  'stockoutOn',
  'late',
  'daysLate',
  'urgency',
  'onHand',
  'reserved',
  'inbound',
  'position',
  'safetyStock',
  'reorderPoint',
  'leadTimeDays',
  'reviewDays',
  'horizonDemand',
  'promotionDemand',
  'forecastDays',
  'positionAtOrder',
  'coverDemand',
  'orderUpTo',
] as const satisfies readonly (keyof ReplenishmentPlan | keyof PlanInputsUsed | keyof CsvLabels)[];

/** RFC 4180 text with a header row; no stockout day is an empty field, booleans are true/false. */
export function toCsv(plans: readonly ReplenishmentPlan[], labels: (plan: ReplenishmentPlan) => CsvLabels): string {
  return stringify(
    plans.map((plan) => {
      const { inputs, ...suggestion } = plan;
      return { ...suggestion, ...inputs, ...labels(plan) };
    }),
    {
      header: true,
      columns: [...CSV_COLUMNS],
      cast: { boolean: (value) => String(value) },
      record_delimiter: 'windows',
    },
  );
}
