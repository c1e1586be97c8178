import { DEV_WEBHOOK_SECRET_KEY, loadOrdersConfig } from '../../../config';
import { SecretBox } from '../webhook-secret-box';
import { webhookSecretBox } from '../webhook-secrets';

const KEY = 'a-webhook-secret-key-of-at-least-32-characters';
const NEW_KEY = 'the-webhook-secret-key-that-replaces-it-0123456789';
/** Sealed under KEY by the box before values named their key (`v1:`, what databases hold today). */
const SEALED_V1 = 'v1:l84N8HyzTSvNBTtT:M7if7Gn_te3jplz07hAifA:k89QPQgApFmI7bBdoA5-rsqVEpksZchU';

describe('webhook secrets at rest', () => {
  const box = new SecretBox(KEY);

  it('stores a secret sealed (never the secret itself) and opens it again', () => {
    const sealed = box.seal('whsec_partner_secret_1234');
    expect(sealed).toMatch(/^v2:[\w-]{12}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed.split(':')[1]).toBe(box.kid);
    expect(sealed).not.toContain(KEY);
    expect(sealed).not.toContain('whsec_partner_secret_1234');
    expect(box.open(sealed)).toBe('whsec_partner_secret_1234');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a value sealed under another key, or altered', () => {
    const sealed = box.seal('whsec_partner_secret_1234');
    expect(() => new SecretBox(`${KEY}-other`).open(sealed)).toThrow();
    const [v, kid, iv, tag, body] = sealed.split(':');
    // One bit of the ciphertext flipped (editing base64 text can leave the bytes as they were).
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] ^= 1;
    const altered = [v, kid, iv, tag, bytes.toString('base64url')].join(':');
    expect(altered).not.toBe(sealed);
    expect(() => box.open(altered)).toThrow();
  });

  it('reads a secret stored before encryption as it is', () => {
    expect(SecretBox.isSealed('legacy-plain-secret-16+')).toBe(false);
    expect(box.open('legacy-plain-secret-16+')).toBe('legacy-plain-secret-16+');
  });

  it('needs a real key', () => {
    expect(() => new SecretBox('short')).toThrow(/32 characters/);
  });
});

describe('rotating the webhook secret key (ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS)', () => {
  const rotated = () =>
    loadOrdersConfig({ ORDERS_WEBHOOK_SECRET_KEY: NEW_KEY, ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: KEY }).webhooks;

  it('opens secrets sealed under the old key, the `v1:` values of today included, and seals under the new', () => {
    const sealedBefore = webhookSecretBox(loadOrdersConfig({ ORDERS_WEBHOOK_SECRET_KEY: KEY }).webhooks).seal('s3cr3t');
    const box = webhookSecretBox(rotated());
    expect(box.open(sealedBefore)).toBe('s3cr3t');
    expect(box.open(SEALED_V1)).toBe('whsec_sealed_before_kids');
    const sealedNow = box.seal('s3cr3t');
    expect(sealedNow.split(':')[1]).toBe(new SecretBox(NEW_KEY).kid);
    expect(new SecretBox(NEW_KEY).open(sealedNow)).toBe('s3cr3t');
    expect([sealedBefore, SEALED_V1, sealedNow].map((v) => box.needsResealing(v))).toEqual([true, true, false]);
  });

  it('still opens `v1:` values sealed under the current key, rotation or not', () => {
    expect(new SecretBox(KEY).open(SEALED_V1)).toBe('whsec_sealed_before_kids');
    expect(new SecretBox(KEY, NEW_KEY).open(SEALED_V1)).toBe('whsec_sealed_before_kids');
  });

  it('refuses what the old key sealed once the old key is removed, naming the missing key', () => {
    const sealedBefore = new SecretBox(KEY).seal('s3cr3t');
    expect(() => new SecretBox(NEW_KEY).open(sealedBefore)).toThrow(/not configured here/);
    expect(() => new SecretBox(NEW_KEY).open(SEALED_V1)).toThrow();
  });

  it('refuses at start-up a previous key that is the current one, short, missing its new key, or the public one', () => {
    const refused = (env: Record<string, string>) => () => loadOrdersConfig(env);
    expect(refused({ ORDERS_WEBHOOK_SECRET_KEY: KEY, ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: KEY })).toThrow(
      /ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: is the same as ORDERS_WEBHOOK_SECRET_KEY/,
    );
    expect(refused({ ORDERS_WEBHOOK_SECRET_KEY: NEW_KEY, ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: 'short' })).toThrow(
      /ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: must be at least 32 characters/,
    );
    expect(refused({ ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: KEY })).toThrow(
      /ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: needs ORDERS_WEBHOOK_SECRET_KEY/,
    );
    const production = {
      NODE_ENV: 'production',
      INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
      ORDERS_WEBHOOK_SECRET_KEY: NEW_KEY,
    };
    expect(refused({ ...production, ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: DEV_WEBHOOK_SECRET_KEY })).toThrow(
      /ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: is the public development default/,
    );
    expect(loadOrdersConfig({ ...production, ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: KEY }).webhooks).toMatchObject({
      secretKey: NEW_KEY,
      previousSecretKey: KEY,
    });
  });
});
