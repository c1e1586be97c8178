import type { DemoStatusChange, OrderStatusName } from './dataset';
import type { Random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When each step of an order's life happened; steps in the future are cut off. */
export interface Timeline {
  history: DemoStatusChange[];
  status: OrderStatusName;
  allocatedAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  /** Set when reserved stock was given back (cancelled after allocation). */
  releasedAt: Date | null;
  returnedAt: Date | null;
  held: boolean;
}

type Outcome =
  | 'normal'
  | 'presale'
  | 'cancelBefore'
  | 'cancelAfter'
  | 'returned'
  | 'backordered'
  | 'holdReleased'
  | 'holdCancelled';

const OUTCOME_WEIGHTS: Record<Outcome, number> = {
  normal: 83,
  presale: 3,
  cancelBefore: 3,
  cancelAfter: 3,
  returned: 3,
  backordered: 2.5,
  holdReleased: 1.5,
  holdCancelled: 1,
};

/**
 * Draws a realistic life for an order placed at `placedAt` (allocation within
 * minutes, hand-over within a day, delivery in one to four days by distance),
 * then keeps only the steps that already happened by `now`, so every status
 * appears and every record is consistent with it.
 */
export function drawTimeline(rng: Random, placedAt: Date, transitDays: number, now: Date): Timeline {
  const outcome = rng.weighted(OUTCOME_WEIGHTS);
  const steps: DemoStatusChange[] = [{ from: null, to: 'PENDING', at: placedAt, reason: 'placed' }];
  let t = placedAt.getTime();
  const step = (to: OrderStatusName, afterMs: number, reason: string | null) => {
    t += afterMs;
    steps.push({ from: steps[steps.length - 1].to, to, at: new Date(t), reason });
  };
  const minutes = (a: number, b: number) => rng.int(a, b) * 60_000;
  const hours = (a: number, b: number) => rng.int(a * 60, b * 60) * 60_000;

  if (outcome === 'holdReleased' || outcome === 'holdCancelled') {
    step(
      'ON_HOLD',
      minutes(0, 1),
      rng.pick(['risk: VELOCITY', 'risk: HIGH_VALUE_NEW_CUSTOMER', 'risk: SHARED_ADDRESS']),
    );
    if (outcome === 'holdCancelled') step('CANCELLED', hours(1, 96), 'cancelled by operator after risk review');
    else step('PENDING', hours(1, 96), 'released by operator');
  }
  if (outcome === 'cancelBefore') step('CANCELLED', minutes(5, 90), 'buyer cancelled before allocation');
  if (outcome === 'backordered') {
    step('BACKORDERED', minutes(1, 5), 'insufficient stock in every warehouse');
    step('ALLOCATED', hours(48, 200), 'stock received');
  } else if (outcome === 'presale') {
    // Presale orders wait for the release date before stock is taken.
    step('ALLOCATED', hours(48, 480), 'presale released');
  } else if (outcome !== 'cancelBefore' && outcome !== 'holdCancelled') {
    step('ALLOCATED', minutes(1, 30), 'stock reserved');
  }
  if (outcome === 'cancelAfter') step('CANCELLED', hours(1, 20), 'buyer cancelled');
  const shipping = ['normal', 'presale', 'returned', 'backordered', 'holdReleased'].includes(outcome);
  if (shipping) {
    step('SHIPPED', hours(4, 30), 'all shipments handed to carriers');
    if (outcome === 'returned')
      step('RETURNED', hours(transitDays * 24 + 24, transitDays * 24 + 96), 'refused at delivery');
    // A few parcels never arrive within the data set's window: they stay SHIPPED.
    else if (!rng.chance(0.01)) step('DELIVERED', hours(transitDays * 24 - 12, transitDays * 24 + 20), 'delivered');
  }

  const history = steps.filter((s) => s.at.getTime() <= now.getTime());
  const at = (to: OrderStatusName) => history.find((s) => s.to === to)?.at ?? null;
  const cancelledAt = at('CANCELLED');
  const allocatedAt = history.filter((s) => s.to === 'ALLOCATED').pop()?.at ?? null;
  return {
    history,
    status: history[history.length - 1].to,
    allocatedAt,
    shippedAt: at('SHIPPED'),
    deliveredAt: at('DELIVERED'),
    releasedAt: allocatedAt && cancelledAt ? cancelledAt : null,
    returnedAt: at('RETURNED'),
    held: history.some((s) => s.to === 'ON_HOLD'),
  };
}

export { HOUR, DAY };
