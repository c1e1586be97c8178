import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from '../webhook-signature';

const secret = 'whsec-0123456789abcdef';
const body = '{"data":{"orderStatusChanged":{"eventId":"0000000000000042","to":"ALLOCATED"}}}';
const now = new Date('2026-11-24T08:00:00Z');
const ts = String(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(`v1=${expected}`);
    expect(signWebhook(secret, Number(ts), body)).toBe(`v1=${expected}`);
  });

  it('verifies a signature made with the same secret, timestamp and body', () => {
    expect(verifyWebhookSignature(secret, ts, body, signWebhook(secret, ts, body), { now })).toBe(true);
  });

  it('refuses another secret, a changed body or a changed timestamp', () => {
    const header = signWebhook(secret, ts, body);
    expect(verifyWebhookSignature('another-secret-0123456', ts, body, header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body.replace('ALLOCATED', 'SHIPPED'), header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, String(Number(ts) + 1), body, header, { now })).toBe(false);
  });

  it('refuses a timestamp outside the tolerance (a replayed request), unless told otherwise', () => {
    const old = String(Number(ts) - 301);
    const header = signWebhook(secret, old, body);
    expect(verifyWebhookSignature(secret, old, body, header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, old, body, header, { now, toleranceSeconds: Infinity })).toBe(true);
    expect(
      verifyWebhookSignature(secret, String(Number(ts) - 300), body, signWebhook(secret, Number(ts) - 300, body), {
        now,
      }),
    ).toBe(true);
  });

  it('accepts any of several v1 entries (secret rotation) and ignores other schemes', () => {
    const header = `v0=abc, v1=${'0'.repeat(64)},${signWebhook(secret, ts, body)}`;
    expect(verifyWebhookSignature(secret, ts, body, header, { now })).toBe(true);
  });

  it('refuses missing, malformed or truncated input without throwing', () => {
    const header = signWebhook(secret, ts, body);
    expect(verifyWebhookSignature(secret, undefined, body, header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body, null, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, 'yesterday', body, header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body, header.slice(0, -2), { now })).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body, 'v1=not-hex', { now })).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body, header.slice(3), { now })).toBe(false);
  });
});
