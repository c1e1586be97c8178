import { randomUUID } from 'node:crypto';
import { serviceEvents, type AlertRaised } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { DEFAULT_DESK_SETTINGS } from '../../../config';
import { openWorkItem } from '../open-work-item';
import type { WorkItemRow } from '../work-item.row';

/** An alert as a source would raise it; a fresh key unless given. */
export function alert(kind: string, overrides: Partial<AlertRaised> = {}): AlertRaised {
  const id = randomUUID();
  return {
    alertKey: `test:${kind}:${id}`,
    source: 'logistics',
    kind,
    subject: { type: 'Shipment', id },
    orderId: null,
    channel: 'tmall',
    carrier: 'sf',
    summary: `Shipment ${id} is an exception`,
    raisedAt: new Date().toISOString(),
    detail: {},
    ...overrides,
  };
}

/** Opens an alert's item the way the desk consumer does, in its own transaction. */
export function raise(db: DataSource, a: AlertRaised, settings = DEFAULT_DESK_SETTINGS) {
  return serviceEvents('orders', db, () => undefined).transaction((tx) => openWorkItem(tx, a, settings));
}

export async function addOperator(db: DataSource, sub: string, skills: string[], capacity: number): Promise<void> {
  await db.query(
    `INSERT INTO desk_operator (sub, name, skills, capacity) VALUES ($1, $1, $2::text[], $3)
     ON CONFLICT (sub) DO UPDATE SET skills = EXCLUDED.skills, capacity = EXCLUDED.capacity, active = true`,
    [sub, skills, capacity],
  );
}

export async function item(db: DataSource, alertKey: string): Promise<WorkItemRow> {
  const rows = (await db.query('SELECT * FROM work_item WHERE alert_key = $1', [alertKey])) as WorkItemRow[];
  return rows[0];
}

/** Open items per assignee (null: waiting). */
export async function loads(db: DataSource): Promise<Record<string, number>> {
  const rows = (await db.query(
    `SELECT coalesce(assignee, '-') AS who, count(*)::int AS n FROM work_item WHERE status <> 'RESOLVED'
     GROUP BY 1 ORDER BY 1`,
  )) as { who: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.who, r.n]));
}

/** Starts each test from an empty desk. */
export async function clearDesk(db: DataSource): Promise<void> {
  await db.query('TRUNCATE work_item_event, work_item, desk_operator, risk_feedback, trusted_customer, outbox');
}
