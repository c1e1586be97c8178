import type { NormalizedOrder } from './normalized-order';

/** How a channel is named in its guest customer's name; a code not listed is shown as it is. */
const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  amazon: 'Amazon',
  douyin: 'Douyin',
  jd: 'JD',
  pos: 'POS',
  shopify: 'Shopify',
  tmall: 'Tmall',
  webstore: 'Web store',
};

/** The intake flag of an order accepted onto its channel's guest customer (see `IntakeFlag`). */
export const BUYER_ANONYMOUS = 'BUYER_ANONYMOUS';

/**
 * True when the buyer can be recognised: a channel buyer id, an email, or a
 * phone of at least six digits (the customers subgraph's matching keys; a
 * shorter phone matches nobody there).
 */
export function hasBuyerIdentity(buyer: NormalizedOrder['buyer']): boolean {
  const digits = buyer.phone?.replace(/\D/g, '') ?? '';
  return Boolean(buyer.channelBuyerId?.trim() || buyer.email?.trim() || digits.length >= 6);
}

/**
 * The buyer of an order that names nobody: one guest customer per channel,
 * known to the customers subgraph by the channel identity `guest:<channel>`,
 * as POS walk-ins are by `walk-in:<STORE>`. It has neither email nor phone and
 * says `guest`, so customers never matches a real buyer to it (nor it to one)
 * and never gives it a value tier. The payload's own name stays on the
 * shipping address, where it is who receives the parcel.
 */
export function channelGuest(channel: string): NormalizedOrder['buyer'] {
  const name = CHANNEL_NAMES[channel] ?? channel;
  return { name: `Guest (${name})`, email: null, phone: null, channelBuyerId: `guest:${channel}`, guest: true };
}

/** The order's buyer, or its channel's guest when the payload named nobody recognisable. */
export function buyerOrGuest(channel: string, buyer: NormalizedOrder['buyer']): NormalizedOrder['buyer'] {
  if (buyer.guest) return buyer;
  return hasBuyerIdentity(buyer) ? buyer : channelGuest(channel);
}
