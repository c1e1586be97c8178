import type { OrderBuyer } from '@supply-graph/shared';
/**
 * The one order shape every intake path produces, whatever the channel sent.
 * Money is carried as decimal strings with exactly two decimals, computed in
 * integer minor units so no amount ever passes through a float.
 */
export interface NormalizedOrder {
  /** Channel code, lower case, e.g. "tmall". */
  channel: string;
  /** The channel's own order number; unique per channel. */
  externalId: string;
  /** The buyer (`guest`: the channel's guest, see guest-buyer.ts, or a POS walk-in). */
  buyer: OrderBuyer;
  /** ISO-4217, upper case. */
  currency: string;
  /** Gift lines are ordinary lines with unitPrice "0.00". */
  /** `presale`: the line takes presale stock only (and in-stock lines never take presale stock). */
  lines: { sku: string; quantity: number; unitPrice: string; presale?: boolean }[];
  /** Order-level discount total, >= 0; line-level discounts are folded in here. */
  discount: string;
  /** >= 0; "0.00" when the channel states none. */
  shippingFee: string;
  /**
   * Tax the buyer pays on this order, in integer minor units (as the order's
   * `tax_minor` column stores it); 0 when the channel states none. Whether the
   * channel put it in the prices or on top of them, it is shown as the order's tax.
   */
  taxMinor: number;
  /**
   * What the buyer pays: sum(quantity * unitPrice) - discount + shippingFee,
   * plus `taxMinor` when the channel added the tax on top of the prices (tax
   * already in the prices is not counted twice); never negative.
   */
  total: string;
  shippingAddress: {
    name: string | null;
    phone: string | null;
    /** ISO-3166 alpha-2. */
    country: string;
    /** As the channel spells it, suffixes such as 省/市 kept. */
    province: string | null;
    city: string | null;
    /** Everything below the city (district, street, building), one line. */
    line1: string | null;
    postalCode: string | null;
  };
  placedAt: Date;
}

/**
 * A value intake rewrote into canonical form, so operators can see what the
 * stored order differs from the raw payload in. `field` is the payload path;
 * `to` is "" when the value was dropped (e.g. a phone masked by the platform).
 * Rules: phone-e164, phone-masked, country-iso, currency-case, channel-case,
 * timezone-applied, money-fen. (Records written before tax was part of the
 * order may also show tax-not-in-total.)
 */
export interface Repair {
  field: string;
  from: string;
  to: string;
  rule: string;
}

/** Why a payload was rejected; `field` is the payload path, e.g. "lines[1].quantity". */
export interface Problem {
  field: string;
  message: string;
}

/**
 * Rejections list every problem found, not only the first. `skus`: the SKU of
 * each line as far as the payload could be read ("" where it could not), so
 * that placement can name unknown SKUs of a rejected payload too.
 */
export type IntakeResult =
  | { ok: true; order: NormalizedOrder; repairs: Repair[] }
  | { ok: false; problems: Problem[]; repairs: Repair[]; skus?: string[] };
