import type { GraphQLSchema } from 'graphql';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { addDemand, addPromotion, asker, dayFromToday, reader, staff, tmallPartner } from './promotion-support';

const PLAN = `mutation($input: PlanPromotionInput!) { planPromotion(input: $input) {
  id name channels skus startsOn endsOn uplift status plannedBy cancelledAt cancelledBy } }`;
const CANCEL = 'mutation($id: ID!) { cancelPromotion(id: $id) { id status cancelledBy cancelledAt } }';
const LIST = `query($status: PromotionStatus, $sku: ID, $channel: String) {
  promotions(status: $status, sku: $sku, channel: $channel) { name status } }`;

describeEachBackend('promotions: plan, cancel, list', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  const { run } = asker(
    () => schema,
    () => fx.db,
  );
  const plan = (input: Record<string, unknown>, who = staff) =>
    run(who, PLAN, {
      input: { name: 'Sale', startsOn: dayFromToday(3), endsOn: dayFromToday(5), uplift: 2, ...input },
    });
  const names = async (vars: Record<string, unknown> = {}, who = staff) =>
    ((await run(who, LIST, vars)).data!.promotions as { name: string }[]).map((p) => p.name);

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    await fx.addProduct('PR-1', { SHA: { onHand: 10 } });
    await fx.addProduct('PR-2', { SHA: { onHand: 10 } });
    // Inventory knows a channel once an order has come through it.
    const day = dayFromToday(-1);
    await addDemand(fx.db, [
      ['PR-1', fx.warehouses.SHA, 'tmall', day, 1],
      ['PR-1', fx.warehouses.SHA, 'jd', day, 1],
      ['PR-1', fx.warehouses.SHA, 'douyin', day, 1],
    ]);
  });
  afterAll(() => fx?.close());

  it('plans a promotion, normalised, with who planned it', async () => {
    const answer = await plan({ name: '  Double 12 ', channels: ['TMALL', 'jd', 'tmall'], skus: ['PR-2', 'PR-1'] });
    expect(answer.codes).toEqual([]);
    expect(answer.data!.planPromotion).toEqual({
      id: expect.any(String),
      name: 'Double 12',
      channels: ['jd', 'tmall'],
      skus: ['PR-1', 'PR-2'],
      startsOn: dayFromToday(3),
      endsOn: dayFromToday(5),
      uplift: 2,
      status: 'UPCOMING',
      plannedBy: 'planner-1',
      cancelledAt: null,
      cancelledBy: null,
    });
    const all = await plan({ name: 'Sitewide', uplift: 1.5 });
    expect(all.data!.planPromotion).toMatchObject({ channels: null, skus: null, uplift: 1.5 });
  });

  it('refuses a bad plan with every problem, naming its fields, and stores nothing', async () => {
    const [{ before }] = await fx.db.query('SELECT count(*)::int AS before FROM promotion');
    const answer = await plan({
      name: ' ',
      channels: ['tmall', 'myspace'],
      skus: ['PR-1', 'NOPE-1'],
      startsOn: dayFromToday(5),
      endsOn: dayFromToday(4),
      uplift: 1,
    });
    expect(answer.codes).toEqual(['BAD_USER_INPUT']);
    const problems = answer.errors[0].extensions.problems as { field: string; message: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual(['channels', 'endsOn', 'name', 'skus', 'uplift']);
    expect(problems.find((p) => p.field === 'skus')!.message).toContain('NOPE-1');
    expect(problems.find((p) => p.field === 'channels')!.message).toContain('myspace');

    const more = await plan({ startsOn: '2026-02-30', endsOn: dayFromToday(200), uplift: 25, channels: [] });
    expect((more.errors[0].extensions.problems as { field: string }[]).map((p) => p.field).sort()).toEqual([
      'channels',
      'startsOn',
      'uplift',
    ]);
    const long = await plan({ startsOn: dayFromToday(1), endsOn: dayFromToday(100) });
    expect((long.errors[0].extensions.problems as { message: string }[])[0].message).toContain('at most 92 days');
    const [{ after }] = await fx.db.query('SELECT count(*)::int AS after FROM promotion');
    expect(after).toBe(before);
  });

  it('needs inventory:write to plan and cancel, inventory:read to list', async () => {
    expect((await plan({}, reader)).codes).toEqual(['FORBIDDEN']);
    const id = await addPromotion(fx.db, {
      channels: ['jd'],
      skus: null,
      startsOn: dayFromToday(1),
      endsOn: dayFromToday(1),
      uplift: 2,
    });
    expect((await run(reader, CANCEL, { id })).codes).toEqual(['FORBIDDEN']);
    expect((await run(reader, LIST)).codes).toEqual([]);
  });

  it('a channel-scoped caller plans, sees and cancels only promotions on its own channels', async () => {
    const mine = await plan({ name: 'Tmall only', channels: ['tmall'] }, tmallPartner);
    expect(mine.codes).toEqual([]);
    const [{ before }] = await fx.db.query('SELECT count(*)::int AS before FROM promotion');
    expect((await plan({ name: 'Tmall and JD', channels: ['tmall', 'jd'] }, tmallPartner)).codes).toEqual([
      'FORBIDDEN',
    ]);
    expect((await plan({ name: 'Everywhere' }, tmallPartner)).codes).toEqual(['FORBIDDEN']);
    const [{ after }] = await fx.db.query('SELECT count(*)::int AS after FROM promotion');
    expect(after).toBe(before);

    const theirs = (await plan({ name: 'JD only', channels: ['jd'] })).data!.planPromotion.id;
    expect(await names({}, tmallPartner)).toEqual(['Tmall only']);
    expect(await names({ channel: 'jd' }, tmallPartner)).toEqual([]);
    expect(await names({}, staff)).toEqual(expect.arrayContaining(['Tmall only', 'JD only', 'Double 12', 'Sitewide']));
    expect((await run(tmallPartner, CANCEL, { id: theirs })).codes).toEqual(['FORBIDDEN']);
    const cancelled = await run(tmallPartner, CANCEL, { id: mine.data!.planPromotion.id });
    expect(cancelled.data!.cancelPromotion).toMatchObject({ status: 'CANCELLED', cancelledBy: 'tmall-team' });
  });

  it('cancels once: a cancelled promotion keeps who cancelled it and is listed only as cancelled', async () => {
    const { id } = (await plan({ name: 'Called off', channels: ['douyin'] })).data!.planPromotion;
    const answer = await run(staff, CANCEL, { id });
    expect(answer.errors).toEqual([]);
    const first = answer.data!.cancelPromotion;
    expect(first).toMatchObject({ id, status: 'CANCELLED', cancelledBy: 'planner-1' });
    const again = await run(tmallPartner, CANCEL, { id });
    expect(again.codes).toEqual(['FORBIDDEN']);
    expect((await run(staff, CANCEL, { id })).data!.cancelPromotion).toEqual(first);
    expect(await names({ channel: 'douyin' })).not.toContain('Called off');
    expect(await names({ status: 'CANCELLED' })).toContain('Called off');
    const missing = await run(staff, CANCEL, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.codes).toEqual(['NOT_FOUND']);
    expect((await run(staff, CANCEL, { id: 'not-an-id' })).codes).toEqual(['NOT_FOUND']);
  });

  it('two cancellations at once: one cancels, both answer with the same cancellation', async () => {
    const { id } = (await plan({ name: 'Raced', channels: ['tmall'] })).data!.planPromotion;
    const [a, b] = await Promise.all([run(staff, CANCEL, { id }), run(tmallPartner, CANCEL, { id })]);
    expect([a.errors, b.errors]).toEqual([[], []]);
    expect(a.data!.cancelPromotion).toEqual(b.data!.cancelPromotion);
    const [row] = await fx.db.query('SELECT cancelled_by AS "by" FROM promotion WHERE id = $1', [id]);
    expect(a.data!.cancelPromotion.cancelledBy).toBe(row.by);
  });

  it('lists by status, SKU and channel, newest window first', async () => {
    const window = (startsOn: number, endsOn: number) => ({
      startsOn: dayFromToday(startsOn),
      endsOn: dayFromToday(endsOn),
    });
    await plan({ name: 'Last month', skus: ['PR-2'], channels: ['jd'], ...window(-30, -28) });
    await plan({ name: 'This week', skus: ['PR-2'], channels: ['tmall'], ...window(-1, 2) });
    expect(await names({ status: 'PAST' })).toEqual(['Last month']);
    expect(await names({ status: 'ACTIVE' })).toEqual(['This week']);
    expect(await names({ status: 'UPCOMING', sku: 'PR-2' })).toEqual(['Double 12', 'JD only', 'Sitewide', 'test']);
    expect(await names({ sku: 'PR-2', channel: 'tmall' })).toEqual(['Double 12', 'Sitewide', 'This week']);
  });

  it("gives each product its promotions in one statement, with what a promotion's SKUs did", async () => {
    const { run: counted, statements } = asker(
      () => schema,
      () => fx.db,
    );
    const answer = await counted(
      staff,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { sku
         promotions(status: ACTIVE) { name measuredDays } } } }`,
      { reps: ['PR-1', 'PR-2'].map((sku) => ({ __typename: 'Product', sku })) },
    );
    expect(answer.codes).toEqual([]);
    expect(answer.data!._entities).toEqual([
      { sku: 'PR-1', promotions: [] },
      { sku: 'PR-2', promotions: [{ name: 'This week', measuredDays: 1 }] },
    ]);
    expect(statements.filter((s) => s.includes('FROM promotion') || s.includes('promotion p'))).toHaveLength(2);
  });
});
