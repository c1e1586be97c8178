import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import {
  createLogger,
  SCOPES,
  serviceEvents,
  staticPeers,
  type Principal,
  type StockReserved,
} from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { loadInventoryConfig } from '../../../config';
import { createContext } from '../../../context';
import { defaultInventoryStrategies, inventorySubgraph } from '../../../index';
import { reannounce } from '../../reservation/reannounce.service';
import { reserveForOrder } from '../../reservation/reservation.service';
import { placed, startInventoryDb, type InventoryFixture } from './inventory-fixture';

const caller = (sub: string, channels: string[] | null, scopes: readonly string[] = SCOPES): Principal => ({
  sub,
  scopes: new Set(scopes),
  channels,
  kind: 'client',
});
const partner = caller('tmall-connector', ['tmall'], ['inventory:read', 'inventory:write']);
const staff = caller('staff-1', null);

describeEachBackend('inventory: channel quotas are per channel for a channel-scoped caller', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    await fx.addProduct('CQ-1', { SHA: { onHand: 100 } });
    await fx.addProduct('CQ-2', { SHA: { onHand: 50 } });
    await fx.db.query(
      `INSERT INTO channel_quota (channel, sku, max_units, max_share) VALUES
       ('tmall', 'CQ-1', 10, NULL), ('jd', 'CQ-1', 20, NULL), ('jd', 'CQ-2', NULL, 0.5), ('tmall', 'CQ-2', 5, NULL)`,
    );
  });
  afterAll(() => fx?.close());

  const ask = async (who: Principal, source: string, variableValues?: Record<string, unknown>) => {
    const contextValue = createContext(
      {
        requestId: randomUUID(),
        log: createLogger('inventory-test', 'silent'),
        db: fx.db,
        events: serviceEvents('inventory', fx.db, () => undefined),
        peers: staticPeers({}),
        config: loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-quota-scope-test-secret-0123456789' }),
        principal: who,
      },
      defaultInventoryStrategies(),
    );
    const result = await graphql({ schema, source, contextValue, variableValues });
    return {
      data: result.data as Record<string, any> | null | undefined,
      codes: (result.errors ?? []).map((e) => e.extensions.code ?? e.message),
    };
  };
  const quotas = async (channel: string, sku: string) =>
    (await fx.db.query('SELECT max_units AS "maxUnits" FROM channel_quota WHERE channel = $1 AND sku = $2', [
      channel,
      sku,
    ])) as { maxUnits: number | null }[];

  const LIST = 'query($sku: ID) { channelQuotas(sku: $sku) { channel sku limit } }';

  it("lists only its channels' quotas, with or without a SKU; staff sees them all", async () => {
    expect((await ask(partner, LIST)).data!.channelQuotas).toEqual([
      { channel: 'tmall', sku: 'CQ-1', limit: 10 },
      { channel: 'tmall', sku: 'CQ-2', limit: 5 },
    ]);
    expect((await ask(partner, LIST, { sku: 'CQ-1' })).data!.channelQuotas).toEqual([
      { channel: 'tmall', sku: 'CQ-1', limit: 10 },
    ]);
    expect(
      (await ask(staff, LIST)).data!.channelQuotas.map(
        (q: { channel: string; sku: string }) => `${q.channel}/${q.sku}`,
      ),
    ).toEqual(['jd/CQ-1', 'tmall/CQ-1', 'jd/CQ-2', 'tmall/CQ-2']);
  });

  it("is refused setting or lifting another channel's quota, and nothing changes", async () => {
    const set =
      'mutation($c: String!, $sku: ID!, $n: Int) { setChannelQuota(channel: $c, sku: $sku, maxUnits: $n) { channel ' +
      'limit } }';
    const remove = 'mutation($c: String!, $sku: ID!) { removeChannelQuota(channel: $c, sku: $sku) }';

    expect((await ask(partner, set, { c: 'jd', sku: 'CQ-1', n: 1 })).codes).toEqual(['FORBIDDEN']);
    expect((await ask(partner, set, { c: ' JD ', sku: 'CQ-1', n: 1 })).codes).toEqual(['FORBIDDEN']);
    expect((await ask(partner, set, { c: 'douyin', sku: 'CQ-1', n: 1 })).codes).toEqual(['FORBIDDEN']);
    expect(await quotas('jd', 'CQ-1')).toEqual([{ maxUnits: 20 }]);
    expect(await quotas('douyin', 'CQ-1')).toEqual([]);
    expect((await ask(partner, remove, { c: 'jd', sku: 'CQ-2' })).codes).toEqual(['FORBIDDEN']);
    expect(await quotas('jd', 'CQ-2')).toHaveLength(1);
    // A malformed channel is still a bad input, whoever asks.
    expect((await ask(partner, set, { c: 'no spaces', sku: 'CQ-1', n: 1 })).codes).toEqual(['BAD_USER_INPUT']);

    expect((await ask(partner, set, { c: ' Tmall ', sku: 'CQ-1', n: 7 })).data!.setChannelQuota).toEqual({
      channel: 'tmall',
      limit: 7,
    });
    expect((await ask(partner, remove, { c: 'tmall', sku: 'CQ-2' })).data!.removeChannelQuota).toBe(true);
    expect(await quotas('tmall', 'CQ-2')).toEqual([]);
    expect((await ask(staff, set, { c: 'jd', sku: 'CQ-1', n: 3 })).data!.setChannelQuota).toEqual({
      channel: 'jd',
      limit: 3,
    });
  });

  it("names the order's channel in stock.reserved, when reserving and when announcing again", async () => {
    await fx.addProduct('CQ-3', { SHA: { onHand: 10 } });
    const order = placed([{ sku: 'CQ-3', quantity: 1 }], 'tmall');
    expect(await fx.inTx((tx) => reserveForOrder(tx, order, defaultInventoryStrategies()))).toBe('reserved');
    expect(await fx.inTx((tx) => reannounce(tx, order))).toBe(true);
    const payloads = (await fx.db.query(
      "SELECT payload FROM outbox WHERE type = 'stock.reserved' AND aggregate_id = $1 ORDER BY seq",
      [order.orderId],
    )) as {
      payload: StockReserved;
    }[];
    expect(payloads.map((p) => p.payload.channel)).toEqual(['tmall', 'tmall']);
  });
});
