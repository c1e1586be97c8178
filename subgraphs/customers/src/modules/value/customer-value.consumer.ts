import {
  EventTypes,
  type ConsumerDefinition,
  type DomainEvent,
  type EventTransaction,
  type OrderPlaced,
  type OrderStatusChanged,
  type ReturnRefunded,
} from '@supply-graph/shared';
import type { ValueSettings } from '../../config';
import {
  lockCustomerValue,
  recordCancelledOrder,
  recordPlacedOrder,
  recordRefund,
  recountCustomerValue,
  valuedCustomerOf,
} from './customer-value.store';
import { toBaseMinor } from './value-score';

/**
 * Customer value follows the orders: `order.placed` counts an order,
 * `order.status-changed` to CANCELLED takes it out, `return.refunded` takes
 * the refund off the order's worth (the order still counts). The inbox skips a redelivered event; the order row's key makes a
 * repeat under another event id harmless; and the value is recounted from the
 * rows, so events arriving out of order end where they would in order. Guest
 * orders (the channel's anonymous buyer) are not valued: a guest is nobody's tier.
 */
export function customerValueConsumers(settings: Readonly<ValueSettings>): ConsumerDefinition[] {
  return [
    {
      consumer: 'customers.value',
      types: [EventTypes.orderPlaced, EventTypes.orderStatusChanged, EventTypes.returnRefunded],
      // Batched (the default): most order events are status changes this consumer only records in its inbox, and
      // one transaction per event would make it the slowest subscriber the relay waits for. A batch holds the
      // per-customer locks of its orders until it commits; batches that would wait on each other fail fast and
      // are retried one event at a time (BATCH_LOCK_TIMEOUT_MS).
      handle: (event, tx) => handleOrderEvent(event, tx, settings),
    },
  ];
}

/** Applies one order event to its customer's value; exported for the tests. */
export async function handleOrderEvent(
  event: DomainEvent,
  tx: EventTransaction,
  settings: Readonly<ValueSettings>,
  now: Date = new Date(),
): Promise<void> {
  if (event.type === EventTypes.orderPlaced) {
    const placed = event.payload as OrderPlaced;
    if (placed.guest || (await isGuest(tx, placed.customerId))) return;
    // Events written before orders carried their total, and currencies without a rate, count as worth nothing.
    const valueMinor = placed.total && placed.currency ? toBaseMinor(placed.total, placed.currency, settings) : 0n;
    await lockCustomerValue(tx.manager, placed.customerId);
    await recordPlacedOrder(tx.manager, {
      orderId: placed.orderId,
      customerId: placed.customerId,
      channel: placed.channel,
      placedAt: new Date(placed.placedAt),
      valueMinor: valueMinor ?? 0n,
    });
    await recountCustomerValue(tx.manager, placed.customerId, now, settings);
    return;
  }
  if (event.type === EventTypes.returnRefunded) return handleRefund(event.payload as ReturnRefunded, tx, settings, now);
  const changed = event.payload as OrderStatusChanged;
  if (changed.to !== 'CANCELLED' || !changed.customerId || (await isGuest(tx, changed.customerId))) return;
  await lockCustomerValue(tx.manager, changed.customerId);
  await recordCancelledOrder(tx.manager, changed);
  await recountCustomerValue(tx.manager, changed.customerId, now, settings);
}

/**
 * A settled return: its refund, in CNY, comes off its order's worth. Counted in the value of the customer the order
 * is counted for (the event's when the order has not arrived yet: the recount at its placement picks it up).
 */
async function handleRefund(
  refund: ReturnRefunded,
  tx: EventTransaction,
  settings: Readonly<ValueSettings>,
  now: Date,
): Promise<void> {
  const customerId = (await valuedCustomerOf(tx.manager, refund.orderId)) ?? refund.customerId;
  // A currency without a rate counted the order as worth nothing; its refund likewise.
  const converted = toBaseMinor(refund.amount, refund.currency, settings) ?? 0n;
  const refundMinor = converted > 0n ? converted : 0n;
  if (customerId) await lockCustomerValue(tx.manager, customerId);
  await recordRefund(tx.manager, {
    returnId: refund.returnId,
    orderId: refund.orderId,
    refundMinor,
    at: new Date(refund.at),
  });
  if (customerId && !(await isGuest(tx, customerId))) await recountCustomerValue(tx.manager, customerId, now, settings);
}

async function isGuest(tx: EventTransaction, customerId: string): Promise<boolean> {
  const rows = (await tx.manager.query('SELECT guest FROM customer WHERE id = $1', [customerId])) as {
    guest: boolean;
  }[];
  return rows[0]?.guest === true;
}
