import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader, exportJWK, generateKeyPair, type JWK } from 'jose';
import { loadGatewayConfig } from '../../config';
import { Identity } from '../identity';
import { loadSigningKey } from '../signing-key';

/** A private ES256 JWK as AUTH_SIGNING_KEY takes it (one line of JSON). */
async function privateJwk(kid?: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), ...(kid ? { kid } : {}) };
}

const publicHalf = ({ d: _d, ...rest }: JWK): JWK => rest;

/** A gateway's identity as it starts with these keys (the rest of its config at the defaults). */
const gatewayWith = (current: JWK, previous?: JWK) =>
  Identity.create(
    loadGatewayConfig({
      AUTH_SIGNING_KEY: JSON.stringify(current),
      ...(previous ? { AUTH_SIGNING_KEY_PREVIOUS: JSON.stringify(previous) } : {}),
    }),
  );

const request = { sub: 'anna@corp', scopes: ['orders:read'], ttlSeconds: 300 };

describe('rotating the signing key (AUTH_SIGNING_KEY_PREVIOUS)', () => {
  let oldKey: JWK;
  let newKey: JWK;
  let before: Identity;
  let during: Identity;
  let after: Identity;

  beforeAll(async () => {
    [oldKey, newKey] = await Promise.all([privateJwk('key-2024'), privateJwk('key-2025')]);
    [before, during, after] = await Promise.all([
      gatewayWith(oldKey),
      // Only the public half of the old key is needed: operators may give either.
      gatewayWith(newKey, publicHalf(oldKey)),
      gatewayWith(newKey),
    ]);
  });

  it('publishes both keys, the current one first, and no private part', () => {
    const keys = during.issuer!.jwks().keys as JWK[];
    expect(keys.map((k) => k.kid)).toEqual(['key-2025', 'key-2024']);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
    expect((after.issuer!.jwks().keys as JWK[]).map((k) => k.kid)).toEqual(['key-2025']);
  });

  it('signs new tokens with the current key only', async () => {
    const token = await during.issuer!.mint(request);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: 'key-2025' });
    await expect(after.authenticate(`Bearer ${token}`)).resolves.toMatchObject({ principal: { sub: 'anna@corp' } });
  });

  it('accepts a token the previous key signed while it is configured, and refuses it once it is removed', async () => {
    const token = await before.issuer!.mint(request);
    await expect(during.authenticate(`Bearer ${token}`)).resolves.toMatchObject({ principal: { sub: 'anna@corp' } });
    await expect(after.authenticate(`Bearer ${token}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a token whose kid names no key it publishes', async () => {
    const stranger = await gatewayWith(await privateJwk('key-stranger'));
    await expect(during.authenticate(`Bearer ${await stranger.issuer!.mint(request)}`)).rejects.toMatchObject({
      message: 'The token was refused (ERR_JWKS_NO_MATCHING_KEY)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses at start-up a previous key that is no ES256 JWK, or the current key again', async () => {
    const refused = (previous: string) => () =>
      loadGatewayConfig({ AUTH_SIGNING_KEY: JSON.stringify(newKey), AUTH_SIGNING_KEY_PREVIOUS: previous });
    const rsa = await exportJWK((await generateKeyPair('RS256')).publicKey);
    for (const previous of ['not json', '{"kty":"EC","crv":"P-256"}', JSON.stringify(rsa)])
      expect(refused(previous)).toThrow(/AUTH_SIGNING_KEY_PREVIOUS: must be an ES256 JWK/);
    // The same key, even under another kid or as its public half.
    for (const same of [newKey, publicHalf({ ...newKey, kid: 'renamed' })])
      expect(refused(JSON.stringify(same))).toThrow(/AUTH_SIGNING_KEY_PREVIOUS: is the same key as AUTH_SIGNING_KEY/);
  });

  it('refuses, when the key is loaded, what the config could not see: a point off the curve, the key in the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'signing-key-'));
    const file = path.join(dir, 'signing-key.json');
    writeFileSync(file, JSON.stringify(oldKey));
    await expect(loadSigningKey({ file, previousJwk: JSON.stringify(publicHalf(oldKey)) })).rejects.toThrow(
      /AUTH_SIGNING_KEY_PREVIOUS is the current signing key/,
    );
    const offCurve = JSON.stringify({ ...publicHalf(newKey), y: publicHalf(oldKey).y });
    await expect(loadSigningKey({ file, previousJwk: offCurve })).rejects.toThrow(/is not a usable ES256 JWK/);
    await expect(loadSigningKey({ file, previousJwk: JSON.stringify(publicHalf(newKey)) })).resolves.toMatchObject({
      kid: 'key-2024',
      publishedJwks: [{ kid: 'key-2024' }, { kid: 'key-2025' }],
    });
  });

  it('refuses the internal secret being rotated out when it is the current one, or too short', () => {
    const secret = 'the-internal-secret-that-replaces-it-0123456789';
    expect(() => loadGatewayConfig({ INTERNAL_TOKEN_SECRET: secret, INTERNAL_TOKEN_SECRET_PREVIOUS: secret })).toThrow(
      /INTERNAL_TOKEN_SECRET_PREVIOUS: is the same as INTERNAL_TOKEN_SECRET/,
    );
    expect(() => loadGatewayConfig({ INTERNAL_TOKEN_SECRET: secret, INTERNAL_TOKEN_SECRET_PREVIOUS: 'short' })).toThrow(
      /INTERNAL_TOKEN_SECRET_PREVIOUS: must be at least 32 characters/,
    );
  });
});
