import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of every webhook POST. */
export const WEBHOOK_HEADERS = {
  /** The status event's id: the same on every retry and re-send, the partner's deduplication key. */
  eventId: 'x-supply-graph-event-id',
  /** This delivery (one event to one webhook). */
  deliveryId: 'x-supply-graph-delivery-id',
  /** Unix seconds when this attempt was signed. */
  timestamp: 'x-supply-graph-timestamp',
  /** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. */
  signature: 'x-supply-graph-signature',
} as const;

/** How far a signed timestamp may be from the receiver's clock before the request counts as a replay. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The signature header value for one request: `v1=` and the hex HMAC-SHA256,
 * keyed with the webhook's secret, of the timestamp, a dot and the exact body
 * bytes. The timestamp is inside the MAC so a captured request cannot be
 * replayed later with a fresh timestamp.
 */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface VerifyOptions {
  /** Default 300; `Infinity` accepts any age (e.g. to check a stored request). */
  toleranceSeconds?: number;
  now?: Date;
}

/**
 * What a partner's receiver does with a delivery (mirror it in any language):
 * recompute the HMAC over `<timestamp>.<raw body>` with the secret, compare it
 * in constant time with each `v1=` entry of the header (several may be sent,
 * comma-separated, while a secret is rotated), and refuse timestamps outside
 * the tolerance. `body` must be the raw request body, not re-serialised JSON.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | null | undefined,
  body: string,
  header: string | null | undefined,
  { toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS, now = new Date() }: VerifyOptions = {},
): boolean {
  if (!timestamp || !header || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body).slice(3), 'hex');
  return header
    .split(/[\s,]+/)
    .filter((entry) => entry.startsWith('v1='))
    .some((entry) => {
      const given = Buffer.from(entry.slice(3), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
