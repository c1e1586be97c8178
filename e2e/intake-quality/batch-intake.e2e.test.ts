import { channelFixture } from '@supply-graph/shared/testing';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';

const BATCH = graphql(`
  mutation BatchImport($channel: String!, $payloads: [JSON!]!) {
    importChannelOrders(channel: $channel, payloads: $payloads) {
      index created order { id externalId } errors { field message }
    }
  }
`);
const IMPORT = graphql(`
  mutation BatchImportOne($channel: String!, $payload: JSON!) {
    importChannelOrder(channel: $channel, payload: $payload) { order { id } }
  }
`);

let serial = 0;
/** The Tmall sample under a new order number. */
function tmallTrade(): {
  trade: Record<string, unknown> & { tid: string; orders: { order: Record<string, unknown>[] } };
} {
  const payload = JSON.parse(channelFixture('tmall-trade.json'));
  payload.trade.tid = `${Date.now()}${(serial += 1)}`;
  return payload;
}

describePlatformSuite('importChannelOrders: one result per payload, in input order', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const batch = (channel: string, payloads: unknown[]) => ask(BATCH, { channel, payloads });
  const storedTids = async (tids: string[]) =>
    (
      await db.rows<{ external_id: string }>(
        `SELECT external_id FROM orders.sales_order
         WHERE channel_code = 'tmall' AND external_id = ANY($1) ORDER BY external_id`,
        [tids],
      )
    ).map((r) => r.external_id);

  it('valid, repeated and invalid payloads each get their own result; nothing of an invalid one stored', async () => {
    const earlier = tmallTrade();
    const earlierId = (await ask(IMPORT, { channel: 'tmall', payload: earlier })).data!.importChannelOrder.order!.id;
    const fresh = Array.from({ length: 12 }, tmallTrade);
    const zeroQuantity = tmallTrade();
    zeroQuantity.trade.orders.order[1].num = 0;
    const unknownSku = tmallTrade();
    unknownSku.trade.orders.order[0].outer_sku_id = 'SKU-NOPE-9';
    const twin = tmallTrade();
    const payloads = [
      fresh[0],
      earlier,
      zeroQuantity,
      'not an object',
      ...fresh.slice(1, 6),
      twin,
      unknownSku,
      twin,
      ...fresh.slice(6),
    ];

    const response = await batch('tmall', payloads);
    expect(response.errors).toBeUndefined();
    const items = response.data!.importChannelOrders;
    expect(items.map((i) => i.index)).toEqual(payloads.map((_, i) => i));
    // Accepted payloads come back in input order, each with its own order.
    for (const [i, payload] of payloads.entries()) {
      if (payload === zeroQuantity || payload === unknownSku || typeof payload === 'string' || payload === twin)
        continue;
      expect(items[i].order?.externalId).toBe((payload as { trade: { tid: string } }).trade.tid);
      expect(items[i].errors).toEqual([]);
      expect(items[i].created).toBe(payload !== earlier);
    }
    expect(items[1].order!.id).toBe(earlierId);
    expect(items[2]).toEqual({
      index: 2,
      created: false,
      order: null,
      errors: [{ field: 'trade.orders.order[1].num', message: 'number 0 is not a positive whole number' }],
    });
    expect(items[3]).toMatchObject({ created: false, order: null, errors: [{ field: 'payload' }] });
    expect(items[10]).toEqual({
      index: 10,
      created: false,
      order: null,
      errors: [{ field: 'lines[0].sku', message: 'unknown SKU "SKU-NOPE-9"' }],
    });
    // The same order twice in one batch races inside it: one creates, the other finds it.
    const twins = [items[9], items[11]];
    expect(twins.map((t) => t.created).sort()).toEqual([false, true]);
    expect(twins[0].order!.id).toBe(twins[1].order!.id);

    expect(await storedTids([zeroQuantity.trade.tid, unknownSku.trade.tid])).toEqual([]);
    expect(await storedTids([...fresh, twin].map((p) => p.trade.tid))).toEqual(
      [...fresh, twin].map((p) => p.trade.tid).sort(),
    );
    const [{ n }] = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM orders.order_line WHERE order_id = $1',
      [twins[0].order!.id],
    );
    expect(n).toBe(2);
  });

  it('an unknown channel rejects every item, each with its own result', async () => {
    const response = await batch('ebay', [{ id: 1 }, { id: 2 }]);
    expect(response.errors).toBeUndefined();
    expect(response.data!.importChannelOrders).toEqual(
      [0, 1].map((index) => ({
        index,
        created: false,
        order: null,
        errors: [{ field: 'channel', message: 'unknown channel "ebay"' }],
      })),
    );
  });

  it('more than 500 payloads is BAD_USER_INPUT for the call, and nothing is recorded or stored', async () => {
    const counts = async () =>
      (
        await db.rows<{ log: number; orders: number }>(
          `SELECT (SELECT count(*)::int FROM orders.intake_record) AS log,
                  (SELECT count(*)::int FROM orders.sales_order) AS orders`,
        )
      )[0];
    const before = await counts();
    const error = expectOneError(
      await batch('tmall', Array.from({ length: 501 }, tmallTrade)),
      'BAD_USER_INPUT',
      /at most 500/,
    );
    expect(error.extensions?.problems).toEqual([{ field: 'payloads', message: 'at most 500 entries, got 501' }]);
    expect(await counts()).toEqual(before);
  });
});
