import { decodeProtectedHeader, SignJWT } from 'jose';
import { loadConfig, subgraphEnv } from '../../config/load-config';
import { InternalTokens } from '../internal-token';
import type { Principal } from '../principal';

const OLD_SECRET = 'the-internal-secret-being-rotated-out-0123456789';
const NEW_SECRET = 'the-internal-secret-that-replaces-it-0123456789';

const anna: Principal = { sub: 'anna@corp', scopes: new Set(['orders:read']), channels: ['tmall'], kind: 'user' };

/** The internal tokens of a subgraph started with this environment, built as the subgraph runtime builds them. */
function serviceWith(env: Record<string, string>): InternalTokens {
  const config = loadConfig('orders', subgraphEnv('orders', 4001), env);
  return new InternalTokens(config.internalSecret, config.internalSecretPrevious);
}

describe('rotating the internal secret (INTERNAL_TOKEN_SECRET_PREVIOUS)', () => {
  const before = serviceWith({ INTERNAL_TOKEN_SECRET: OLD_SECRET });
  const during = serviceWith({ INTERNAL_TOKEN_SECRET: NEW_SECRET, INTERNAL_TOKEN_SECRET_PREVIOUS: OLD_SECRET });
  const after = serviceWith({ INTERNAL_TOKEN_SECRET: NEW_SECRET });

  it('accepts a token signed with the previous secret while it is configured, and refuses it once removed', async () => {
    const token = await before.sign(anna);
    await expect(during.verify(token)).resolves.toMatchObject({ sub: 'anna@corp', channels: ['tmall'] });
    await expect(after.verify(token)).rejects.toMatchObject({
      message: expect.stringMatching(/does not hold/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('signs only with the current secret: its tokens pass services that no longer hold the previous one', async () => {
    const token = await during.sign(anna);
    await expect(after.verify(token)).resolves.toMatchObject({ sub: 'anna@corp' });
    await expect(before.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it("names the secret in the header's kid, never the secret itself", async () => {
    const kidOf = async (tokens: InternalTokens) => decodeProtectedHeader(await tokens.sign(anna)).kid;
    const kid = await kidOf(during);
    expect(kid).toEqual(expect.any(String));
    expect(await kidOf(after)).toBe(kid);
    expect(await kidOf(before)).not.toBe(kid);
    expect(NEW_SECRET).not.toContain(kid);
    const token = await during.sign(anna);
    expect(Buffer.from(token.split('.')[0], 'base64url').toString()).not.toContain(NEW_SECRET);
  });

  it('checks a token without kid (signed before kids) against the current secret only', async () => {
    const legacy = (secret: string) =>
      new SignJWT({ scope: 'orders:read', knd: 'user' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject('anna@corp')
        .setIssuer('supply-graph/internal')
        .setAudience('supply-graph/services')
        .setExpirationTime('60s')
        .sign(new TextEncoder().encode(secret));
    await expect(during.verify(await legacy(NEW_SECRET))).resolves.toMatchObject({ sub: 'anna@corp' });
    await expect(during.verify(await legacy(OLD_SECRET))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a previous secret that is short or the current one', () => {
    expect(() => new InternalTokens(NEW_SECRET, 'short')).toThrow(/at least 32/);
    expect(() => new InternalTokens(NEW_SECRET, NEW_SECRET)).toThrow(/is the current one/);
  });
});
