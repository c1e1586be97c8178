import type { Queryable } from '@supply-graph/shared';
import type { RiskSettings } from '../../config';
import type { RiskHistory } from './risk-rule';

/** The new order's fields the look-ups need; it is not stored yet, or is `excludeOrderId`. */
export interface RiskSubject {
  /**
   * The order being assessed when it is already stored (placed before its buyer was identified): it does not count
   * itself.
   */
  excludeOrderId?: string | null;
  customerId: string;
  /**
   * The customer is a channel's guest (an order naming no buyer): its other
   * orders are strangers', so it has no order history and ships nowhere before
   * (HIGH_VALUE_NEW_CUSTOMER treats it as a new customer every time).
   */
  guest?: boolean;
  placedAt: Date;
  shipPhone: string | null;
  shipCountry: string;
  shipLine1: string | null;
  shipCity: string | null;
  shipPostalCode: string | null;
}

/**
 * Serialises placements that share a shipping phone or address, with
 * transaction-scoped advisory locks taken in one fixed order (no deadlocks):
 * six orders from one phone arriving at once then count each other, as they
 * would one after another. Orders with neither never wait. The address key is
 * `risk_address_key`, the same function the stored `ship_address_key` uses.
 */
export async function lockRiskKeys(db: Queryable, subject: RiskSubject): Promise<void> {
  if (!subject.shipPhone && !subject.shipLine1) return;
  // The ORDER BY subquery is planned on its own (not flattened), so locks are taken in hash order.
  await db.query(
    `SELECT pg_advisory_xact_lock(hashtext(k.key)) FROM (
       SELECT key FROM unnest(ARRAY[
         'orders:risk:phone:' || $1::text,
         'orders:risk:address:' || risk_address_key($2::text, $3::text, $4::text, $5::text)
       ]) AS key
       WHERE key IS NOT NULL ORDER BY hashtext(key)) k`,
    [subject.shipPhone, subject.shipLine1, subject.shipCity, subject.shipPostalCode, subject.shipCountry],
  );
}

/**
 * What the stored orders say about the new order's phone, address and
 * customer, in one statement over indexed ranges (see the Risk migration).
 * Each count stops at the largest threshold that reads it.
 */
export async function loadRiskHistory(
  db: Queryable,
  subject: RiskSubject,
  settings: RiskSettings,
): Promise<RiskHistory & { hasFullAddress: boolean }> {
  const rows = (await db.query(
    `WITH p AS (
       SELECT $1::text AS phone, risk_address_key($2::text, $3::text, $4::text, $5::text) AS addr,
              CAST($5::text AS char(2)) AS country, $6::uuid AS customer, $14::boolean AS guest, $7::timestamptz AS at, $13::uuid AS self,
              make_interval(mins => $8::int) AS velocity_window, make_interval(days => $10::int) AS address_window
     )
     SELECT p.addr IS NOT NULL AS "hasFullAddress",
       (SELECT count(*) FROM (SELECT 1 FROM sales_order o WHERE o.id IS DISTINCT FROM p.self AND o.ship_phone = p.phone
          AND o.placed_at > p.at - p.velocity_window AND o.placed_at < p.at + p.velocity_window
          LIMIT $9) x)::int AS "ordersFromPhone",
       (SELECT count(*) FROM (SELECT 1 FROM sales_order o WHERE o.id IS DISTINCT FROM p.self
       AND o.ship_address_key = p.addr
          AND o.placed_at > p.at - p.velocity_window AND o.placed_at < p.at + p.velocity_window
          LIMIT $9) x)::int AS "ordersToAddress",
       (SELECT count(*) FROM (SELECT 1 FROM sales_order o WHERE NOT p.guest AND o.id IS DISTINCT FROM p.self
       AND o.customer_id = p.customer LIMIT $12) x)::int AS "customerOrders",
       NOT p.guest AND EXISTS (SELECT 1 FROM sales_order o WHERE o.id IS DISTINCT FROM p.self
       AND o.customer_id = p.customer
       AND o.ship_country = p.country) AS "customerShippedToCountry",
       (SELECT count(*) FROM (SELECT DISTINCT o.customer_id FROM sales_order o WHERE o.id IS DISTINCT FROM p.self
       AND o.ship_address_key = p.addr
          AND o.customer_id <> p.customer AND o.placed_at > p.at - p.address_window
          AND o.placed_at < p.at + p.address_window
          LIMIT $11) x)::int AS "otherCustomersAtAddress"
     FROM p`,
    [
      subject.shipPhone,
      subject.shipLine1,
      subject.shipCity,
      subject.shipPostalCode,
      subject.shipCountry,
      subject.customerId,
      subject.placedAt,
      settings.velocity.windowMinutes,
      settings.velocity.maxOrders,
      settings.sharedAddress.windowDays,
      settings.sharedAddress.maxCustomers,
      Math.max(1, settings.unusualCountry.minOrders),
      subject.excludeOrderId ?? null,
      subject.guest === true,
    ],
  )) as (RiskHistory & { hasFullAddress: boolean })[];
  return rows[0];
}
