import { randomUUID } from 'node:crypto';
import { serviceEvents } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { DEFAULT_DESK_SETTINGS, DEFAULT_RISK_SETTINGS } from '../../../config';
import { ordersSubgraph } from '../../../index';
import { ask, contextFor, data, insertOrder, principal } from '../../order/__tests__/scope-support';
import { assessOrderRisk } from '../../risk/assess-order-risk';
import { defaultRiskRules } from '../../risk/risk-engine';
import { loadRiskAdjustments } from '../../risk/risk-feedback';
import { addOperator, alert, clearDesk, raise } from './desk-support';

const staff = principal('ops-lead', null);
const tmallDesk = principal('tmall-desk', ['tmall'], ['desk:read', 'desk:write']);
const noDesk = principal('reader', null, ['orders:read']);

const RESOLVE = `mutation($id: ID!, $outcome: String!, $cause: String) {
  resolveWorkItem(id: $id, outcome: $outcome, cause: $cause) { id status outcome cause resolvedBy order { id status } }
}`;
const LIST = '{ workItems { totalCount edges { node { id kind channel } } } }';

describeEachBackend('orders desk: resolving work items through the API', (backend) => {
  let database: MigratedDatabase;
  let db: DataSource;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_desk_resolve', ordersSubgraph);
    ({ db } = database);
    schema = await ordersSubgraph.buildSchema();
  });
  afterAll(() => database?.close());
  beforeEach(() => clearDesk(db));

  const as = (who = staff) => contextFor(db, who);

  it('checks the outcome and cause against the kind, resolves once, and tells who and why', async () => {
    await addOperator(db, 'ana', ['logistics'], 5);
    const opened = (await raise(db, alert('LOGISTICS_EXCEPTION')))!;
    const wrong = await ask(schema, as(), RESOLVE, { id: opened.id, outcome: 'LEGITIMATE', cause: null });
    expect(wrong.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors[0].extensions.problems).toEqual([
      {
        field: 'outcome',
        message: 'must be one of DELIVERED, RESHIPPED, LOST, RETURNED_TO_SENDER for LOGISTICS_EXCEPTION',
      },
      { field: 'cause', message: expect.stringContaining('CARRIER_DELAY') },
    ]);
    const done = await data(schema, as(), RESOLVE, { id: opened.id, outcome: 'DELIVERED', cause: 'CARRIER_DELAY' });
    expect(done.resolveWorkItem).toMatchObject({ status: 'RESOLVED', outcome: 'DELIVERED', cause: 'CARRIER_DELAY' });
    expect(done.resolveWorkItem.resolvedBy).toBe('ops-lead');
    const again = await ask(schema, as(), RESOLVE, { id: opened.id, outcome: 'LOST', cause: 'CARRIER_LOST' });
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
    const [resolved] = (await db.query("SELECT payload FROM outbox WHERE type = 'work-item.resolved'")) as {
      payload: any;
    }[];
    expect(resolved.payload).toMatchObject({ outcome: 'DELIVERED', cause: 'CARRIER_DELAY', carrier: 'sf' });
  });

  it("a channel-scoped caller sees and resolves only its channels' items; no desk scope: FORBIDDEN", async () => {
    const mine = (await raise(db, alert('LOGISTICS_EXCEPTION', { channel: 'tmall' })))!;
    const theirs = (await raise(db, alert('LOGISTICS_EXCEPTION', { channel: 'jd' })))!;
    await raise(db, alert('LOW_STOCK', { channel: null, source: 'inventory' }));
    const seen = (await data(schema, as(tmallDesk), LIST)).workItems;
    expect(seen.totalCount).toBe(1);
    expect(seen.edges.map((e: any) => e.node.id)).toEqual([mine.id]);
    expect((await data(schema, as(), LIST)).workItems.totalCount).toBe(3);
    const refused = await ask(schema, as(tmallDesk), RESOLVE, {
      id: theirs.id,
      outcome: 'LOST',
      cause: 'CARRIER_LOST',
    });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(((await db.query('SELECT status FROM work_item WHERE id = $1', [theirs.id])) as any[])[0].status).toBe(
      'OPEN',
    );
    const denied = await ask(schema, as(noDesk), LIST);
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await ask(schema, as(tmallDesk), '{ operators { sub } }')).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a risk hold found legitimate releases the order, trusts the customer and lowers the next similar score', async () => {
    await addOperator(db, 'rita', ['risk'], 5);
    const customerId = randomUUID();
    const order = {
      id: randomUUID(),
      channel: 'tmall',
      customerId,
      externalId: `t-${randomUUID()}`,
      status: 'ON_HOLD',
    };
    await insertOrder(db, order);
    const hold = (await raise(
      db,
      alert('RISK_HOLD', {
        source: 'orders',
        subject: { type: 'Order', id: order.id },
        orderId: order.id,
        detail: { riskFlags: ['HIGH_VALUE_NEW_CUSTOMER'], riskScore: 0.85, customerId },
      }),
    ))!;
    expect(hold.assignee).toBe('rita');
    const score = (customer: string) =>
      serviceEvents('orders', db, () => undefined).transaction(async (tx) => {
        const verdict = await assessOrderRisk(
          tx.manager,
          {
            customerId: customer,
            placedAt: new Date(),
            total: '6000.00',
            currency: 'CNY',
            shipPhone: null,
            shipCountry: 'CN',
            shipLine1: null,
            shipCity: null,
            shipPostalCode: null,
          },
          DEFAULT_RISK_SETTINGS,
          defaultRiskRules(DEFAULT_RISK_SETTINGS),
          DEFAULT_DESK_SETTINGS.riskFeedback,
        );
        return verdict.score;
      });
    const stranger = randomUUID();
    expect(await score(stranger)).toBe(0.85);
    const done = await data(schema, as(), RESOLVE, { id: hold.id, outcome: 'LEGITIMATE', cause: null });
    expect(done.resolveWorkItem).toMatchObject({ status: 'RESOLVED', order: { id: order.id, status: 'PENDING' } });
    expect(await db.query("SELECT count(*)::int AS n FROM outbox WHERE type = 'order.released'")).toEqual([{ n: 1 }]);
    // Any new customer's high-value order: the rule's weight fell (0.85 x 16/21 / 0.8).
    const lowered = await score(stranger);
    expect(lowered).toBeCloseTo(0.85 * (16 / 21 / 0.8), 4);
    // The customer is trusted for the rule that held them: their later orders score it at half of that again.
    const factors = (who: string) =>
      loadRiskAdjustments(db, who, DEFAULT_DESK_SETTINGS.riskFeedback).then((a) => a.ruleFactors);
    expect((await factors(customerId)).HIGH_VALUE_NEW_CUSTOMER).toBeCloseTo((16 / 21 / 0.8) * 0.5, 10);
    expect((await factors(stranger)).HIGH_VALUE_NEW_CUSTOMER).toBeCloseTo(16 / 21 / 0.8, 10);
    const precision = await data(
      schema,
      as(),
      '{ riskRulePrecision(from: "2020-01-01T00:00:00Z") { ruleCode held legitimate fraudulent precision } }',
    );
    expect(precision.riskRulePrecision).toEqual([
      { ruleCode: 'HIGH_VALUE_NEW_CUSTOMER', held: 1, legitimate: 1, fraudulent: 0, precision: 0 },
    ]);
  });

  it('a risk hold found fraudulent cancels the order', async () => {
    const order = {
      id: randomUUID(),
      channel: 'jd',
      customerId: randomUUID(),
      externalId: `j-${randomUUID()}`,
      status: 'ON_HOLD',
    };
    await insertOrder(db, order);
    const hold = (await raise(
      db,
      alert('RISK_HOLD', {
        source: 'orders',
        subject: { type: 'Order', id: order.id },
        orderId: order.id,
        channel: 'jd',
        detail: { riskFlags: ['VELOCITY'] },
      }),
    ))!;
    const done = await data(schema, as(), RESOLVE, { id: hold.id, outcome: 'FRAUD', cause: null });
    expect(done.resolveWorkItem.order.status).toBe('CANCELLED');
    expect(await db.query('SELECT rule_code, outcome, count FROM risk_feedback')).toEqual([
      { rule_code: 'VELOCITY', outcome: 'FRAUD', count: 1 },
    ]);
  });
});
