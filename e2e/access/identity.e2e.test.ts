import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRemoteJWKSet, decodeJwt, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { loadGatewayConfig, loadSigningKey, TokenIssuer } from '@supply-graph/gateway';
import { describePlatformSuite } from '../support/backends';
import { SCOPES } from '@supply-graph/shared';
import { mintToken } from '../support/auth';
import { graphql } from '../generated/suites';
import { type GraphQLResponse, postGraphQL } from '../support/graphql';
import { usePlatform } from '../support/use-platform';
import { rootOperations, type RootOperation } from './root-operations';

const SUPERGRAPH = readFileSync(path.resolve(__dirname, '../../supergraph.graphql'), 'utf8');
const ROOTS = rootOperations(SUPERGRAPH);

const codes = (result: GraphQLResponse<unknown>) => (result.errors ?? []).map((e) => e.extensions?.code);

/** A raw request with this `authorization` only: none when not given, never the suite's default token. */
const post = (url: string, body: unknown, authorization = '') => postGraphQL(url, body, { authorization });

const VIEWER = graphql(`query IdentityViewer { viewer { sub scopes channels } }`);
const ORDERS_WITH_CUSTOMERS = graphql(`
  query IdentityOrdersWithCustomers { orders(first: 2) { edges { node { id status customer { id } } } } }
`);

describePlatformSuite('identity and scopes at the gateway', (backend) => {
  const { platform, ask } = usePlatform(backend, { customers: 20, orders: 40 });
  const bearer = (token: string) => `Bearer ${token}`;

  describe('who may call at all', () => {
    const QUERY = { query: '{ channels { code } }' };

    it('refuses a request without a token: HTTP 401 UNAUTHENTICATED, no data', async () => {
      const { status, body } = await post(platform.gatewayUrl, QUERY);
      expect(status).toBe(401);
      expect(codes(body)).toEqual(['UNAUTHENTICATED']);
      expect(body.data).toBeUndefined();
    });

    it('refuses a token signed with another key, an edited one, an expired one, a wrong audience', async () => {
      const good = await mintToken(platform.gateway, { scopes: [...SCOPES] });
      const { privateKey } = await generateKeyPair('ES256');
      const claims = decodeJwt(good);
      const forged = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'forged' })
        .sign(privateKey);
      const [header, , signature] = good.split('.');
      const edited = [
        header,
        Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url'),
        signature,
      ].join('.');
      const expired = await mintToken(platform.gateway, { scopes: [...SCOPES], ttlSeconds: -120 });
      // The platform's own key, but another audience or issuer.
      const key = await loadSigningKey(loadGatewayConfig({}).auth.signingKey);
      const foreignAudience = await new TokenIssuer(key, 'supply-graph', 'another-api').mint({
        sub: 'x',
        scopes: [...SCOPES],
        ttlSeconds: 600,
      });
      const foreignIssuer = await new TokenIssuer(key, 'someone-else', 'supply-graph').mint({
        sub: 'x',
        scopes: [...SCOPES],
        ttlSeconds: 600,
      });
      for (const token of [forged, edited, expired, foreignAudience, foreignIssuer, 'not-a-jwt']) {
        const { status, body } = await post(platform.gatewayUrl, QUERY, bearer(token));
        expect({ token: token.slice(0, 12), status, codes: codes(body) }).toEqual({
          token: token.slice(0, 12),
          status: 401,
          codes: ['UNAUTHENTICATED'],
        });
      }
      expect((await post(platform.gatewayUrl, QUERY, bearer(good))).status).toBe(200);
    });

    it('publishes its public key: a token it signs verifies against /.well-known/jwks.json', async () => {
      const token = await mintToken(platform.gateway, { scopes: ['orders:read'] });
      const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', platform.gatewayUrl));
      const { payload } = await jwtVerify(token, jwks, { issuer: 'supply-graph', audience: 'supply-graph' });
      expect(payload).toMatchObject({ sub: 'e2e-staff', scope: 'orders:read' });
    });
  });

  describe('every root field has its rule', () => {
    it('covers the whole API: every Query and Mutation field is listed with a rule', () => {
      expect(ROOTS.length).toBeGreaterThan(40);
      expect(ROOTS.filter((r) => r.rule === null)).toEqual([]);
    });

    it.each(ROOTS.filter((r) => r.rule !== 'authenticated').map((r) => [r.coordinate, r] as const))(
      '%s: no token, a forged or expired one 401; without its scope FORBIDDEN at the field; with it, never refused',
      async (_coordinate, root: RootOperation) => {
        const needed = (root.rule as string[][])[0];
        const without = await mintToken(platform.gateway, { scopes: SCOPES.filter((s) => !needed.includes(s)) });
        const withIt = await mintToken(platform.gateway, { scopes: needed });
        const expired = await mintToken(platform.gateway, { scopes: needed, ttlSeconds: -120 });
        const forged = await new SignJWT({ scope: needed.join(' ') })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer('supply-graph')
          .setAudience('supply-graph')
          .setSubject('mallory')
          .setExpirationTime('5m')
          .sign((await generateKeyPair('ES256')).privateKey);
        const request = { query: root.document, variables: root.variables };

        for (const authorization of [undefined, bearer(expired), bearer(forged)]) {
          const refused = await post(platform.gatewayUrl, request, authorization);
          expect({ status: refused.status, codes: codes(refused.body) }).toEqual({
            status: 401,
            codes: ['UNAUTHENTICATED'],
          });
        }

        const refused = await post(platform.gatewayUrl, request, bearer(without));
        const forbidden = refused.body.errors?.find((e) => e.extensions?.code === 'FORBIDDEN');
        expect(forbidden?.path).toEqual([root.field]);
        expect((refused.body.data as Record<string, unknown> | null | undefined)?.[root.field] ?? null).toBeNull();

        const allowed = await post(platform.gatewayUrl, request, bearer(withIt));
        expect(codes(allowed.body).filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED')).toEqual([]);
      },
    );

    it('viewer answers any verified caller with its own claims', async () => {
      const token = await mintToken(platform.gateway, {
        sub: 'ops-anna',
        scopes: ['orders:read'],
        channels: ['tmall'],
      });
      const result = await ask(VIEWER, {}, { authorization: bearer(token) });
      expect(result).toEqual({ data: { viewer: { sub: 'ops-anna', scopes: ['orders:read'], channels: ['tmall'] } } });
    });

    it('a guarded nested field the caller may not read is null, FORBIDDEN; the rest of the answer comes', async () => {
      const token = await mintToken(platform.gateway, { scopes: ['orders:read'] });
      const result = await ask(ORDERS_WITH_CUSTOMERS, {}, { authorization: bearer(token) });
      expect(result.data!.orders.edges).toHaveLength(2);
      for (const { node } of result.data!.orders.edges)
        expect(node).toMatchObject({ id: expect.any(String), customer: null });
      expect(result.errors!.map((e) => [e.extensions?.code, e.path?.slice(-1)[0]])).toEqual([
        ['FORBIDDEN', 'customer'],
        ['FORBIDDEN', 'customer'],
      ]);
    });
  });

  describe('sealed subgraphs', () => {
    it("a subgraph answers nothing without the gateway's proof, nor to a token of the public issuer", async () => {
      const staff = await mintToken(platform.gateway, { scopes: [...SCOPES] });
      for (const sub of Object.values(platform.subgraphs)) {
        for (const authorization of [undefined, bearer(staff)]) {
          const { status, body } = await post(sub!.url, { query: '{ _service { sdl } }' }, authorization);
          expect({ name: sub!.name, status, codes: codes(body) }).toEqual({
            name: sub!.name,
            status: 401,
            codes: ['UNAUTHENTICATED'],
          });
        }
      }
      const internal = await platform.gateway.identity.internal.sign({
        sub: 'e2e',
        scopes: new Set(['orders:read']),
        channels: null,
        kind: 'user',
      });
      expect(
        (await post(platform.subgraphs.orders!.url, { query: '{ channels { code } }' }, bearer(internal))).status,
      ).toBe(200);
    });

    it('the internal payload endpoint takes no caller without an internal token, whatever its address', async () => {
      const { status } = await post(new URL('/internal/subscription-payload', platform.gatewayUrl).toString(), {
        query: 'subscription { orderStatusChanged { eventId } }',
      });
      expect(status).toBe(401);
    });
  });
});
