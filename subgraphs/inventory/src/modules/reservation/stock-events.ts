import type { EventTransaction } from '@supply-graph/shared';

/** Inventory's events about one order are numbered 1, 2, 3... so consumers can check their order. */
export async function nextVersion(tx: EventTransaction, orderId: string): Promise<number> {
  const rows = (await tx.manager.query(
    "SELECT count(*)::int + 1 AS next FROM outbox WHERE aggregate_type = 'order-stock' AND aggregate_id = $1",
    [orderId],
  )) as { next: number }[];
  return rows[0].next;
}
