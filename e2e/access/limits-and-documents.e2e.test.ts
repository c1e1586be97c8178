import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { Customer360Document } from '../generated/graphql';
import { apiClientAuthorization } from '../support/api-clients';
import { staffToken } from '../support/auth';
import { postGraphQL } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const MANIFEST = JSON.parse(
  readFileSync(path.resolve(__dirname, '../generated/persisted-documents.json'), 'utf8'),
) as Record<string, string>;
const CUSTOMER_360 = readFileSync(path.resolve(__dirname, '../operations/customer-360.graphql'), 'utf8');
const HASH_360 = Object.entries(MANIFEST).find(([, text]) => text.startsWith('query Customer360'))![0];

/** A raw request with this `authorization` only (none when not given), for the gateway's HTTP answer. */
const post = (url: string, body: unknown, authorization = '') => postGraphQL(url, body, { authorization });

const FIRST_CUSTOMER = graphql(`query LimitsFirstCustomer { customers(first: 1) { edges { node { id } } } }`);
const CANCELS_IN_TRAIL = graphql(`
  query LimitsCancelsInTrail {
    auditEvents(first: 50, filter: { action: "cancelOrder" }) { edges { node { actor action outcome } } }
  }
`);

/** `count` copies of `field`, aliased `<prefix>0`, `<prefix>1`, ... */
const aliased = (count: number, prefix: string, field: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}: ${field}`).join(' ');

const nested = (depth: number): string =>
  depth === 0 ? 'id' : `customer { orders(first: 1) { edges { node { ${nested(depth - 1)} } } } }`;

describePlatformSuite('operation limits and trusted documents at the gateway', (backend) => {
  const { platform, ask } = usePlatform(backend, { customers: 20, orders: 60 });
  let customerId: string;

  beforeAll(async () => {
    customerId = (await ask(FIRST_CUSTOMER)).data!.customers.edges[0].node.id;
  });

  describe('each limit, checked before any subgraph is called', () => {
    it.each([
      ['depth', `{ orders(first: 1) { edges { node { ${nested(5)} } } } }`],
      ['aliases', `{ ${aliased(31, 'a', 'channels { code }')} }`],
      [
        'rootFields',
        `{ channels warehouses viewer { sub } products(first: 1) { totalCount }
           ${aliased(20, 'x', 'channels { code }')} }`,
      ],
      ['tokens', `{ channels { ${Array.from({ length: 6000 }, () => 'code').join(' ')} } }`],
      [
        'cost',
        `{ customers(first: 100) { edges { node {
          orders(first: 100) { edges { node { lines { sku } statusHistory { to } } } }
        } } } }`,
      ],
    ])('%s: QUERY_TOO_COMPLEX naming it, HTTP 400', async (limit, query) => {
      const { status, body } = await post(platform.gatewayUrl, { query }, `Bearer ${await staff()}`);
      expect(status).toBe(400);
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(body.errors?.[0].extensions).toMatchObject({
        limit,
        max: expect.any(Number),
        measured: expect.any(Number),
      });
      expect(body.data ?? null).toBeNull();
    });

    it('a mutation refused at a limit never reaches its subgraph; the gateway audits the refusal', async () => {
      const id = (i: number) => `00000000-0000-4000-8000-00000000000${i % 10}`;
      const cancels = Array.from({ length: 31 }, (_, i) => `c${i}: cancelOrder(id: "${id(i)}") { id }`);
      const query = `mutation { ${cancels.join(' ')} }`;
      const { body } = await post(platform.gatewayUrl, { query }, `Bearer ${await staff()}`);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
      const entries = await eventually(async () => {
        const trail = await ask(CANCELS_IN_TRAIL);
        const found = trail.data?.auditEvents.edges.filter((e) => e.node.outcome === 'QUERY_TOO_COMPLEX') ?? [];
        return found.length ? found : undefined;
      }, 'the refusal in the audit trail');
      expect(entries[0].node).toEqual({ actor: 'e2e-staff', action: 'cancelOrder', outcome: 'QUERY_TOO_COMPLEX' });
    });

    it('the 360 query of the README and of e2e/operations passes every limit', async () => {
      const result = await ask(Customer360Document, { id: customerId, orders: 10 });
      expect(result.errors).toBeUndefined();
    });

    it('a subscription past a limit is refused over graphql-ws too', async () => {
      const live = subscribeWs(platform.gatewayUrl, `subscription { orderStatusChanged { order { ${nested(6)} } } }`);
      const ended = await live.ended;
      await live.stop();
      expect(JSON.stringify(ended)).toContain('QUERY_TOO_COMPLEX');
    });
  });

  describe('a client held to trusted documents', () => {
    let trusted: string;
    let ordinary: string;

    beforeAll(async () => {
      trusted = await clientToken(true);
      ordinary = await clientToken(false);
    });

    it('runs a manifest document by hash, and by its text', async () => {
      const byHash = await post(
        platform.gatewayUrl,
        { variables: { id: customerId }, extensions: { persistedQuery: { version: 1, sha256Hash: HASH_360 } } },
        trusted,
      );
      expect(byHash.body.errors).toBeUndefined();
      expect((byHash.body.data as ResultOf<typeof Customer360Document>).customer!.id).toBe(customerId);
      const byText = await post(platform.gatewayUrl, { query: CUSTOMER_360, variables: { id: customerId } }, trusted);
      expect(byText.body.errors).toBeUndefined();
    });

    it('refuses other documents, unknown hashes, attempts to register one: PERSISTED_QUERY_NOT_IN_LIST', async () => {
      const other = '{ channels { code } }';
      for (const body of [
        { query: other },
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
        {
          query: other,
          extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(other).digest('hex') } },
        },
      ]) {
        const answer = await post(platform.gatewayUrl, body, trusted);
        expect({ status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({
          status: 400,
          codes: ['PERSISTED_QUERY_NOT_IN_LIST'],
        });
      }
    });

    it('leaves other clients free to send any document', async () => {
      const answer = await post(platform.gatewayUrl, { query: '{ channels { code } }' }, ordinary);
      expect(answer.body.errors).toBeUndefined();
    });
  });

  const staff = () => staffToken(platform.gateway);

  /** An API client's `authorization` (client-credentials grant), held to trusted documents or not. */
  const clientToken = async (trustedDocumentsOnly: boolean) =>
    (
      await apiClientAuthorization(platform.gatewayUrl, {
        name: `frontend ${trustedDocumentsOnly}`,
        scopes: ['customers:read', 'orders:read', 'inventory:read', 'logistics:read'],
        trustedDocumentsOnly,
      })
    ).authorization;
});
