import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { CreateApiClientInput } from '../generated/suites/graphql';
import { mintToken } from '../support/auth';
import type { GraphQLResponse } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const CREATE = graphql(`
  mutation ApiClientsCreate($input: CreateApiClientInput!) {
    createApiClient(input: $input) { clientSecret client { id clientId scopes channels disabledAt } }
  }
`);
const LIST = graphql(`query ApiClientsList { apiClients { clientId name trustedDocumentsOnly } }`);
const VIEWER = graphql(`query ApiClientsViewer { viewer { sub scopes channels } }`);
const DISABLE = graphql(`mutation ApiClientsDisable($id: ID!) { disableApiClient(id: $id) { disabledAt } }`);
const EVENTS = graphql(`subscription ApiClientsEvents { orderStatusChanged { eventId } }`);
const WORK_ITEMS = graphql(`subscription ApiClientsWorkItems { workItemChanged { eventId change } }`);

describePlatformSuite('API clients and the client-credentials grant', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 20, orders: 40 });
  const tokenUrl = () => new URL('/oauth/token', platform.gatewayUrl).toString();

  const createClient = (input: CreateApiClientInput, authorization?: string) =>
    ask(CREATE, { input }, authorization ? { authorization } : {});

  const requestToken = async (form: Record<string, string>, basic?: { id: string; secret: string }) => {
    const credentials = basic && `${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`;
    const response = await fetch(tokenUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(credentials ? { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  const viewer = (token: string) => ask(VIEWER, {}, { authorization: `Bearer ${token}` });

  it('creates a client whose secret is shown once and stored only as a hash', async () => {
    const created = await createClient({
      name: 'Tmall connector',
      scopes: ['orders:read', 'orders:write'],
      channels: ['tmall'],
    });
    expect(created.errors).toBeUndefined();
    const { client, clientSecret } = created.data!.createApiClient;
    expect(client).toMatchObject({
      clientId: expect.stringMatching(/^sgc_/),
      scopes: ['orders:read', 'orders:write'],
      channels: ['tmall'],
      disabledAt: null,
    });
    expect(clientSecret).toMatch(/^sgs_/);
    const [stored] = await db.rows<{ secret_hash: string }>('SELECT secret_hash FROM orders.api_client WHERE id = $1', [
      client.id,
    ]);
    expect(stored.secret_hash).toMatch(/^scrypt\$/);
    expect(stored.secret_hash).not.toContain(clientSecret);
    const listed = await ask(LIST);
    expect(listed.data!.apiClients.map((c) => c.clientId)).toContain(client.clientId);
  });

  it('grants tokens by Basic auth or form fields, narrowed to the scope asked for, with its channels', async () => {
    const { client, clientSecret } = (
      await createClient({ name: 'JD partner', scopes: ['orders:read', 'customers:read'], channels: ['jd'] })
    ).data!.createApiClient;
    const basic = await requestToken(
      { grant_type: 'client_credentials' },
      { id: client.clientId, secret: clientSecret },
    );
    expect(basic.status).toBe(200);
    expect(basic.headers.get('cache-control')).toBe('no-store');
    expect(basic.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'orders:read customers:read',
      access_token: expect.any(String),
    });
    expect((await viewer(basic.body.access_token as string)).data!.viewer).toEqual({
      sub: client.clientId,
      scopes: ['orders:read', 'customers:read'],
      channels: ['jd'],
    });

    const narrowed = await requestToken({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
      scope: 'orders:read',
    });
    expect(narrowed.body.scope).toBe('orders:read');
    expect((await viewer(narrowed.body.access_token as string)).data!.viewer.scopes).toEqual(['orders:read']);
  });

  it('answers as RFC 6749 says: invalid_client, invalid_scope, unsupported_grant_type', async () => {
    const { client, clientSecret } = (await createClient({ name: 'Douyin shop', scopes: ['orders:read'] })).data!
      .createApiClient;
    const wrong = await requestToken(
      { grant_type: 'client_credentials' },
      { id: client.clientId, secret: `${clientSecret}x` },
    );
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await requestToken({ grant_type: 'client_credentials' }, { id: 'sgc_nobody', secret: 'x' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(
      await requestToken(
        { grant_type: 'client_credentials', scope: 'orders:write' },
        { id: client.clientId, secret: clientSecret },
      ),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope' },
    });
    expect(await requestToken({ grant_type: 'password' }, { id: client.clientId, secret: clientSecret })).toMatchObject(
      {
        status: 400,
        body: { error: 'unsupported_grant_type' },
      },
    );
  });

  it('limits token requests per client id (no guessing a secret by trying): HTTP 429 with Retry-After', async () => {
    const { client } = (await createClient({ name: 'Amazon seller', scopes: ['orders:read'] })).data!.createApiClient;
    const answers = [];
    for (let i = 0; i < 12; i += 1)
      answers.push(
        await requestToken({ grant_type: 'client_credentials' }, { id: client.clientId, secret: `guess-${i}` }),
      );
    expect(answers[0].status).toBe(401);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never grants more than the creator holds', async () => {
    const token = await mintToken(platform.gateway, {
      sub: 'partner-admin',
      scopes: ['clients:manage', 'orders:read'],
      channels: ['tmall'],
    });
    const manager = `Bearer ${token}`;
    const tooWide = await createClient(
      { name: 'x', scopes: ['orders:read', 'pii:read'], channels: ['tmall'] },
      manager,
    );
    expect(tooWide.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherChannel = await createClient({ name: 'x', scopes: ['orders:read'], channels: ['jd'] }, manager);
    expect(otherChannel.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const everyChannel = await createClient({ name: 'x', scopes: ['orders:read'] }, manager);
    expect(everyChannel.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await createClient({ name: 'x', scopes: ['orders:read', 'root'], channels: ['nowhere'] });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toMatch(/"root" is not a scope.*"nowhere" is not a channel/);
    const fine = await createClient({ name: 'Tmall reader', scopes: ['orders:read'], channels: ['tmall'] }, manager);
    expect(fine.errors).toBeUndefined();
  });

  it("a disabled client's tokens stop working within 30 s (here: on the bus's news); it gets no new ones", async () => {
    const { client, clientSecret } = (
      await createClient({ name: 'Shopify store', scopes: ['orders:read', 'desk:read'] })
    ).data!.createApiClient;
    const token = (
      await requestToken({ grant_type: 'client_credentials' }, { id: client.clientId, secret: clientSecret })
    ).body.access_token as string;
    expect((await viewer(token)).data?.viewer.sub).toBe(client.clientId);
    // What its token opened ends too: its live subscriptions, order statuses and the desk's work items alike.
    const open = await metricValue(platform.gatewayUrl, 'supply_graph_subscribers');
    const live = subscribeWs(platform.gatewayUrl, EVENTS, {}, { authorization: `Bearer ${token}` });
    const desk = subscribeWs(platform.gatewayUrl, WORK_ITEMS, {}, { authorization: `Bearer ${token}` });
    await eventually(
      async () => (await metricValue(platform.gatewayUrl, 'supply_graph_subscribers')) >= open + 2 || undefined,
      'both subscriptions open',
    );

    const disabledAt = Date.now();
    const disabled = await ask(DISABLE, { id: client.id });
    expect(disabled.data!.disableApiClient.disabledAt).not.toBeNull();
    const refused: GraphQLResponse<unknown> = await eventually(
      async () => {
        const result = await viewer(token);
        return result.errors?.[0].extensions?.code === 'UNAUTHENTICATED' ? result : undefined;
      },
      'the token refused',
      30_000,
    );
    expect(refused.errors![0].message).toMatch(/disabled/);
    for (const subscription of [live, desk]) {
      let timer: NodeJS.Timeout | undefined;
      const ended = await Promise.race([
        subscription.ended,
        new Promise((r) => (timer = setTimeout(r, 30_000, 'still open'))),
      ]);
      clearTimeout(timer);
      expect(JSON.stringify(ended)).toMatch(/disabled|4401|UNAUTHENTICATED/);
      await subscription.stop();
    }
    expect(Date.now() - disabledAt).toBeLessThan(30_000);
    expect(
      await requestToken({ grant_type: 'client_credentials' }, { id: client.clientId, secret: clientSecret }),
    ).toMatchObject({ status: 401 });
  });
});
