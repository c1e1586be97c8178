import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { externalIssuer, ownIssuer, TokenVerifier } from '../token-verifier';

/** An identity provider on a local port: its JWKS at /jwks, and a way to sign as it. */
async function startIdp(alg: 'RS256' | 'ES256') {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg };
  let served = 0;
  const server: Server = createServer((req, res) => {
    served += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  const sign = (claims: Record<string, unknown>, options: { key?: KeyLike; alg?: string; exp?: number } = {}) =>
    new SignJWT({ scope: 'orders:read', ...claims })
      .setProtectedHeader({ alg: options.alg ?? alg, kid: 'idp-key-1' })
      .setSubject('anna@corp')
      .setIssuer('https://idp.example.com/realms/corp')
      .setAudience('supply-graph-api')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(options.key ?? privateKey);
  return {
    url,
    sign,
    served: () => served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('TokenVerifier with an external identity provider (by JWKS URL, issuer and audience)', () => {
  let idp: Awaited<ReturnType<typeof startIdp>>;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    idp = await startIdp('RS256');
    const own = await generateKeyPair('ES256');
    verifier = new TokenVerifier(
      [
        ownIssuer('supply-graph', 'supply-graph', [{ ...(await exportJWK(own.publicKey)), kid: 'own' }]),
        externalIssuer('https://idp.example.com/realms/corp', 'supply-graph-api', idp.url, ['RS256']),
      ],
      30,
    );
  });
  afterAll(() => idp.close());

  it("reads the provider's tokens the same way: sub, scope, channels", async () => {
    const verified = await verifier.verify(await idp.sign({ scope: 'orders:read pii:read', channels: ['TMALL'] }));
    expect(verified.principal).toEqual({
      sub: 'anna@corp',
      scopes: new Set(['orders:read', 'pii:read']),
      channels: ['tmall'],
      kind: 'user',
    });
    expect(idp.served()).toBe(1);
  });

  it('remembers a verified token until it expires (one signature check per token)', async () => {
    const token = await idp.sign({});
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
  });

  it('refuses a token signed by another key, an algorithm off the allow-list, or expired past the skew', async () => {
    const stranger = await generateKeyPair('RS256');
    await expect(verifier.verify(await idp.sign({}, { key: stranger.privateKey }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const hmac = new TextEncoder().encode('a-shared-secret-an-attacker-picked-000000');
    await expect(
      verifier.verify(await idp.sign({}, { key: hmac as unknown as KeyLike, alg: 'HS256' })),
    ).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const expired = await idp.sign({}, { exp: Math.floor(Date.now() / 1000) - 60 });
    await expect(verifier.verify(expired)).rejects.toMatchObject({ message: 'The token has expired' });
    const withinSkew = await idp.sign({}, { exp: Math.floor(Date.now() / 1000) - 10 });
    await expect(verifier.verify(withinSkew)).resolves.toMatchObject({ principal: { sub: 'anna@corp' } });
  });

  it('refuses an issuer it does not trust, and a wrong audience', async () => {
    const other = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://elsewhere')
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new Uint8Array(32));
    await expect(verifier.verify(other)).rejects.toMatchObject({
      message: 'The token was not issued by an issuer this platform trusts',
    });
    const idp2 = await startIdp('RS256');
    try {
      const wrongAudience = new TokenVerifier(
        [externalIssuer('https://idp.example.com/realms/corp', 'another-api', idp2.url, ['RS256'])],
        30,
      );
      await expect(wrongAudience.verify(await idp2.sign({}))).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    } finally {
      await idp2.close();
    }
  });
});
