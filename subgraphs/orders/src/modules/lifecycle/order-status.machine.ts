import { conflict } from '@supply-graph/shared';
import { OrderStatus } from '../order/order.type';

/**
 * The one transition table of the order lifecycle. Everything that changes an
 * order's status goes through `transitionOrder`, which enforces it in SQL.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  [OrderStatus.PENDING]: [OrderStatus.ALLOCATED, OrderStatus.BACKORDERED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED],
  [OrderStatus.ALLOCATED]: [OrderStatus.SHIPPED, OrderStatus.CANCELLED],
  [OrderStatus.SHIPPED]: [OrderStatus.DELIVERED, OrderStatus.RETURNED],
  [OrderStatus.BACKORDERED]: [OrderStatus.ALLOCATED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED],
  [OrderStatus.ON_HOLD]: [OrderStatus.PENDING, OrderStatus.CANCELLED],
  [OrderStatus.DELIVERED]: [],
  [OrderStatus.CANCELLED]: [],
  [OrderStatus.RETURNED]: [],
};

/** Statuses from which `to` may be reached. */
export function sourcesOf(to: OrderStatus): OrderStatus[] {
  return (Object.keys(TRANSITIONS) as OrderStatus[]).filter((from) => TRANSITIONS[from].includes(to));
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function invalidTransition(orderId: string, from: OrderStatus, to: OrderStatus) {
  const allowed = TRANSITIONS[from];
  return conflict(
    `Order ${orderId} is ${from} and cannot become ${to}` +
      (allowed.length ? ` (from ${from} it can become ${allowed.join(', ')})` : ` (${from} is final)`),
    { orderId, status: from, requested: to },
  );
}
