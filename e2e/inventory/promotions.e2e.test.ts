import { randomUUID } from 'node:crypto';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { mintToken } from '../support/auth';
import { PLACE_ORDER } from '../support/documents';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { inventoryDriver } from './inventory-support';

const PLAN = graphql(`
  mutation PromotionPlan($input: PlanPromotionInput!) {
    planPromotion(input: $input) { id name channels skus startsOn endsOn uplift status plannedBy }
  }
`);
const CANCEL = graphql(`mutation PromotionCancel($id: ID!) { cancelPromotion(id: $id) { id status } }`);
const LIST = graphql(`
  query PromotionList($sku: ID, $status: PromotionStatus) {
    promotions(sku: $sku, status: $status) {
      id name status uplift measuredUplift measuredDays actualUnits baselineUnits
    }
  }
`);
const OF_PRODUCT = graphql(`
  query PromotionsOfProduct($sku: ID!) {
    product(sku: $sku) { sku promotions { id name uplift measuredUplift } }
  }
`);
const AUDIT = graphql(`
  query PromotionAudit($filter: AuditFilter) {
    auditEvents(first: 10, filter: $filter) { edges { node { action target channel outcome } } }
  }
`);

const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const dayOf = (offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);

describePlatformSuite('promotions through the gateway', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });

  /** Places an order of `quantity` units of the SKU on the channel, at noon (UTC) `offset` days back, or now. */
  const placeOn = async (channel: string, sku: string, quantity: number, offset: number) => {
    const placedAt = offset === 0 ? new Date() : new Date(today + offset * DAY + 12 * 3_600_000);
    const result = await ask(PLACE_ORDER, {
      input: {
        channel,
        externalId: `PROMO-E2E-${randomUUID()}`,
        buyer: { name: 'Lin Yue', email: `lin.${randomUUID().slice(0, 8)}@example.com` },
        currency: 'CNY',
        lines: [{ sku, quantity, unitPrice: '1.00' }],
        shippingAddress: { country: 'CN', province: 'Shanghai', city: 'Shanghai', line1: `Room ${randomUUID()}` },
        placedAt: placedAt.toISOString(),
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.placeOrder.order!.id;
  };

  it("the demo's promotions are there: past ones measured, one to come", async () => {
    const answer = await ask(LIST, {});
    expect(answer.errors).toBeUndefined();
    const byName = new Map(answer.data!.promotions.map((p) => [p.name, p]));
    expect(byName.get("Singles' Day")).toMatchObject({ status: 'PAST', uplift: 6, measuredDays: 1 });
    expect(byName.get('Year-end sale')).toMatchObject({ status: 'UPCOMING', measuredUplift: null });
  });

  it('a planned promotion reads back with the uplift its orders brought, against the same weekdays before', async () => {
    // A SKU nobody ordered yet: its demand is only what this test places.
    const { sku } = await drive.freshSku(40, 'NOT EXISTS (SELECT 1 FROM inventory.demand_daily d WHERE d.sku = s.sku)');
    const planned = await ask(PLAN, {
      input: {
        name: 'E2E flash sale',
        channels: ['WebStore'],
        skus: [sku],
        startsOn: dayOf(-1),
        endsOn: dayOf(1),
        uplift: 3,
      },
    });
    expect(planned.errors).toBeUndefined();
    const promotion = planned.data!.planPromotion;
    expect(promotion).toMatchObject({ channels: ['webstore'], skus: [sku], uplift: 3, status: 'ACTIVE' });

    // Usually 2 units on yesterday's weekday; yesterday 6 through the web store (and 10 through Tmall, and 5 today,
    // which do not count).
    const orders = [
      ...[-8, -15, -22, -29].map((offset) => placeOn('webstore', sku, 2, offset)),
      placeOn('webstore', sku, 4, -1),
      placeOn('webstore', sku, 2, -1),
      placeOn('tmall', sku, 10, -1),
      placeOn('webstore', sku, 5, 0),
    ];
    await drive.settled(await Promise.all(orders));

    const measured = await eventually(async () => {
      const answer = await ask(LIST, { sku });
      const mine = answer.data?.promotions.find((p) => p.id === promotion.id);
      return mine?.actualUnits === 6 && mine.baselineUnits === 2 ? mine : undefined;
    }, 'the promotion measured from its orders');
    expect(measured).toEqual({
      id: promotion.id,
      name: 'E2E flash sale',
      status: 'ACTIVE',
      uplift: 3,
      measuredUplift: 3,
      measuredDays: 1,
      actualUnits: 6,
      baselineUnits: 2,
    });
    const product = await ask(OF_PRODUCT, { sku });
    expect(product.data!.product!.promotions).toContainEqual({
      id: promotion.id,
      name: 'E2E flash sale',
      uplift: 3,
      measuredUplift: 3,
    });

    // Planning and cancelling are audited, naming the promotion and its channel.
    expect((await ask(CANCEL, { id: promotion.id })).data!.cancelPromotion.status).toBe('CANCELLED');
    const entries = await eventually(async () => {
      const answer = await ask(AUDIT, { filter: { target: `Promotion:${promotion.id}` } });
      const found = answer.data?.auditEvents.edges.map((e) => e.node) ?? [];
      return found.length >= 2 ? found : undefined;
    }, 'the audit entries of the promotion');
    expect(entries).toEqual([
      { action: 'cancelPromotion', target: `Promotion:${promotion.id}`, channel: 'webstore', outcome: 'ok' },
      { action: 'planPromotion', target: `Promotion:${promotion.id}`, channel: 'webstore', outcome: 'ok' },
    ]);
  });

  it('a channel-scoped caller plans on its own channels only, and bad plans name every problem', async () => {
    const partner = {
      authorization: `Bearer ${await mintToken(platform.gateway, {
        sub: 'tmall-planner',
        scopes: ['inventory:read', 'inventory:write'],
        channels: ['tmall'],
      })}`,
    };
    const input = { name: 'Tmall week', startsOn: dayOf(5), endsOn: dayOf(11), uplift: 1.5 };
    expectOneError(await ask(PLAN, { input: { ...input, channels: ['jd'] } }, partner), 'FORBIDDEN');
    expectOneError(await ask(PLAN, { input }, partner), 'FORBIDDEN');
    const mine = await ask(PLAN, { input: { ...input, channels: ['tmall'] } }, partner);
    expect(mine.data!.planPromotion).toMatchObject({ channels: ['tmall'], plannedBy: 'tmall-planner' });
    const seen = await ask(LIST, { status: 'UPCOMING' }, partner);
    expect(seen.data!.promotions.map((p) => p.name)).toEqual(['Tmall week']);

    const bad = expectOneError(
      await ask(PLAN, {
        input: {
          name: 'Broken',
          channels: ['nowhere'],
          skus: ['NO-SUCH-SKU'],
          startsOn: dayOf(3),
          endsOn: dayOf(2),
          uplift: 0.5,
        },
      }),
      'BAD_USER_INPUT',
    );
    expect((bad.extensions!.problems as { field: string }[]).map((p) => p.field).sort()).toEqual([
      'channels',
      'endsOn',
      'skus',
      'uplift',
    ]);
  });
});
