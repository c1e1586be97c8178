import {
  EventTypes,
  type AlertRaised,
  type EventTransaction,
  type OrderLinePayload,
  type OrderPlaced,
  type OrderStatusChanged,
  alertRaisedEvent,
} from '@supply-graph/shared';
import { transitionOrder } from '../lifecycle/order-transition.service';
import { OrderStatus } from '../order/order.type';
import type { RiskVerdict } from '../risk/assess-order-risk';
import { holdReason } from '../risk/risk-engine';

/** History reason of an order stored before customers identified its buyer. */
export const AWAITING_BUYER_REASON = 'placed; awaiting buyer identification (customers did not answer in time)';

/** What `order.placed` and the first `order.status-changed` say about a stored order. */
export interface PlacementFacts {
  orderId: string;
  channel: string;
  customerId: string;
  placedAt: Date;
  lines: OrderLinePayload[];
  shippingAddress: { country: string; province: string | null; city: string | null };
  /** The reason on the order's PENDING history entry. */
  reason: string;
  /** What the buyer pays (two-decimal string) and its currency: customers values the customer by them. */
  total: string;
  currency: string;
  /** The buyer is the channel's guest (no identity sent): customers gives it no value tier. */
  guest: boolean;
}

/**
 * Announces an order whose buyer is known, in the caller's transaction:
 * `order.placed` (inventory allocates it unless `held`) and its first
 * `order.status-changed` (version 1, PENDING), then, for an order the risk
 * rules hold, the move to ON_HOLD. The same for an order identified at intake
 * and one identified later through the bus, so nothing downstream can tell
 * the two apart except by time.
 */
export async function announcePlacement(tx: EventTransaction, facts: PlacementFacts, risk: RiskVerdict): Promise<void> {
  const { orderId, customerId, channel, placedAt } = facts;
  const placed: OrderPlaced = {
    orderId,
    channel,
    customerId,
    placedAt: placedAt.toISOString(),
    lines: facts.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      quantity: l.quantity,
      ...(l.presale ? { presale: true } : {}),
    })),
    shippingAddress: facts.shippingAddress,
    held: risk.held,
    total: facts.total,
    currency: facts.currency,
    guest: facts.guest,
  };
  const statusChanged: OrderStatusChanged = {
    orderId,
    customerId,
    channel,
    from: null,
    to: 'PENDING',
    version: 1,
    at: placedAt.toISOString(),
    reason: facts.reason,
  };
  await tx.emit(
    {
      type: EventTypes.orderPlaced,
      aggregateType: 'order',
      aggregateId: orderId,
      aggregateVersion: 1,
      payload: placed,
    },
    {
      type: EventTypes.orderStatusChanged,
      aggregateType: 'order',
      aggregateId: orderId,
      aggregateVersion: 1,
      payload: statusChanged,
    },
  );
  if (!risk.held) return;
  // Never before the order's own placed time, so the history reads PENDING then ON_HOLD.
  const heldAt = new Date(Math.max(Date.now(), placedAt.getTime()));
  await transitionOrder(tx, orderId, OrderStatus.ON_HOLD, holdReason(risk), heldAt);
  await raiseRiskHoldAlert(tx, facts, risk, heldAt);
}

/**
 * The desk opens a RISK_HOLD work item for a held order: one per order (a
 * risk hold happens once, at placement). Rule codes, score and the customer's
 * id only: no personal data.
 */
async function raiseRiskHoldAlert(
  tx: EventTransaction,
  facts: PlacementFacts,
  risk: RiskVerdict,
  heldAt: Date,
): Promise<void> {
  const alert: AlertRaised = {
    alertKey: `orders:RISK_HOLD:${facts.orderId}`,
    source: 'orders',
    kind: 'RISK_HOLD',
    subject: { type: 'Order', id: facts.orderId },
    orderId: facts.orderId,
    channel: facts.channel,
    summary: `Order held by risk rules (score ${risk.score.toFixed(2)}): ${risk.flags.join(', ')}`,
    raisedAt: heldAt.toISOString(),
    detail: { riskFlags: risk.flags, riskScore: risk.score, customerId: facts.customerId },
  };
  await tx.emit(alertRaisedEvent(alert));
}
