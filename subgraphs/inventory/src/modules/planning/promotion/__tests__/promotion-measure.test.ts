import type { GraphQLSchema } from 'graphql';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { inventorySubgraph } from '../../../../index';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { addDemand, addPromotion, asker, dayFromToday, staff } from './promotion-support';

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

const MEASURED = `query($status: PromotionStatus) { promotions(status: $status) {
  id uplift measuredUplift measuredDays actualUnits baselineUnits } }`;

describeEachBackend('measured uplift of a promotion', (backend) => {
  let fx: InventoryFixture;
  let schema: GraphQLSchema;
  const { run, statements } = asker(
    () => schema,
    () => fx.db,
  );
  const ids: Record<string, string> = {};
  const d = dayFromToday;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    schema = await inventorySubgraph.buildSchema();
    await fx.addProduct('M-1', { SHA: { onHand: 10 }, PEK: { onHand: 10 } });
    await fx.addProduct('M-2', { SHA: { onHand: 10 } });
    const { SHA, PEK } = fx.warehouses;
    // Usual tmall demand of M-1 over the two months before: 2 units a day, 4 on yesterday's weekday, split over
    // the two warehouses on some days (the measure is over every warehouse).
    const rows: [string, string, string, string, number][] = [];
    for (let offset = -70; offset <= -3; offset += 1) {
      const day = d(offset);
      const units = weekday(day) === weekday(d(-1)) ? 4 : 2;
      if (offset % 3 === 0) rows.push(['M-1', SHA, 'tmall', day, units - 1], ['M-1', PEK, 'tmall', day, 1]);
      else rows.push(['M-1', SHA, 'tmall', day, units]);
    }
    // A spike 14 days before the window's first day, when another tmall promotion of M-1 ran: not usual.
    await addDemand(fx.db, [['M-1', SHA, 'tmall', d(-16), 50]]);
    // The window's finished days: 7 and 5 units through tmall; JD and another SKU do not count, nor does today.
    rows.push(['M-1', SHA, 'tmall', d(-2), 7], ['M-1', PEK, 'tmall', d(-1), 5], ['M-1', SHA, 'jd', d(-1), 100]);
    rows.push(['M-2', SHA, 'tmall', d(-1), 30], ['M-1', SHA, 'tmall', d(0), 40]);
    await addDemand(fx.db, rows);
    const promo = (channels: string[] | null, skus: string[] | null, from: number, to: number) =>
      addPromotion(fx.db, { channels, skus, startsOn: d(from), endsOn: d(to), uplift: 3 });
    ids.live = await promo(['tmall'], ['M-1'], -2, 1);
    ids.earlier = await promo(['tmall', 'douyin'], null, -16, -16);
    ids.upcoming = await promo(['tmall'], ['M-1'], 2, 3);
  });
  afterAll(() => fx?.close());

  const measured = async () => {
    const answer = await run(staff, MEASURED);
    expect(answer.errors).toEqual([]);
    return Object.fromEntries((answer.data!.promotions as { id: string }[]).map((p) => [p.id, p]));
  };

  it('compares the finished days of the window with the same weekdays before it', async () => {
    const found = await measured();
    // Baseline: 2 for the day before yesterday's weekday (the day-16 spike left out), 4 for yesterday's.
    expect(found[ids.live]).toEqual({
      id: ids.live,
      uplift: 3,
      measuredDays: 2,
      actualUnits: 12,
      baselineUnits: 6,
      measuredUplift: 2,
    });
    // In one statement for every promotion listed.
    expect(statements.filter((s) => s.includes('demand_daily'))).toHaveLength(1);
  });

  it('says nothing before the first day is over, and nothing is usual without history', async () => {
    const found = await measured();
    expect(found[ids.upcoming]).toMatchObject({ measuredDays: null, actualUnits: null, measuredUplift: null });
    // The earlier promotion covers the whole catalogue on tmall and douyin: its day holds M-1's spike on top of the
    // usual 2 units.
    expect(found[ids.earlier]).toMatchObject({
      measuredDays: 1,
      actualUnits: 52,
      baselineUnits: 2,
      measuredUplift: 26,
    });
    const fresh = await addPromotion(fx.db, {
      channels: ['douyin'],
      skus: ['M-2'],
      startsOn: d(-5),
      endsOn: d(-4),
      uplift: 2,
    });
    expect((await measured())[fresh]).toMatchObject({
      measuredDays: 2,
      actualUnits: 0,
      baselineUnits: 0,
      measuredUplift: null,
    });
  });
});
