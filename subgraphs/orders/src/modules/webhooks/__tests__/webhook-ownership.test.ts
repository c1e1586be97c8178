import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import {
  bearerToken,
  createLogger,
  eventTransaction,
  EventTypes,
  InternalTokens,
  staticPeers,
  type Principal,
} from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { ordersSubgraph } from '../../../index';
import {
  ask,
  contextFor,
  data,
  insertOrder,
  principal,
  TEST_INTERNAL_SECRET,
} from '../../order/__tests__/scope-support';
import { webhookSettingsOf } from '../../../config';
import { dispatchDue } from '../webhook-dispatcher.job';
import { webhookConsumers } from '../webhook-fanout.consumer';

interface Received {
  path: string;
  principal: Principal | null;
  body: Record<string, any>;
}

/**
 * The gateway's payload endpoint and a partner's receiver in one: `/internal/...` answers a document
 * check with the filter the variables name, and a payload with the event; anything else is a delivery.
 * Every request is recorded with the claims its internal token carries.
 */
async function stubGateway() {
  const tokens = new InternalTokens(TEST_INTERNAL_SECRET);
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', async () => {
      const body = JSON.parse(text) as Record<string, any>;
      const claims = await tokens.verify(bearerToken(req.headers.authorization)).catch(() => null);
      received.push({ path: req.url ?? '', principal: claims, body });
      res.setHeader('content-type', 'application/json');
      if (!req.url?.startsWith('/internal/')) return res.end('{}');
      if (!claims) return res.writeHead(401).end('{}');
      if (!body.event)
        return res.end(
          JSON.stringify({
            filter: { orderId: null, customerId: null, channel: body.variables?.channel ?? null, after: null },
          }),
        );
      res.end(JSON.stringify({ data: { orderStatusChanged: { eventId: body.event.eventId } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/graphql`,
    hook: (name: string) => `${base}/hooks/${name}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const partner = principal('tmall-connector', ['tmall'], ['orders:read', 'customers:read', 'webhooks:manage'], 'client');
const staff = principal('staff-1', null);

describeEachBackend('webhooks belong to their owner', (backend) => {
  let database: MigratedDatabase;
  let schema: GraphQLSchema;
  let gateway: Awaited<ReturnType<typeof stubGateway>>;
  const tmallOrder = { id: randomUUID(), channel: 'tmall', externalId: 'TM-1', customerId: randomUUID() };
  const jdOrder = { id: randomUUID(), channel: 'jd', externalId: 'JD-1', customerId: randomUUID() };
  const hooks: Record<string, string> = {};

  const as = (caller: Principal) => contextFor(database.db, caller, staticPeers({ gateway: gateway.url }));
  const REGISTER =
    'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id filter { channel } } }';
  const register = (caller: Principal, name: string, variables: Record<string, unknown> = {}) =>
    ask(schema, as(caller), REGISTER, {
      input: {
        url: gateway.hook(name),
        secret: 'partner-secret-0123456789',
        query: 'subscription($channel: String) { orderStatusChanged(channel: $channel) { eventId } }',
        variables,
      },
    });

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'webhook_owners', ordersSubgraph);
    schema = await ordersSubgraph.buildSchema();
    gateway = await stubGateway();
    await insertOrder(database.db, tmallOrder);
    await insertOrder(database.db, jdOrder);
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.close();
  });

  it("registers a webhook for its caller, checking the document with the caller's claims", async () => {
    for (const [name, caller] of [
      ['partner', partner],
      ['staff', staff],
    ] as const) {
      const answer = await register(caller, name);
      expect(answer.errors).toEqual([]);
      hooks[name] = answer.data!.registerWebhook.id;
    }
    const checks = gateway.received.filter((r) => r.path.startsWith('/internal/'));
    expect(checks.map((r) => [r.principal?.sub, r.principal?.channels])).toEqual([
      ['tmall-connector', ['tmall']],
      ['staff-1', null],
    ]);
    const [row] = await database.db.query(
      'SELECT owner_sub, owner_kind, owner_scopes, owner_channels FROM webhook WHERE id = $1',
      [hooks.partner],
    );
    expect(row).toEqual({
      owner_sub: 'tmall-connector',
      owner_kind: 'client',
      owner_scopes: ['customers:read', 'orders:read', 'webhooks:manage'],
      owner_channels: ['tmall'],
    });
  });

  it("refuses a channel filter outside the caller's channels, storing nothing", async () => {
    const [{ n: before }] = await database.db.query('SELECT count(*)::int AS n FROM webhook');
    const refused = await register(partner, 'jd-only', { channel: 'jd' });
    expect(refused.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(await database.db.query('SELECT count(*)::int AS n FROM webhook')).toEqual([{ n: before }]);
    expect((await register(partner, 'tmall-only', { channel: 'tmall' })).data?.registerWebhook.filter).toEqual({
      channel: 'tmall',
    });
    hooks.tmallOnly = (await database.db.query("SELECT id FROM webhook WHERE url LIKE '%tmall-only'"))[0].id;
  });

  it("lists, reads and deactivates only the caller's own webhooks", async () => {
    const LIST = '{ webhooks(first: 50) { totalCount edges { node { id } } } }';
    const mine = (await data(schema, as(partner), LIST)).webhooks;
    expect(mine.totalCount).toBe(2);
    expect(mine.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      [hooks.partner, hooks.tmallOnly].sort(),
    );
    expect((await data(schema, as(staff), LIST)).webhooks.edges).toEqual([{ node: { id: hooks.staff } }]);
    expect(
      (await data(schema, as(partner), 'query($id: ID!) { webhook(id: $id) { id } }', { id: hooks.staff })).webhook,
    ).toBeNull();
    const deactivate = await ask(schema, as(partner), 'mutation($id: ID!) { deactivateWebhook(id: $id) { active } }', {
      id: hooks.staff,
    });
    expect(deactivate.errors.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(await database.db.query('SELECT active FROM webhook WHERE id = $1', [hooks.staff])).toEqual([
      { active: true },
    ]);
  });

  describe('events and deliveries', () => {
    const deliveriesOf = async (webhookId: string) =>
      (await database.db.query(
        'SELECT d.id, d.order_id, d.status, d.last_error FROM webhook_delivery d WHERE d.webhook_id = $1 ORDER BY ' +
          'd.event_id',
        [webhookId],
      )) as {
        id: string;
        order_id: string;
        status: string;
        last_error: string | null;
      }[];

    beforeAll(async () => {
      // A webhook from before owners, and one of an API client disabled since: neither may get anything.
      hooks.legacy = randomUUID();
      await database.db.query(
        "INSERT INTO webhook (id, url, secret, query) VALUES ($1, $2, 'a-secret-of-16-chars', 'subscription { " +
          "orderStatusChanged { eventId } }')",
        [hooks.legacy, gateway.hook('legacy')],
      );
      await database.db.query(
        `INSERT INTO api_client (id, name, client_id, secret_hash, scopes, channels, created_by, disabled_at)
         VALUES ($1, 'Old partner', 'old-partner', 'scrypt$x', '{orders:read,webhooks:manage}',
         NULL, 'staff-1', now())`,
        [randomUUID()],
      );
      hooks.disabled = randomUUID();
      await database.db.query(
        `INSERT INTO webhook (id, url, secret, query, owner_sub, owner_kind, owner_scopes)
         VALUES ($1, $2, 'a-secret-of-16-chars', 'subscription { orderStatusChanged { eventId } }',
         'old-partner', 'client', '{orders:read}')`,
        [hooks.disabled, gateway.hook('disabled')],
      );
      const [fanOut] = webhookConsumers();
      let position = 100;
      for (const order of [tmallOrder, jdOrder]) {
        position += 1;
        await database.db.transaction((manager) =>
          fanOut.handle(
            {
              eventId: randomUUID(),
              type: EventTypes.orderStatusChanged,
              aggregateType: 'order',
              aggregateId: order.id,
              aggregateVersion: 1,
              occurredAt: new Date().toISOString(),
              source: 'orders',
              position: String(position),
              payload: {
                orderId: order.id,
                customerId: order.customerId,
                channel: order.channel,
                from: null,
                to: 'PENDING',
                version: 1,
                at: new Date().toISOString(),
                reason: null,
              },
            },
            eventTransaction(manager, 'orders'),
          ),
        );
      }
    });

    it('fans an event out only to webhooks whose owner sees its channel', async () => {
      expect((await deliveriesOf(hooks.partner)).map((d) => d.order_id)).toEqual([tmallOrder.id]);
      expect((await deliveriesOf(hooks.tmallOnly)).map((d) => d.order_id)).toEqual([tmallOrder.id]);
      expect((await deliveriesOf(hooks.staff)).map((d) => d.order_id)).toEqual([tmallOrder.id, jdOrder.id]);
      expect(await deliveriesOf(hooks.legacy)).toEqual([]);
      expect(await deliveriesOf(hooks.disabled)).toEqual([]);
    });

    it("shows and re-sends only the caller's own deliveries", async () => {
      const [theirs] = await deliveriesOf(hooks.staff);
      const [own] = await deliveriesOf(hooks.partner);
      const ONE = 'query($id: ID!) { webhookDelivery(id: $id) { id order { id } webhook { id } } }';
      expect((await data(schema, as(partner), ONE, { id: theirs.id })).webhookDelivery).toBeNull();
      expect((await data(schema, as(partner), ONE, { id: own.id })).webhookDelivery).toEqual({
        id: own.id,
        order: { id: tmallOrder.id },
        webhook: { id: hooks.partner },
      });
      const resend = await ask(schema, as(partner), 'mutation($id: ID!) { resendWebhookDelivery(id: $id) { id } }', {
        id: theirs.id,
      });
      expect(resend.errors.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    });

    it("resolves each payload with its owner's claims, and sends nothing for a webhook without an owner", async () => {
      // A delivery left from before owners existed (the migration dead-letters these; one made by hand here).
      await database.db.query(
        `INSERT INTO webhook_delivery (id, webhook_id, event_id, order_id, customer_id, channel, to_status, event_at,
          status, next_attempt_at)
         VALUES ($1, $2, '0000000000000999', $3, $4, 'tmall', 'PENDING', now(), 'PENDING', now())`,
        [randomUUID(), hooks.legacy, tmallOrder.id, tmallOrder.customerId],
      );
      gateway.received.length = 0;
      const ctx = as(staff);
      const attempts = await dispatchDue(
        { db: database.db, peers: ctx.peers, log: createLogger('orders-test', 'silent'), config: ctx.config },
        webhookSettingsOf(ctx.config),
      );
      expect(attempts).toBe(5);
      const payloadCalls = gateway.received.filter((r) => r.path.startsWith('/internal/'));
      const claimsOf = (orderId: string) =>
        payloadCalls
          .filter((r) => r.body.event.orderId === orderId)
          .map((r) => [r.principal?.sub, r.principal?.channels, [...(r.principal?.scopes ?? [])].sort()]);
      expect(claimsOf(jdOrder.id)).toEqual([['staff-1', null, [...staff.scopes].sort()]]);
      expect(claimsOf(tmallOrder.id)).toEqual(
        expect.arrayContaining([
          ['tmall-connector', ['tmall'], ['customers:read', 'orders:read', 'webhooks:manage']],
          ['staff-1', null, [...staff.scopes].sort()],
        ]),
      );
      expect(
        gateway.received
          .filter((r) => r.path.startsWith('/hooks/'))
          .map((r) => r.path)
          .sort(),
      ).toEqual(['/hooks/partner', '/hooks/staff', '/hooks/staff', '/hooks/tmall-only']);
      expect(await deliveriesOf(hooks.legacy)).toEqual([
        expect.objectContaining({ status: 'DEAD', last_error: expect.stringContaining('no owner') }),
      ]);
    });
  });
});
