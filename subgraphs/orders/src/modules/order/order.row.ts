import { encodeCursor, withPiiOwner } from '@supply-graph/shared';
import { formatMinor } from '../intake/normalize/money';
import type { OrderEntity } from './order.entity';
import { OrderStatus, type Order } from './order.type';

/**
 * The columns every raw order read selects, aliased to the entity's property
 * names so raw rows and repository rows map through the same `toOrder`.
 */
export const ORDER_COLUMNS = `
  o.id, o.channel_code AS "channelCode", o.external_id AS "externalId", o.customer_id AS "customerId",
  o.status, o.version, o.currency, o.total, o.tax_minor AS "taxMinor",
  o.ship_name AS "shipName", o.ship_phone AS "shipPhone", o.ship_country AS "shipCountry",
  o.ship_province AS "shipProvince", o.ship_city AS "shipCity", o.ship_line1 AS "shipLine1",
  o.ship_postal_code AS "shipPostalCode", o.placed_at AS "placedAt",
  o.risk_score AS "riskScore", o.risk_flags AS "riskFlags"`;

/** What `ORDER_COLUMNS` returns. */
export type OrderRow = Pick<
  OrderEntity,
  | 'id'
  | 'channelCode'
  | 'externalId'
  | 'customerId'
  | 'status'
  | 'version'
  | 'currency'
  | 'total'
  | 'taxMinor'
  | 'shipName'
  | 'shipPhone'
  | 'shipCountry'
  | 'shipProvince'
  | 'shipCity'
  | 'shipLine1'
  | 'shipPostalCode'
  | 'placedAt'
  | 'riskScore'
  | 'riskFlags'
>;

/** A database row as the GraphQL Order (relations are left to field resolvers). */
export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    channelCode: row.channelCode,
    customerId: row.customerId,
    currency: row.currency,
    externalId: row.externalId,
    status: OrderStatus[row.status],
    version: row.version,
    total: { amount: row.total, currency: row.currency },
    tax: { amount: formatMinor(Number(row.taxMinor)), currency: row.currency },
    // Reads of the address's PII are audited against the order.
    shippingAddress: withPiiOwner(
      {
        name: row.shipName,
        phone: row.shipPhone,
        country: row.shipCountry,
        province: row.shipProvince,
        city: row.shipCity,
        line1: row.shipLine1,
        postalCode: row.shipPostalCode,
      },
      { type: 'Order', id: row.id },
    ),
    placedAt: row.placedAt,
    riskScore: row.riskScore,
    riskFlags: row.riskFlags,
  };
}

/** Orders are listed newest first; the cursor is their position in that order. */
export const orderCursor = (order: Order): string => encodeCursor(order.placedAt.toISOString(), order.id);
