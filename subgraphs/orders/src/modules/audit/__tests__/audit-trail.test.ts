import { randomBytes, randomUUID } from 'node:crypto';
import {
  EventTypes,
  InternalTokens,
  SCOPES,
  eventTransaction,
  startSubgraph,
  staticPeers,
  type AuditRecorded,
  type Principal,
  type RunningSubgraph,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';
import { loadOrdersConfig } from '../../../config';
import { ordersSubgraph } from '../../../index';
import { auditConsumers } from '../audit.consumer';

/**
 * Nothing listens here: customers and inventory are down, which placing an order survives (local catalogue, buyer
 * identified later).
 */
const DOWN = 'http://127.0.0.1:9/graphql';

const PLACE = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id } } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelOrder(id: $id) { id } }`;
const AUDIT = `query Audit($first: Int, $after: String, $filter: AuditFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id at actor action target channel requestId outcome } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** An entry as `auditEvents` answers it: the recorded event with its id. */
type Entry = AuditRecorded & { id: string };
interface AuditPage {
  auditEvents: {
    edges: { cursor: string; node: Entry }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
type Answer<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

/** An `audit.recorded` event as the bus delivers it to the trail's consumer. */
const auditEvent = (eventId: string, payload: AuditRecorded) => ({
  eventId,
  type: EventTypes.auditRecorded,
  aggregateType: 'audit',
  aggregateId: randomUUID(),
  aggregateVersion: 1,
  occurredAt: '',
  source: 'orders',
  payload,
});

const principal = (sub: string, scopes: readonly string[], channels: string[] | null = null): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels,
  kind: 'user',
});
const staff = principal('staff-1', SCOPES);
const reader = principal('reader-1', ['orders:read']);

describeEachBackend('the audit trail of the orders subgraph', (backend) => {
  let database: TestDatabase;
  let orders: RunningSubgraph;
  let tokens: InternalTokens;

  /** One call as the gateway makes it: the caller in an internal token, a request id of our own. */
  async function call<T>(
    who: Principal,
    query: string,
    variables: Record<string, unknown> = {},
    requestId = `req-${randomUUID()}`,
  ) {
    const response = await fetch(orders.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokens.sign(who)}`,
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { requestId, answer: (await response.json()) as Answer<T> };
  }

  /**
   * The trail as `who` reads it, waiting until it holds `count` entries matching `filter` (the consumer runs after the
   * commit).
   */
  async function trail(filter: Record<string, unknown>, count: number, who: Principal = staff): Promise<Entry[]> {
    for (let waited = 0; ; waited += 50) {
      const { answer } = await call<AuditPage>(who, AUDIT, { filter, first: 100 });
      const entries = answer.data?.auditEvents.edges.map((e) => e.node) ?? [];
      if (entries.length >= count || waited > 10_000) return entries;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const order = (extra: Record<string, unknown> = {}) => ({
    channel: 'webstore',
    externalId: `A-${randomUUID()}`,
    currency: 'CNY',
    buyer: { name: 'Lin Yu', email: 'lin.yu@example.com' },
    lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: '20.00' }],
    shippingAddress: { country: 'CN', city: 'Hangzhou', line1: 'West Lake Road 1' },
    ...extra,
  });

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'audit_trail');
    const secret = randomBytes(32).toString('base64url');
    tokens = new InternalTokens(secret);
    const config = loadOrdersConfig({
      DATABASE_URL: database.url,
      ORDERS_PORT: '0',
      ORDERS_HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      INTERNAL_TOKEN_SECRET: secret,
      DB_POOL_SIZE: '4',
    });
    orders = await startSubgraph(ordersSubgraph, {
      config,
      peers: staticPeers({ customers: DOWN, inventory: DOWN, logistics: DOWN, gateway: DOWN }),
    });
    await orders.dataSource.query(
      "INSERT INTO channel (code, name, kind) VALUES ('webstore', 'Web store', 'WEBSTORE') ON CONFLICT DO NOTHING",
    );
    await orders.dataSource.query(
      "INSERT INTO catalog_product (sku, name, discontinued, version) VALUES ('SKU-A', 'Tea cup', false, 1)",
    );
  });
  afterAll(async () => {
    await orders?.stop();
    await database?.drop();
  });

  describe('each mutation call leaves exactly one entry', () => {
    let placedId: string;
    let calls: Record<'placed' | 'repeated' | 'refused' | 'invalid' | 'missing', string>;

    beforeAll(async () => {
      const input = order();
      const placed = await call<{ placeOrder: { created: boolean; order: { id: string } } }>(staff, PLACE, { input });
      expect(placed.answer.data?.placeOrder.created).toBe(true);
      placedId = placed.answer.data!.placeOrder.order.id;
      const repeated = await call<{ placeOrder: { created: boolean } }>(staff, PLACE, { input });
      expect(repeated.answer.data?.placeOrder.created).toBe(false);
      const refused = await call(reader, PLACE, { input: order() });
      expect(refused.answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const invalid = await call(staff, PLACE, {
        input: order({ lines: [{ sku: 'SKU-NOPE', quantity: 1, unitPrice: '1.00' }] }),
      });
      expect(invalid.answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const missing = await call(staff, CANCEL, { id: randomUUID() });
      expect(missing.answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      calls = {
        placed: placed.requestId,
        repeated: repeated.requestId,
        refused: refused.requestId,
        invalid: invalid.requestId,
        missing: missing.requestId,
      };
    });

    it('names actor, action, target, channel, request id and outcome', async () => {
      const entries = await trail({ since: new Date(Date.now() - 60_000).toISOString() }, 5);
      const byRequest = (id: string) =>
        entries
          .filter((e) => e.requestId === id)
          .map(({ actor, action, target, channel, outcome }) => ({ actor, action, target, channel, outcome }));
      expect(entries).toHaveLength(5);
      expect(byRequest(calls.placed)).toEqual([
        { actor: 'staff-1', action: 'placeOrder', target: `Order:${placedId}`, channel: 'webstore', outcome: 'ok' },
      ]);
      expect(byRequest(calls.repeated)).toEqual([
        { actor: 'staff-1', action: 'placeOrder', target: `Order:${placedId}`, channel: 'webstore', outcome: 'ok' },
      ]);
      expect(byRequest(calls.refused)).toEqual([
        { actor: 'reader-1', action: 'placeOrder', target: null, channel: 'webstore', outcome: 'FORBIDDEN' },
      ]);
      expect(byRequest(calls.invalid)).toEqual([
        { actor: 'staff-1', action: 'placeOrder', target: null, channel: 'webstore', outcome: 'BAD_USER_INPUT' },
      ]);
      expect(byRequest(calls.missing)[0]).toMatchObject({
        action: 'cancelOrder',
        target: expect.stringMatching(/^Order:/),
        outcome: 'NOT_FOUND',
      });
    });

    it(
      "commits the placed order's entry in the transaction that stored the order, " +
        'and nothing else of the refusals',
      async () => {
        // Rows written by one transaction share its id (xmin).
        const transactionOf = async (where: string, value: string) =>
          (
            (await orders.dataSource.query(`SELECT DISTINCT xmin::text AS tx FROM outbox WHERE ${where}`, [value])) as {
              tx: string;
            }[]
          ).map((r) => r.tx);
        const [orderTx] = await transactionOf('aggregate_id = $1', placedId);
        expect(await transactionOf("payload->>'requestId' = $1", calls.placed)).toEqual([orderTx]);
        for (const refusal of [calls.refused, calls.invalid, calls.missing]) {
          // Refusals of concurrent requests may share one transaction (the writer batches them): audit entries only.
          const [tx] = await transactionOf("payload->>'requestId' = $1", refusal);
          // entity.changed: the change feed of the rows the transaction wrote (a refusal's intake record).
          const types = (
            (await orders.dataSource.query(
              "SELECT type FROM outbox WHERE xmin::text = $1 AND type <> 'entity.changed'",
              [tx],
            )) as { type: string }[]
          ).map((r) => r.type);
          expect(new Set(types)).toEqual(new Set([EventTypes.auditRecorded]));
        }
      },
    );

    it('keeps an entry delivered twice once', async () => {
      const [row] = (await orders.dataSource.query(
        "SELECT event_id, payload FROM outbox WHERE payload->>'requestId' = $1",
        [calls.placed],
      )) as {
        event_id: string;
        payload: never;
      }[];
      const [consumer] = auditConsumers();
      const event = auditEvent(row.event_id, row.payload);
      await orders.dataSource.transaction((m) => consumer.handle(event, eventTransaction(m, 'orders')));
      await orders.dataSource.transaction((m) => consumer.handle(event, eventTransaction(m, 'orders')));
      expect(
        await orders.dataSource.query('SELECT count(*)::int AS n FROM audit_event WHERE request_id = $1', [
          calls.placed,
        ]),
      ).toEqual([{ n: 1 }]);
    });

    it('keeps a batch of entries as it keeps each, and a batch delivered twice once', async () => {
      const [consumer] = auditConsumers();
      const requestId = `batch-${randomUUID()}`;
      const entries: AuditRecorded[] = [
        {
          at: '2026-01-02T03:04:05.000Z',
          actor: 'partner-9',
          action: 'Query.order',
          target: 'o-1',
          channel: 'jd',
          requestId,
          outcome: 'ok',
        },
        {
          at: '2026-01-02T03:04:06.000Z',
          actor: 'staff-2',
          action: 'Mutation.cancelOrder',
          target: null,
          channel: null,
          requestId,
          outcome: 'refused',
        },
      ];
      const events = entries.map((payload) => auditEvent(randomUUID(), payload));
      const read = () =>
        orders.dataSource.query(
          `SELECT id, at, actor, action, target, channel, request_id AS "requestId", outcome
             FROM audit_event WHERE request_id = $1 ORDER BY at`,
          [requestId],
        ) as Promise<(AuditRecorded & { id: string; at: Date })[]>;
      await orders.dataSource.transaction((m) => consumer.handleMany!(events, eventTransaction(m, 'orders')));
      await orders.dataSource.transaction((m) => consumer.handleMany!(events, eventTransaction(m, 'orders')));
      const rows = await read();
      expect(rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))).toEqual(
        events.map((e) => ({ id: e.eventId, ...e.payload })),
      );
      // The same entries kept one by one read back the same.
      await orders.dataSource.query('DELETE FROM audit_event WHERE request_id = $1', [requestId]);
      for (const e of events)
        await orders.dataSource.transaction((m) => consumer.handle(e, eventTransaction(m, 'orders')));
      expect(await read()).toEqual(rows);
    });

    it('records no entry for reading the trail', async () => {
      const before = await trail({}, 5);
      await call(staff, AUDIT, {});
      const after = await trail({}, 5);
      expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    });
  });

  describe('auditEvents', () => {
    it('pages newest first with stable cursors', async () => {
      const all = await trail({}, 5);
      const sorted = [...all].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
      expect(all.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
      const seen: string[] = [];
      const cursors: (string | null)[] = [null];
      for (let page = 0; page < 10; page += 1) {
        const variables = { first: 2, after: cursors[page] };
        const { edges, pageInfo } = (await call<AuditPage>(staff, AUDIT, variables)).answer.data!.auditEvents;
        seen.push(...edges.map((e) => e.node.id));
        if (!pageInfo.hasNextPage) break;
        cursors.push(pageInfo.endCursor);
      }
      expect(seen).toEqual(all.map((e) => e.id));
    });

    it('filters by actor, action, target and since', async () => {
      const all = await trail({}, 5);
      expect((await trail({ actor: 'reader-1' }, 1)).map((e) => e.outcome)).toEqual(['FORBIDDEN']);
      expect((await trail({ action: 'cancelOrder' }, 1)).map((e) => e.outcome)).toEqual(['NOT_FOUND']);
      const placed = all.find((e) => e.action === 'placeOrder' && e.target)!;
      expect((await trail({ target: placed.target }, 2)).map((e) => e.outcome)).toEqual(['ok', 'ok']);
      expect(await trail({ since: new Date(Date.now() + 60_000).toISOString() }, 0)).toEqual([]);
    });

    it('needs audit:read, and shows a channel-scoped caller only its channels', async () => {
      const { answer } = await call<AuditPage>(reader, AUDIT, {});
      expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await trail({}, 0, principal('tmall-auditor', ['audit:read'], ['tmall']))).toEqual([]);
      expect(
        (await trail({}, 1, principal('web-auditor', ['audit:read'], ['webstore']))).every(
          (e) => e.channel === 'webstore',
        ),
      ).toBe(true);
    });

    it('refuses a cursor that is not one of its own', async () => {
      const { answer } = await call<AuditPage>(staff, AUDIT, {
        after: Buffer.from('["yesterday","x"]').toString('base64url'),
      });
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
