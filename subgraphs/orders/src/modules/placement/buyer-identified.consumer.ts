import {
  EventTypes,
  type BuyerIdentified,
  type ConsumerDefinition,
  type EventTransaction,
  pgTextArray,
} from '@supply-graph/shared';
import type { RiskSettings } from '../../config';
import { assessOrderRisk } from '../risk/assess-order-risk';
import type { RiskFeedbackSettings } from '../risk/risk-feedback';
import type { RiskRule } from '../risk/risk-rule';
import { announcePlacement } from './placement-announcement';

interface AwaitingRow {
  channel_code: string;
  customer_id: string | null;
  placed_at: Date;
  currency: string;
  total: string;
  ship_phone: string | null;
  ship_country: string;
  ship_province: string | null;
  ship_city: string | null;
  ship_line1: string | null;
  ship_postal_code: string | null;
  reason: string;
  lines: { lineNo: number; sku: string; quantity: number; presale: boolean }[];
}

/** Orders accepted without a customer are completed when customers names the buyer. */
export function buyerIdentifiedConsumers(
  settings: Readonly<RiskSettings>,
  rules: readonly RiskRule[],
  feedback?: Readonly<RiskFeedbackSettings>,
): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.buyer',
      types: [EventTypes.buyerIdentified],
      // Risk takes advisory locks per phone and address: one event per transaction, as at intake.
      batch: false,
      async handle(event, tx) {
        await completeBuyerIdentification(tx, event.payload as BuyerIdentified, settings, rules, feedback);
      },
    },
  ];
}

/**
 * Sets the customer of an order stored while customers was unavailable, then
 * does what intake skipped, in one transaction: the risk rules score it (as if
 * it were placed now, without counting itself) and `announcePlacement` emits
 * `order.placed` and its first `order.status-changed`, holding it when the
 * rules say so. An order that already has its customer is left alone, so a
 * repeated or late answer changes nothing. While it waits the order cannot
 * change status (see `transitionOrder`), so it is still PENDING here.
 */
export async function completeBuyerIdentification(
  tx: EventTransaction,
  identified: BuyerIdentified,
  settings: Readonly<RiskSettings>,
  rules: readonly RiskRule[],
  feedback?: Readonly<RiskFeedbackSettings>,
): Promise<boolean> {
  const rows = (await tx.manager.query(
    `SELECT o.channel_code, o.customer_id, o.placed_at, o.currency, o.total::text AS total, o.ship_phone,
      o.ship_country,
       o.ship_province, o.ship_city, o.ship_line1, o.ship_postal_code,
       coalesce((SELECT h.reason FROM order_status_change h WHERE h.order_id = o.id AND h.from_status IS NULL
       ORDER BY h.id LIMIT 1), 'placed') AS reason,
       (SELECT json_agg(
         json_build_object('lineNo', l.line_no, 'sku', l.sku, 'quantity', l.quantity, 'presale', l.presale)
         ORDER BY l.line_no)
        FROM order_line l WHERE l.order_id = o.id) AS lines
     FROM sales_order o WHERE o.id = $1 FOR UPDATE OF o`,
    [identified.orderId],
  )) as AwaitingRow[];
  const order = rows[0];
  if (!order || order.customer_id !== null) return false;
  const placedAt = new Date(order.placed_at);
  const risk = await assessOrderRisk(
    tx.manager,
    {
      excludeOrderId: identified.orderId,
      customerId: identified.customerId,
      guest: identified.guest === true,
      placedAt,
      total: order.total,
      currency: order.currency.trim(),
      shipPhone: order.ship_phone,
      shipCountry: order.ship_country.trim(),
      shipLine1: order.ship_line1,
      shipCity: order.ship_city,
      shipPostalCode: order.ship_postal_code,
    },
    settings,
    rules,
    feedback,
  );
  await tx.manager.query(
    'UPDATE sales_order SET customer_id = $2, risk_score = $3, risk_flags = $4::text[], updated_at = now() WHERE id ' +
      '= $1',
    [identified.orderId, identified.customerId, risk.score, pgTextArray(risk.flags)],
  );
  await announcePlacement(
    tx,
    {
      orderId: identified.orderId,
      channel: order.channel_code,
      customerId: identified.customerId,
      placedAt,
      lines: order.lines ?? [],
      shippingAddress: { country: order.ship_country.trim(), province: order.ship_province, city: order.ship_city },
      reason: order.reason,
      total: order.total,
      currency: order.currency.trim(),
      guest: identified.guest === true,
    },
    risk,
  );
  return true;
}
