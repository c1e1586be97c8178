import { SecretBox } from '../webhook-secret-box';

const KEY = 'a-webhook-secret-key-of-at-least-32-characters';

describe('webhook secrets at rest', () => {
  const box = new SecretBox(KEY);

  it('stores a secret sealed (never the secret itself) and opens it again', () => {
    const sealed = box.seal('whsec_partner_secret_1234');
    expect(sealed).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('whsec_partner_secret_1234');
    expect(box.open(sealed)).toBe('whsec_partner_secret_1234');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a value sealed under another key, or altered', () => {
    const sealed = box.seal('whsec_partner_secret_1234');
    expect(() => new SecretBox(`${KEY}-other`).open(sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split(':');
    // One bit of the ciphertext flipped (editing base64 text can leave the bytes as they were).
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] ^= 1;
    const altered = [v, iv, tag, bytes.toString('base64url')].join(':');
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
