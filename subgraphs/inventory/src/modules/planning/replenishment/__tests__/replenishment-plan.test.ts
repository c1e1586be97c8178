import { byUrgency, planReplenishment, ReplenishmentUrgency, type PlanInput } from '../replenishment-plan';

const TODAY = '2026-03-01';
const targets = { safetyStock: 30, reorderPoint: 100, leadTimeDays: 7, reviewDays: 7 };
const days = (n: number, units: number) => Array.from({ length: n }, () => units);

/** A level selling 10 a day with 180 to sell: the position reaches the reorder point (100) at the end of day 7. */
const steady: PlanInput = {
  sku: 'R-1',
  warehouseId: 'w-1',
  today: TODAY,
  horizonDays: 30,
  onHand: 200,
  reserved: 20,
  inbound: 0,
  targets,
  baseline: days(44, 10),
};

/** Replays the projection with the order arriving on arrivesBy: the lowest position before the next review. */
function lowestWithOrder(input: PlanInput, quantity: number, arrivesBy: string, until: number): number {
  const arrival = (Date.parse(arrivesBy) - Date.parse(input.today)) / 86_400_000;
  let position = input.onHand - input.reserved + input.inbound;
  let lowest = position;
  for (let t = 0; t < until; t++) {
    if (t === arrival) position += quantity;
    position -= (input.baseline[t] ?? 0) * (input.uplift?.[t] ?? 1);
    lowest = Math.min(lowest, position);
  }
  return lowest;
}

describe('planReplenishment', () => {
  it('orders on the day the position reaches the reorder point, up to safety stock + demand over lead time and review', () => {
    const plan = planReplenishment(steady)!;
    expect(plan).toMatchObject({
      quantity: 60, // 30 safety + 14 days x 10 - 110 left at the start of day 7
      reorderPointOn: '2026-03-08',
      orderBy: '2026-03-08',
      arrivesBy: '2026-03-15',
      neededBy: '2026-03-16', // the day the position would fall below 30
      stockoutOn: '2026-03-19', // 180 units last 18 days
      late: false,
      daysLate: 0,
      urgency: ReplenishmentUrgency.PLANNED,
    });
    expect(plan.inputs).toEqual({
      onHand: 200,
      reserved: 20,
      inbound: 0,
      position: 180,
      safetyStock: 30,
      reorderPoint: 100,
      leadTimeDays: 7,
      reviewDays: 7,
      horizonDemand: 300,
      promotionDemand: 0,
      forecastDays: 30,
      positionAtOrder: 110,
      coverDemand: 140,
      orderUpTo: 170,
    });
    // Placed on time, the order keeps the position at safety stock or above until the next review's order arrives.
    expect(lowestWithOrder(steady, plan.quantity, plan.arrivesBy, 7 + 7 + 7)).toBeGreaterThanOrEqual(30);
  });

  it('suggests nothing while the position stays above the reorder point or already covers the order-up-to level', () => {
    expect(planReplenishment({ ...steady, onHand: 430 })).toBeNull(); // 410 - 300 over 30 days: never at 100
    // 400 reaches it exactly at the end of the horizon's last day: that counts.
    expect(planReplenishment({ ...steady, onHand: 420 })!.reorderPointOn).toBe('2026-03-30');
    // 180 on hand would cross on day 7, but within a 7-day horizon it does not.
    expect(planReplenishment({ ...steady, horizonDays: 7 })).toBeNull();
    // Below the reorder point already, but the forecast (1 a day) says 90 covers 30 + 14 days.
    expect(planReplenishment({ ...steady, onHand: 90, reserved: 0, baseline: days(44, 1) })).toBeNull();
  });

  it('counts units in transit as coming', () => {
    const without = planReplenishment({ ...steady, onHand: 60, reserved: 0 })!;
    expect(without).toMatchObject({ quantity: 110, orderBy: TODAY });
    expect(planReplenishment({ ...steady, onHand: 60, reserved: 0, inbound: 400 })).toBeNull(); // 460 - 300
    const some = planReplenishment({ ...steady, onHand: 60, reserved: 0, inbound: 100 })!;
    expect(some.inputs).toMatchObject({ inbound: 100, position: 160 });
    expect(some).toMatchObject({ reorderPointOn: '2026-03-06', orderBy: '2026-03-06', quantity: 60 });
  });

  it('flags an order that can no longer arrive before safety stock is reached as late, due today', () => {
    const plan = planReplenishment({ ...steady, onHand: 40, reserved: 0 })!;
    expect(plan).toMatchObject({
      quantity: 130, // 30 + 140 - 40
      reorderPointOn: TODAY,
      orderBy: TODAY,
      neededBy: '2026-03-02', // the position falls below 30 during day 1
      arrivesBy: '2026-03-08',
      stockoutOn: '2026-03-05',
      late: true,
      daysLate: 6,
      urgency: ReplenishmentUrgency.LATE,
    });
    // Without a forecast, a level under its safety stock is refilled to it, late.
    expect(
      planReplenishment({
        ...steady,
        onHand: 10,
        reserved: 0,
        targets: { ...targets, reorderPoint: 30 },
        baseline: [],
      }),
    ).toMatchObject({ quantity: 20, late: true, neededBy: TODAY, stockoutOn: null, inputs: { forecastDays: 0 } });
  });

  it('a promotion pushes the suggestion earlier: before it, or inside the lead time after the reorder point', () => {
    const before = planReplenishment({ ...steady, uplift: [1, 1, 3, 3, 3] })!;
    // 30 a day on days 2-4: the position reaches 100 at the end of day 3 instead of day 7, and with the
    // promotion's last day it falls below safety stock on day 9: order by day 2.
    expect(before).toMatchObject({ reorderPointOn: '2026-03-04', orderBy: '2026-03-03', neededBy: '2026-03-10' });
    expect(before.inputs.promotionDemand).toBe(60);

    const uplift: number[] = [];
    for (const t of [10, 11, 12]) uplift[t] = 3;
    const inside = planReplenishment({ ...steady, uplift })!;
    // The reorder point is still reached on day 7, but the position falls below safety stock on day 11: order by day 4.
    expect(inside).toMatchObject({
      reorderPointOn: '2026-03-08',
      neededBy: '2026-03-12',
      orderBy: '2026-03-05',
      arrivesBy: '2026-03-12',
      quantity: 90, // 30 + (11 x 10 + 3 x 30) - 140
      urgency: ReplenishmentUrgency.SOON,
    });
    expect(lowestWithOrder({ ...steady, uplift }, inside.quantity, inside.arrivesBy, 4 + 7 + 7)).toBeGreaterThanOrEqual(
      30,
    );
    // Without the promotion the same level is due three days later.
    expect(planReplenishment(steady)!.orderBy).toBe('2026-03-08');
  });

  it('counts a day without a forecast as no demand', () => {
    const baseline = days(44, 10);
    delete baseline[3];
    const uplift: number[] = [];
    uplift[5] = 2;
    const plan = planReplenishment({ ...steady, baseline, uplift })!;
    // 180 - 10 a day, day 3 without demand and day 5 doubled: 100 is reached at the end of day 7 all the same.
    expect(plan).toMatchObject({ reorderPointOn: '2026-03-08' });
    expect(plan.inputs).toMatchObject({ forecastDays: 29, horizonDemand: 300, promotionDemand: 10 });
  });

  it('sorts the most urgent first: the most overdue, then the earliest order-by day', () => {
    const plans = [
      planReplenishment({ ...steady, sku: 'PLANNED' })!,
      planReplenishment({ ...steady, sku: 'NOW', onHand: 100, reserved: 0 })!,
      planReplenishment({ ...steady, sku: 'LATE-1', onHand: 90, reserved: 0 })!,
      planReplenishment({ ...steady, sku: 'LATE-6', onHand: 40, reserved: 0 })!,
      planReplenishment({ ...steady, sku: 'SOON', onHand: 150, reserved: 0 })!,
    ];
    expect(plans.sort(byUrgency).map((p) => `${p.sku} ${p.urgency} ${p.orderBy} ${p.daysLate}`)).toEqual([
      'LATE-6 LATE 2026-03-01 6',
      'LATE-1 LATE 2026-03-01 1',
      'NOW NOW 2026-03-01 0',
      'SOON SOON 2026-03-05 0',
      'PLANNED PLANNED 2026-03-08 0',
    ]);
  });
});
