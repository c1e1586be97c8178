import { randomUUID } from 'node:crypto';
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { channelFixture } from '@supply-graph/shared/testing';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { PlaceOrderInput } from '../generated/suites/graphql';
import { PLACE_ORDER } from '../support/documents';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';

const IMPORT = graphql(`
  mutation QualityImport($channel: String!, $payload: JSON!) {
    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }
  }
`);
const QUALITY = graphql(`
  query Quality($channel: String, $since: DateTime) {
    intakeQuality(channel: $channel, since: $since) {
      channel received accepted duplicates rejected repaired
      repairsByRule { rule count } problemsByField { field count }
    }
  }
`);
const REJECTIONS = graphql(`
  query QualityRejections($channel: String, $first: Int) {
    recentRejections(channel: $channel, first: $first) {
      id channel externalId receivedAt problems { field message } repairs { rule field from to }
    }
  }
`);

const tmallSample = () =>
  JSON.parse(channelFixture('tmall-trade.json')) as {
    trade: Record<string, unknown> & { orders: { order: unknown[] } };
  };
/** The Tmall sample under a new order number. */
const tmallTrade = (tid = String(Date.now()) + String(Math.floor(Math.random() * 1e6))) => {
  const payload = tmallSample();
  payload.trade.tid = tid;
  return payload;
};

type QualityRow = ResultOf<typeof QUALITY>['intakeQuality'][number];
/** A channel's expected row: its counts, then the count per repair rule and per problem field, in their order. */
const row = (
  channel: string,
  counts: Pick<QualityRow, 'received' | 'accepted' | 'duplicates' | 'rejected' | 'repaired'>,
  repairs: Record<string, number> = {},
  problems: Record<string, number> = {},
): QualityRow => ({
  channel,
  ...counts,
  repairsByRule: Object.entries(repairs).map(([rule, count]) => ({ rule, count })),
  problemsByField: Object.entries(problems).map(([field, count]) => ({ field, count })),
});

describePlatformSuite('intake quality: every intake is recorded, rejections included', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const quality = async (variables: VariablesOf<typeof QUALITY>) => {
    const response = await ask(QUALITY, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.intakeQuality;
  };
  const ordersWith = (channel: string, externalId: string) =>
    db.rows('SELECT id FROM orders.sales_order WHERE channel_code = $1 AND external_id = $2', [channel, externalId]);

  const webInput = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
    channel: 'webstore',
    externalId: `WS-Q-${randomUUID()}`,
    buyer: { name: 'Gao Lan', email: 'gao.lan@example.com', phone: '+8613700000001' },
    currency: 'CNY',
    lines: [{ sku: 'SKU-0007', quantity: 1, unitPrice: '59.50' }],
    shippingAddress: {
      name: 'Gao Lan',
      phone: '+8613700000001',
      country: 'CN',
      province: 'Shanghai',
      city: 'Shanghai',
      line1: 'No. 9 Huaihai Road',
    },
    ...overrides,
  });

  it('counts accepted, duplicate, repaired and rejected placeOrders per channel; stores nothing rejected', async () => {
    const since = new Date().toISOString();
    // Accepted with repairs: a national phone number (twice, one rule) and a country name.
    const repaired = webInput({
      buyer: { name: 'Gao Lan', phone: '13700000002' },
      shippingAddress: { phone: '13700000002', country: 'China', city: 'Shanghai' },
    });
    const clean = webInput();
    const badLines = webInput({
      currency: 'XXX',
      lines: [
        { sku: 'SKU-0007', quantity: 0, unitPrice: '1.00' },
        { sku: 'SKU-0008', quantity: -1, unitPrice: '1.00' },
      ],
    });
    // Passes the adapter (after a channel-case repair) but names a SKU the catalogue lacks.
    const unknownSku = webInput({
      channel: 'WEBSTORE',
      lines: [{ sku: 'SKU-NOPE-1', quantity: 1, unitPrice: '1.00' }],
    });
    for (const input of [repaired, clean, clean]) expect((await ask(PLACE_ORDER, { input })).errors).toBeUndefined();
    for (const input of [badLines, unknownSku]) {
      const error = expectOneError(await ask(PLACE_ORDER, { input }), 'BAD_USER_INPUT');
      expect(error.extensions?.problems).toBeDefined();
    }
    const unknownChannel = webInput({ channel: 'nowhere' });
    expectOneError(await ask(PLACE_ORDER, { input: unknownChannel }), 'BAD_USER_INPUT');

    const rows = await quality({ since });
    expect(rows.find((r) => r.channel === 'webstore')).toEqual(
      row(
        'webstore',
        { received: 5, accepted: 2, duplicates: 1, rejected: 2, repaired: 1 },
        { 'country-iso': 1, 'phone-e164': 1 },
        { currency: 1, 'lines[].quantity': 1, 'lines[].sku': 1 },
      ),
    );
    // A channel that does not exist is listed once something arrived for it; channels without intakes show zeros.
    expect(rows.find((r) => r.channel === 'nowhere')).toMatchObject({
      received: 1,
      rejected: 1,
      problemsByField: [{ field: 'channel', count: 1 }],
    });
    expect(rows.find((r) => r.channel === 'jd')).toEqual(
      row('jd', { received: 0, accepted: 0, duplicates: 0, rejected: 0, repaired: 0 }),
    );
    expect(rows.map((r) => r.channel)).toEqual([...rows.map((r) => r.channel)].sort());

    for (const input of [badLines, unknownSku, unknownChannel]) {
      expect(await ordersWith(String(input.channel).toLowerCase(), String(input.externalId))).toHaveLength(0);
    }
    const rejections = (await ask(REJECTIONS, { channel: 'webstore', first: 2 })).data!.recentRejections;
    expect(rejections.map((r) => r.externalId)).toEqual([unknownSku.externalId, badLines.externalId]);
    expect(rejections[0]).toMatchObject({
      channel: 'webstore',
      problems: [{ field: 'lines[0].sku', message: 'unknown SKU "SKU-NOPE-1"' }],
      repairs: [{ rule: 'channel-case', field: 'channel', from: 'WEBSTORE', to: 'webstore' }],
    });
    expect(rejections[1].problems.map((p) => p.field).sort()).toEqual([
      'currency',
      'lines[0].quantity',
      'lines[1].quantity',
    ]);

    // Nothing received after now.
    const later = await quality({ channel: 'WebStore', since: new Date(Date.now() + 60_000).toISOString() });
    expect(later).toEqual([expect.objectContaining({ channel: 'webstore', received: 0 })]);
  });

  it('records channel imports: the sample, its repeat, a broken payload under its readable order number', async () => {
    const since = new Date().toISOString();
    const good = tmallTrade();
    const broken = tmallTrade();
    broken.trade.orders.order = [];
    delete broken.trade.receiver_name;
    expect((await ask(IMPORT, { channel: 'tmall', payload: good })).errors).toBeUndefined();
    expect((await ask(IMPORT, { channel: 'Tmall', payload: good })).data!.importChannelOrder.created).toBe(false);
    expectOneError(await ask(IMPORT, { channel: 'tmall', payload: broken }), 'BAD_USER_INPUT');
    expectOneError(await ask(IMPORT, { channel: 'ebay', payload: { id: 1 } }), 'BAD_USER_INPUT');

    const [tmall] = await quality({ channel: 'tmall', since });
    // The sample's mobile has no +86 and its order time no offset: two repair rules.
    expect(tmall).toEqual(
      row(
        'tmall',
        { received: 3, accepted: 1, duplicates: 1, rejected: 1, repaired: 1 },
        { 'phone-e164': 1, 'timezone-applied': 1 },
        { 'trade.orders.order': 1, 'trade.receiver_name': 1 },
      ),
    );
    expect(await ordersWith('tmall', String(broken.trade.tid))).toHaveLength(0);
    const [rejection] = (await ask(REJECTIONS, { channel: 'tmall', first: 1 })).data!.recentRejections;
    expect(rejection).toMatchObject({ channel: 'tmall', externalId: broken.trade.tid });
    expect(new Date(rejection.receivedAt).getTime()).toBeGreaterThanOrEqual(new Date(since).getTime());
    const [ebay] = await quality({ channel: 'ebay', since });
    expect(ebay).toMatchObject({ received: 1, rejected: 1, problemsByField: [{ field: 'channel', count: 1 }] });
  });

  it('the quality figures equal a count over the intake log and the orders stored', async () => {
    const rows = await quality({});
    const log = await db.rows<{ channel: string; outcome: string; n: number }>(
      'SELECT channel, outcome, count(*)::int AS n FROM orders.intake_record GROUP BY channel, outcome',
    );
    const count = (channel: string, outcome: string) =>
      log.find((l) => l.channel === channel && l.outcome === outcome)?.n ?? 0;
    for (const row of rows) {
      expect(row).toMatchObject({
        accepted: count(row.channel, 'ACCEPTED'),
        duplicates: count(row.channel, 'DUPLICATE'),
        rejected: count(row.channel, 'REJECTED'),
      });
      expect(row.received).toBe(row.accepted + row.duplicates + row.rejected);
    }
    // Every accepted intake points at an order it created; the seed placed the others without intake.
    const [{ orphans }] = await db.rows<{ orphans: number }>(
      `SELECT count(*)::int AS orphans FROM orders.intake_record r
       WHERE r.outcome = 'ACCEPTED' AND NOT EXISTS (
         SELECT 1 FROM orders.sales_order o WHERE o.id = r.order_id AND o.external_id = r.external_id)`,
    );
    expect(orphans).toBe(0);
  });

  it('an order is stored with its intake record or not at all', async () => {
    const input = webInput();
    const records = (externalId: string) =>
      db.rows<{ outcome: string }>('SELECT outcome FROM orders.intake_record WHERE external_id = $1', [externalId]);
    // The log refuses this order's record, as a crash or a full disk would.
    await db.query(
      `ALTER TABLE orders.intake_record
       ADD CONSTRAINT e2e_refuse CHECK (external_id IS DISTINCT FROM '${input.externalId}')`,
    );
    try {
      expectOneError(await ask(PLACE_ORDER, { input }), 'INTERNAL');
      expect(await ordersWith('webstore', input.externalId)).toHaveLength(0);
      // A rejection stores nothing else, so losing its record does not change the answer.
      const rejected = { ...input, lines: [{ sku: 'SKU-0007', quantity: 0, unitPrice: '1.00' }] };
      expectOneError(await ask(PLACE_ORDER, { input: rejected }), 'BAD_USER_INPUT', /lines\[0\]\.quantity/);
    } finally {
      await db.query('ALTER TABLE orders.intake_record DROP CONSTRAINT e2e_refuse');
    }
    expect(await records(input.externalId)).toEqual([]);
    // The caller's retry places it, once, with its record.
    const retry = await ask(PLACE_ORDER, { input });
    expect(retry.data!.placeOrder.created).toBe(true);
    expect(await ordersWith('webstore', input.externalId)).toEqual([{ id: retry.data!.placeOrder.order!.id }]);
    expect(await records(input.externalId)).toEqual([{ outcome: 'ACCEPTED' }]);
  });

  it('recentRejections refuses a page size out of range', async () => {
    expectOneError(await ask(REJECTIONS, { first: 0 }), 'BAD_USER_INPUT');
    expectOneError(await ask(REJECTIONS, { first: 101 }), 'BAD_USER_INPUT');
  });
});
