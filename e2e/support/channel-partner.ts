import type { TestBackend } from '@supply-graph/shared/testing';
import { apiClientAuthorization } from './api-clients';
import { type PlatformUnderTest, usePlatform } from './use-platform';

/** What a channel-partner suite works with, besides the platform: the partner and a row counter. */
export interface ChannelPartnerUnderTest extends PlatformUnderTest {
  /** Headers that make a request the partner's (its token); filled in by the suite's `beforeAll`. */
  partner: { authorization: string };
  /** The partner's client id, as its audit entries name it. */
  partnerId: () => string;
  /** `SELECT count(*) FROM <sql>` on the platform's database. */
  count(sql: string, values?: unknown[]): Promise<number>;
}

/**
 * The set-up of the channel-partner suites (`usePlatform`, webhooks delivered
 * quickly to a receiver on loopback): a Tmall partner, an API client limited to
 * the tmall channel and without pii:read, created by staff (the suites' default
 * caller) and signed in with the client-credentials grant.
 */
export function useChannelPartner(backend: TestBackend): ChannelPartnerUnderTest {
  const under = usePlatform(backend, {
    customers: 40,
    orders: 120,
    env: {
      ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS: '50',
      ORDERS_WEBHOOK_TIMEOUT_MS: '3000',
      ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    },
  });
  // A plain object, not a stand-in: requests spread it into their headers.
  const partner = { authorization: '' };
  let partnerId = '';
  beforeAll(async () => {
    const { clientId, authorization } = await apiClientAuthorization(under.platform.gatewayUrl, {
      name: 'Tmall connector',
      scopes: ['orders:read', 'orders:write', 'customers:read', 'logistics:read', 'webhooks:manage'],
      channels: ['tmall'],
    });
    partnerId = clientId;
    partner.authorization = authorization;
  });
  return {
    ...under,
    partner,
    partnerId: () => partnerId,
    count: async (sql, values = []) =>
      (await under.db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, values))[0].n,
  };
}
