import { serviceEvents } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { DEFAULT_DESK_SETTINGS } from '../../../config';
import { ordersSubgraph } from '../../../index';
import { escalateOverdue } from '../escalation.job';
import { clearWorkItem, openWorkItem } from '../open-work-item';
import { addOperator, alert, clearDesk, item, loads, raise } from './desk-support';

describeEachBackend('orders desk: opening, assigning and escalating work items', (backend) => {
  let database: MigratedDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'orders_desk_assign', ordersSubgraph);
    ({ db } = database);
  });
  afterAll(() => database?.close());
  beforeEach(() => clearDesk(db));

  const changes = async (type = 'work-item.changed') =>
    ((await db.query('SELECT payload FROM outbox WHERE type = $1 ORDER BY seq', [type])) as { payload: any }[]).map(
      (r) => r.payload,
    );

  it('gives an item to an operator with its skill and the least load, never past capacity', async () => {
    await addOperator(db, 'ana', ['logistics'], 2);
    await addOperator(db, 'ben', ['logistics'], 1);
    await addOperator(db, 'cai', ['risk'], 5);
    const assigned: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) assigned.push((await raise(db, alert('LOGISTICS_EXCEPTION')))!.assignee);
    // ana (tie, by sub), ben (ana holds one), ana (ben is full), nobody (both full); cai lacks the skill.
    expect(assigned).toEqual(['ana', 'ben', 'ana', null]);
    expect(await loads(db)).toEqual({ '-': 1, ana: 2, ben: 1 });
    const risk = await raise(db, alert('RISK_HOLD', { subject: { type: 'Order', id: 'x' } }));
    expect(risk).toMatchObject({ assignee: 'cai', status: 'ASSIGNED', skill: 'risk', priority: 2 });
    expect(risk!.checklist.length).toBeGreaterThan(0);
    // Due after the kind's SLA (60 min for a risk hold).
    expect(new Date(risk!.due_at).getTime() - new Date(risk!.created_at).getTime()).toBe(60 * 60_000);
  });

  it('assigns by the strategy the subgraph was composed with', async () => {
    await addOperator(db, 'ana', ['logistics'], 5);
    await addOperator(db, 'ben', ['logistics'], 5);
    const busiest = {
      choose: (_: unknown, c: readonly { sub: string }[]) =>
        c
          .map((o) => o.sub)
          .sort()
          .at(-1) ?? null,
    };
    const opened = await serviceEvents('orders', db, () => undefined).transaction((tx) =>
      openWorkItem(tx, alert('LOGISTICS_EXCEPTION'), DEFAULT_DESK_SETTINGS, busiest),
    );
    expect(opened!.assignee).toBe('ben');
  });

  it('the waiting item goes to the operator whose item cleared', async () => {
    await addOperator(db, 'ana', ['logistics'], 1);
    const first = alert('LOGISTICS_EXCEPTION');
    const second = alert('LOGISTICS_EXCEPTION');
    await raise(db, first);
    expect((await raise(db, second))!.assignee).toBeNull();
    const cleared = await serviceEvents('orders', db, () => undefined).transaction((tx) =>
      clearWorkItem(tx, {
        alertKey: first.alertKey,
        source: 'logistics',
        at: new Date().toISOString(),
        reason: 'moved',
      }),
    );
    expect(cleared).toBe(true);
    expect(await item(db, first.alertKey)).toMatchObject({ status: 'RESOLVED', outcome: 'AUTO_CLEARED' });
    expect(await item(db, second.alertKey)).toMatchObject({ status: 'ASSIGNED', assignee: 'ana' });
    expect((await changes('work-item.resolved')).map((p) => p.outcome)).toEqual(['AUTO_CLEARED']);
  });

  it('opens one item per alert key: a redelivered alert changes nothing', async () => {
    await addOperator(db, 'ana', ['logistics'], 5);
    const a = alert('LOGISTICS_EXCEPTION');
    expect(await raise(db, a)).not.toBeNull();
    expect(await raise(db, a)).toBeNull();
    // Even two deliveries at once.
    const b = alert('LOGISTICS_EXCEPTION');
    const both = await Promise.all([raise(db, b), raise(db, b)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await loads(db)).toEqual({ ana: 2 });
    expect((await changes()).map((p) => p.change)).toEqual(['OPENED', 'ASSIGNED', 'OPENED', 'ASSIGNED']);
  });

  it('alerts arriving at once fill the operators exactly to capacity', async () => {
    await addOperator(db, 'ana', ['logistics'], 2);
    await addOperator(db, 'ben', ['logistics'], 3);
    const opened = await Promise.all(Array.from({ length: 12 }, () => raise(db, alert('LOGISTICS_EXCEPTION'))));
    expect(opened.every(Boolean)).toBe(true);
    expect(await loads(db)).toEqual({ '-': 7, ana: 2, ben: 3 });
  });

  it('escalates an overdue item once, raising its priority and handing it to an escalation operator', async () => {
    await addOperator(db, 'ana', ['logistics'], 5);
    await addOperator(db, 'lead', ['escalation'], 5);
    const a = alert('LOGISTICS_EXCEPTION');
    await raise(db, a);
    const notYet = alert('LOGISTICS_EXCEPTION');
    await raise(db, notYet);
    await db.query("UPDATE work_item SET due_at = now() - interval '1 minute' WHERE alert_key = $1", [a.alertKey]);
    const events = () => serviceEvents('orders', db, () => undefined);
    // Two replicas at once: the item is escalated by one of them.
    const counts = await Promise.all([
      escalateOverdue(events(), DEFAULT_DESK_SETTINGS),
      escalateOverdue(events(), DEFAULT_DESK_SETTINGS),
    ]);
    expect(counts.reduce((x, y) => x + y)).toBe(1);
    const escalated = await item(db, a.alertKey);
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalation_level: 1, priority: 1, assignee: 'lead' });
    expect(new Date(escalated.due_at).getTime()).toBeGreaterThan(Date.now() + 200 * 60_000);
    expect(await item(db, notYet.alertKey)).toMatchObject({ status: 'ASSIGNED', escalation_level: 0 });
    expect(await escalateOverdue(events(), DEFAULT_DESK_SETTINGS)).toBe(0);
    expect((await changes()).filter((p) => p.change === 'ESCALATED')).toHaveLength(1);
  });
});
