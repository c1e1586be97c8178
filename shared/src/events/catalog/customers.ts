/** Customer events: identifying an order's buyer when intake could not wait for customers. */

export const CustomerEventTypes = {
  buyerIdentificationRequested: 'buyer.identification-requested',
  buyerIdentified: 'buyer.identified',
} as const;

/**
 * Orders accepted an order while customers could not identify its buyer in
 * time: customers identifies the golden customer (the `identifyBuyer` rule,
 * repeat-safe) and answers with `buyer.identified`. Aggregate: the order.
 */
export interface BuyerIdentificationRequested {
  orderId: string;
  channel: string;
  buyer: OrderBuyer;
}

/**
 * The buyer as an order names them, after intake normalised the channel's payload. A type, not an interface:
 * intake's checks read it as a plain record.
 */
export type OrderBuyer = {
  name: string;
  email: string | null;
  /** E.164, e.g. "+8613812345678"; null when absent or masked by the platform. */
  phone: string | null;
  /** The buyer's stable id on the channel, used to match the golden customer. */
  channelBuyerId: string | null;
  /** The channel's guest (the order named no buyer): identified by its guest identity only. Absent: false. */
  guest?: boolean;
};

/** The golden customer behind an order's buyer; orders then completes the placement (risk, `order.placed`). */
export interface BuyerIdentified {
  orderId: string;
  customerId: string;
  /** 'identity', 'email', 'phone' or 'new'. */
  matchedBy: string;
  /** The customer is a channel's guest (risk treats it as new every time). Absent: false. */
  guest?: boolean;
}
