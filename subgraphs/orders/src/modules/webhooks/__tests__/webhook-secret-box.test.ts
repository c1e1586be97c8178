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
    const altered = [v, iv, tag, `${body.slice(0, -2)}${body.endsWith('A') ? 'B' : 'A'}A`].join(':');
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
