import { randomUUID } from 'node:crypto';
import { badUserInput } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import type { CustomersContext } from '../../context';
import type { IdentifyBuyerInput } from './identify-buyer.input';

export const normalizeEmail = (email: string | null): string | null => {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
};
export const normalizePhone = (phone: string | null): string | null => {
  const digits = phone?.replace(/\D/g, '');
  return digits && digits.length >= 6 ? digits : null;
};

export interface IdentifiedBuyer {
  customerId: string;
  /** How the buyer was recognised: 'identity', 'email', 'phone' or 'new'. */
  matchedBy: 'identity' | 'email' | 'phone' | 'new';
  /** The customer is a channel's guest. */
  guest: boolean;
}

// The identity's customer, if it is of the same kind (guest or not) as the buyer: a guest identity never names a real
// buyer, nor a real buyer's identity a guest.
const KNOWN_IDENTITY = `SELECT k.customer_id FROM channel_identity k JOIN customer c ON c.id = k.customer_id
   WHERE k.channel = $1 AND k.external_id = $2 AND c.guest = $3`;

/**
 * Decides who the buyer is, the golden-customer rule:
 * 1. a known channel identity names its customer;
 * 2. otherwise a customer with the same normalised email, then phone, gets
 *    the new identity attached;
 * 3. otherwise a new customer.
 * A guest (an order that named nobody: `guest`, identity "guest:<channel>" or
 * a POS "walk-in:<STORE>") is matched by rule 1 only, to guest customers only,
 * and has no email or phone: it never absorbs a real customer nor is a real
 * buyer ever matched to it (guests are left out of rules 1 and 2 for them).
 * Racing calls for the same buyer serialise on a transaction-scoped advisory
 * lock per key, and the identity's unique constraint backs it up, so the same
 * buyer arriving twice at once still becomes one customer.
 */
export async function identifyBuyer(ctx: CustomersContext, input: IdentifyBuyerInput): Promise<IdentifiedBuyer> {
  const buyer = buyerKeys(input);
  // Most orders come from buyers already known on the channel: one read, no locks.
  const known = await ctx.db.query(KNOWN_IDENTITY, [buyer.channel, buyer.externalId, buyer.guest]);
  if (known.length) return { customerId: known[0].customer_id as string, matchedBy: 'identity', guest: buyer.guest };
  return ctx.events.transaction(({ manager }) => identifyBuyerIn(manager, input));
}

/**
 * The golden-customer rule inside the caller's transaction (intake's
 * asynchronous path runs it in the consumer's). Repeat-safe: a second call
 * for the same buyer finds the identity the first one attached.
 */
export async function identifyBuyerIn(manager: EntityManager, input: IdentifyBuyerInput): Promise<IdentifiedBuyer> {
  const { channel, email, phone, externalId, guest } = buyerKeys(input);
  const keys = [`identity:${channel}:${externalId}`, email && `email:${email}`, phone && `phone:${phone}`].filter(
    Boolean,
  );
  // Sorted, so two buyers sharing keys never lock in opposite orders.
  for (const key of [...keys].sort()) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  const known = await manager.query(KNOWN_IDENTITY, [channel, externalId, guest]);
  if (known.length) return { customerId: known[0].customer_id as string, matchedBy: 'identity' as const, guest };
  const match = guest ? null : await findByContact(manager, email, phone);
  const customerId = match?.customerId ?? randomUUID();
  if (!match) {
    await manager.query(
      `INSERT INTO customer (id, name, email, phone, email_normalized, phone_normalized, guest, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [
        customerId,
        input.name.trim(),
        guest ? null : input.email?.trim() || null,
        guest ? null : input.phone?.trim() || null,
        email,
        phone,
        guest,
      ],
    );
  }
  // A real buyer whose channel id is a guest's identity (never one the platform gives) keeps their new customer,
  // without the identity: it stays the guest's.
  await manager.query(
    `INSERT INTO channel_identity (id, customer_id, channel, external_id, created_at)
     VALUES ($1, $2, $3, $4, now()) ON CONFLICT (channel, external_id) DO NOTHING`,
    [randomUUID(), customerId, channel, externalId],
  );
  return { customerId, matchedBy: match?.by ?? ('new' as const), guest };
}

/** The normalised keys a buyer is recognised by; BAD_USER_INPUT when there is nothing to recognise them by. */
function buyerKeys(input: IdentifyBuyerInput) {
  const channel = input.channel.trim().toLowerCase();
  const guest = input.guest === true;
  // A guest is known by its identity only: whatever contact came with it names nobody.
  const email = guest ? null : normalizeEmail(input.email);
  const phone = guest ? null : normalizePhone(input.phone);
  const externalId = input.channelBuyerId?.trim() || email || phone;
  if (!input.name.trim())
    throw badUserInput('The buyer needs a name', [{ field: 'name', message: 'must not be blank' }]);
  if (!externalId) {
    throw badUserInput('The buyer needs a channel buyer id, an email or a phone', [
      { field: 'channelBuyerId', message: 'give at least one of channelBuyerId, email, phone' },
    ]);
  }
  return { channel, email, phone, externalId, guest };
}

async function findByContact(manager: EntityManager, email: string | null, phone: string | null) {
  if (email) {
    const rows = await manager.query(
      'SELECT id FROM customer WHERE email_normalized = $1 AND NOT guest ORDER BY created_at, id LIMIT 1',
      [email],
    );
    if (rows.length) return { customerId: rows[0].id as string, by: 'email' as const };
  }
  if (phone) {
    const rows = await manager.query(
      'SELECT id FROM customer WHERE phone_normalized = $1 AND NOT guest ORDER BY created_at, id LIMIT 1',
      [phone],
    );
    if (rows.length) return { customerId: rows[0].id as string, by: 'phone' as const };
  }
  return null;
}
