import type { PlanningTargets } from '../safety-stock/planning-targets';

/**
 * The replenishment rule: a reorder point with an order-up-to level (the
 * (s, S) policy of supply-chain practice, reviewed daily against the forecast).
 *
 * - Position: on hand - reserved + inbound in transit, less the planned demand
 *   (baseline forecast x promotions' uplift) day by day from today (today counts
 *   in full). Inbound units count from today: their arrival day is not known.
 * - Trigger: the first day in the horizon the position falls to the reorder
 *   point s (today when it is there already). No such day: no suggestion.
 * - Order by: that day, since the reorder point already holds the demand over
 *   the lead time and the safety stock, so an order placed when the position
 *   reaches it arrives as stock reaches safety stock. When the forecast says
 *   the position falls below safety stock sooner than a lead time after it
 *   (a promotion inside the lead time), the order is due that much earlier:
 *   order by = min(crossing day, safety stock day - lead time).
 * - Needed by: the day the projected position would fall below safety stock
 *   (the stockout day when there is none), else when an order placed in time
 *   arrives.
 * - Late: the order-by day has passed; it is then today and the units arrive
 *   after they are needed.
 * - Quantity (order up to S): safety stock + planned demand over lead time +
 *   review period from the order day, less the position on that day, rounded
 *   up. Nothing when the position already covers it.
 */

/** How soon the order must go out. */
export enum ReplenishmentUrgency {
  /** The order-by day has passed: order today, the units still arrive after they are needed. */
  LATE = 'LATE',
  /** Order today. */
  NOW = 'NOW',
  /** Order before the next review (within the review period), so at this one. */
  SOON = 'SOON',
  /** Due after the next review. */
  PLANNED = 'PLANNED',
}

export interface PlanInput {
  sku: string;
  warehouseId: string;
  /** The first planned day, YYYY-MM-DD (UTC). */
  today: string;
  /** Days from today in which a crossing of the reorder point triggers a suggestion. */
  horizonDays: number;
  onHand: number;
  reserved: number;
  /** Units in transit to this warehouse, not yet received. */
  inbound: number;
  targets: PlanningTargets;
  /**
   * Baseline forecast per day from today (index 0 = today), through the
   * horizon plus lead time and review period; a day without a forecast is
   * undefined or missing and counts as no demand.
   */
  baseline: readonly (number | undefined)[];
  /** Promotions' factor per day, same indexing; missing: 1. */
  uplift?: readonly (number | undefined)[];
}

/** The figures a suggestion was made from, so a planner sees why. */
export interface PlanInputsUsed {
  onHand: number;
  reserved: number;
  inbound: number;
  /** on hand - reserved + inbound today. */
  position: number;
  safetyStock: number;
  reorderPoint: number;
  leadTimeDays: number;
  reviewDays: number;
  /** Planned demand over the horizon (baseline x uplift). */
  horizonDemand: number;
  /** Of it, the units promotions add. */
  promotionDemand: number;
  /** Days of the horizon with a stored forecast. */
  forecastDays: number;
  /** The projected position at the start of the order-by day. */
  positionAtOrder: number;
  /** Planned demand over lead time + review period from the order-by day. */
  coverDemand: number;
  /** Safety stock + coverDemand: what the order brings the position up to. */
  orderUpTo: number;
}

export interface ReplenishmentPlan {
  sku: string;
  warehouseId: string;
  /** Units to order (or produce). */
  quantity: number;
  /** YYYY-MM-DD: the last day to place the order (today when late). */
  orderBy: string;
  /** YYYY-MM-DD: when the units must be on the shelf. */
  neededBy: string;
  /** YYYY-MM-DD: when an order placed on the order-by day arrives (order by + lead time). */
  arrivesBy: string;
  /** YYYY-MM-DD: the day the projected position reaches the reorder point. */
  reorderPointOn: string;
  /** YYYY-MM-DD: the first day demand would go unmet without this order; null when none is in sight. */
  stockoutOn: string | null;
  late: boolean;
  /** Days the order is overdue (0 unless late). */
  daysLate: number;
  urgency: ReplenishmentUrgency;
  inputs: PlanInputsUsed;
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const round2 = (n: number) => Math.round(n * 100) / 100;
// Forecasts are fractional: a position within this of a threshold counts as at it.
const EPSILON = 1e-9;

/** The suggestion for one SKU x warehouse, or null when the position stays above the reorder point or is covered. */
export function planReplenishment(input: PlanInput): ReplenishmentPlan | null {
  const { safetyStock, reorderPoint } = input.targets;
  const { demand, startOf, lead, review } = project(input);
  const crossing = firstDay(startOf, (p) => p <= reorderPoint + EPSILON);
  if (crossing === null || crossing >= input.horizonDays) return null;
  // The day during which the position falls below safety stock (0 when below it already), and the first unmet day.
  const belowSafety = firstDay(startOf, (p) => p < safetyStock - EPSILON);
  const stockout = firstDay(startOf, (p) => p < -EPSILON);
  const due = belowSafety === null ? crossing : Math.min(crossing, belowSafety - lead);
  const orderDay = Math.max(due, 0);
  const coverDemand = sum(demand, orderDay, orderDay + lead + review);
  const positionAtOrder = startOf[orderDay];
  const quantity = Math.ceil(safetyStock + coverDemand - positionAtOrder - EPSILON);
  if (quantity <= 0) return null;

  const on = (day: number) => addDays(input.today, day);
  const horizonDemand = sum(demand, 0, input.horizonDays);
  // Array.from, not map: a day without a forecast is a hole in `baseline`, and map keeps holes.
  const baselineDemand = sum(
    Array.from({ length: input.horizonDays }, (_, t) => input.baseline[t] ?? 0),
    0,
    input.horizonDays,
  );
  return {
    sku: input.sku,
    warehouseId: input.warehouseId,
    quantity,
    orderBy: on(orderDay),
    neededBy: on(belowSafety ?? orderDay + lead),
    arrivesBy: on(orderDay + lead),
    reorderPointOn: on(crossing),
    stockoutOn: stockout === null ? null : on(stockout),
    late: due < 0,
    daysLate: Math.max(-due, 0),
    urgency: urgencyOf(due, review),
    inputs: {
      onHand: input.onHand,
      reserved: input.reserved,
      inbound: input.inbound,
      position: startOf[0],
      safetyStock,
      reorderPoint,
      leadTimeDays: lead,
      reviewDays: review,
      horizonDemand: round2(horizonDemand),
      promotionDemand: round2(horizonDemand - baselineDemand),
      forecastDays: input.baseline.slice(0, input.horizonDays).filter((d) => d !== undefined).length,
      positionAtOrder: round2(positionAtOrder),
      coverDemand: round2(coverDemand),
      orderUpTo: round2(safetyStock + coverDemand),
    },
  };
}

/**
 * The planned demand per day (baseline x uplift) over the horizon and one
 * more lead time + review period, and the position at the start of each day
 * (`startOf[t]`, before day t's demand; one entry more than days).
 */
function project(input: PlanInput) {
  // Whole days: the projection steps a day at a time.
  const lead = Math.max(0, Math.ceil(input.targets.leadTimeDays));
  const review = Math.max(0, Math.ceil(input.targets.reviewDays));
  const span = Math.max(input.horizonDays, 0) + lead + review;
  const demand = Array.from({ length: span }, (_, t) => (input.baseline[t] ?? 0) * (input.uplift?.[t] ?? 1));
  const startOf = [input.onHand - input.reserved + input.inbound];
  for (let t = 0; t < span; t++) startOf.push(startOf[t] - demand[t]);
  return { demand, startOf, lead, review };
}

/** `due`: the order-by day as days from today, negative when it has passed. */
function urgencyOf(due: number, review: number): ReplenishmentUrgency {
  if (due < 0) return ReplenishmentUrgency.LATE;
  if (due === 0) return ReplenishmentUrgency.NOW;
  return due < review ? ReplenishmentUrgency.SOON : ReplenishmentUrgency.PLANNED;
}

/**
 * Most urgent first: the earliest order-by day (the most overdue first), then
 * the earliest need, then the larger order; SKU and warehouse break ties so
 * the order is stable.
 */
export function byUrgency(a: ReplenishmentPlan, b: ReplenishmentPlan): number {
  return (
    compareDue(a, b) ||
    a.neededBy.localeCompare(b.neededBy) ||
    b.quantity - a.quantity ||
    a.sku.localeCompare(b.sku) ||
    a.warehouseId.localeCompare(b.warehouseId)
  );
}

// orderBy is today for every late plan: the days late order those among themselves.
const compareDue = (a: ReplenishmentPlan, b: ReplenishmentPlan) =>
  a.orderBy.localeCompare(b.orderBy) || b.daysLate - a.daysLate;

/**
 * The day (index) during which the projected position first meets `falls`:
 * 0 when the position today meets it already. Null when it never does.
 */
function firstDay(startOf: readonly number[], falls: (position: number) => boolean): number | null {
  if (falls(startOf[0])) return 0;
  const t = startOf.findIndex((p, i) => i > 0 && falls(p));
  return t < 0 ? null : t - 1;
}

function sum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let t = Math.max(from, 0); t < Math.min(to, values.length); t++) total += values[t];
  return total;
}
