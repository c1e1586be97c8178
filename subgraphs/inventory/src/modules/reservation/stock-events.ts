import { nextAggregateVersion, type EventTransaction } from '@supply-graph/shared';

/** Inventory's events about one order are numbered 1, 2, 3... so consumers can check their order. */
export function nextVersion(tx: EventTransaction, orderId: string): Promise<number> {
  return nextAggregateVersion(tx.manager, 'order-stock', orderId);
}
