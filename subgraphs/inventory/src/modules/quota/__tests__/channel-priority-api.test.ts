import type { GraphQLSchema } from 'graphql';
import { ask, describeEachBackend, principal } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../index';
import { startInventoryDb, type InventoryFixture } from './inventory-fixture';
import { inventoryContext } from './priority-support';

const staff = principal('staff-1', null);
const partner = principal('tmall-connector', ['tmall', 'jd'], ['inventory:read', 'inventory:write']);
const reader = principal('planner', null, ['inventory:read']);
const outsider = principal('orders-only', null, ['orders:read']);

const LIST = 'query($channel: String) { channelPriorities(channel: $channel) { channel priority isDefault } }';
const SET = `mutation($channel: String!, $priority: Int!) {
  setChannelPriority(channel: $channel, priority: $priority) { channel priority isDefault updatedAt } }`;
const REMOVE = 'mutation($channel: String!) { removeChannelPriority(channel: $channel) }';

describeEachBackend('channel priorities in the graph', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
  });
  afterAll(() => fx?.close());

  const run = (who: typeof staff, source: string, variables?: Record<string, unknown>) =>
    ask(schema, inventoryContext(fx, who), source, variables);
  const codes = (answer: Awaited<ReturnType<typeof run>>) => answer.errors.map((e) => e.extensions.code);

  it('sets priorities (channel codes normalised) and lists them highest first; one channel shows its default', async () => {
    const set = await run(staff, SET, { channel: ' Tmall ', priority: 50 });
    expect(set.errors).toEqual([]);
    expect(set.data!.setChannelPriority).toMatchObject({ channel: 'tmall', priority: 50, isDefault: false });
    expect(set.data!.setChannelPriority.updatedAt).toEqual(expect.any(String));
    await run(staff, SET, { channel: 'douyin', priority: -20 });
    await run(staff, SET, { channel: 'amazon', priority: 50 });
    expect((await run(reader, LIST)).data!.channelPriorities).toEqual([
      { channel: 'amazon', priority: 50, isDefault: false },
      { channel: 'tmall', priority: 50, isDefault: false },
      { channel: 'douyin', priority: -20, isDefault: false },
    ]);
    expect((await run(reader, LIST, { channel: 'webstore' })).data!.channelPriorities).toEqual([
      { channel: 'webstore', priority: 0, isDefault: true },
    ]);
    expect((await run(staff, SET, { channel: 'tmall', priority: 7 })).data!.setChannelPriority.priority).toBe(7);
  });

  it('a channel-scoped caller sees only its channels (defaults included) and may not rank channels', async () => {
    expect((await run(partner, LIST)).data!.channelPriorities).toEqual([
      { channel: 'tmall', priority: 7, isDefault: false },
      { channel: 'jd', priority: 0, isDefault: true },
    ]);
    expect((await run(partner, LIST, { channel: 'douyin' })).data!.channelPriorities).toEqual([]);
    expect(codes(await run(partner, SET, { channel: 'tmall', priority: 1000 }))).toEqual(['FORBIDDEN']);
    expect(codes(await run(partner, REMOVE, { channel: 'tmall' }))).toEqual(['FORBIDDEN']);
    expect((await run(staff, LIST, { channel: 'tmall' })).data!.channelPriorities[0].priority).toBe(7);
  });

  it('refuses a malformed channel or a priority out of range with BAD_USER_INPUT, naming each problem', async () => {
    const bad = await run(staff, SET, { channel: 'web store', priority: 1001 });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors[0].extensions.problems).toEqual([
      { field: 'channel', message: '"web store" is not a channel code (letters, digits, ".", "_", "-")' },
      { field: 'priority', message: 'must be a whole number from -1000 to 1000 (got 1001)' },
    ]);
    expect(codes(await run(staff, SET, { channel: 'jd', priority: -1001 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(staff, REMOVE, { channel: '' }))).toEqual(['BAD_USER_INPUT']);
    const [{ n }] = (await fx.db.query("SELECT count(*)::int AS n FROM channel_priority WHERE channel = 'jd'")) as {
      n: number;
    }[];
    expect(n).toBe(0);
  });

  it('needs inventory:read to read and inventory:write to change; removing puts the default back', async () => {
    expect(codes(await run(outsider, LIST))).toEqual(['FORBIDDEN']);
    expect(codes(await run(reader, SET, { channel: 'jd', priority: 3 }))).toEqual(['FORBIDDEN']);
    expect((await run(staff, REMOVE, { channel: 'douyin' })).data!.removeChannelPriority).toBe(true);
    expect((await run(staff, REMOVE, { channel: 'douyin' })).data!.removeChannelPriority).toBe(false);
    expect((await run(reader, LIST, { channel: 'douyin' })).data!.channelPriorities).toEqual([
      { channel: 'douyin', priority: 0, isDefault: true },
    ]);
  });
});
