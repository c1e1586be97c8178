import { TextLimits, clipForLog, insertRow, type Queryable } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { Problem, Repair } from '../intake/normalized-order';

/** How one intake ended. */
export type IntakeOutcome = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';

/** What the intake log keeps of one intake; a rejection keeps nothing of the order itself. */
export interface IntakeRecord {
  /** Lower case, as received; may be a channel that does not exist (then the intake was rejected). */
  channel: string;
  externalId: string | null;
  outcome: IntakeOutcome;
  /** The order made or matched; null for a rejection. */
  orderId: string | null;
  repairs: readonly Repair[];
  problems: readonly Problem[];
  /** What an accepted intake is worth an operator's notice for (`IntakeFlag`); absent: none. */
  flags?: readonly string[];
  receivedAt: Date;
}

/** Longest problem message and repaired value the log keeps; past it they are cut (saying how long they were). */
const LOGGED_TEXT = 500;

/**
 * Appends one intake to the log on `db`, which may be a transaction's manager:
 * an accepted order's record goes in the order's own transaction, so the order
 * never exists without it. Throws when the write fails. A rejected payload may
 * hold anything (a 5 MB name, a NUL), so every text is clipped and control
 * characters escaped (`clipForLog`): the log keeps what the problem was, never
 * the oversized value itself.
 */
export async function insertIntakeRecord(db: Queryable, record: IntakeRecord): Promise<void> {
  await insertRow<IntakeRecordInsert>(db, 'intake_record', {
    channel: clipForLog(record.channel, TextLimits.code),
    external_id: record.externalId === null ? null : clipForLog(record.externalId, TextLimits.externalId),
    outcome: record.outcome,
    order_id: record.orderId,
    repairs: JSON.stringify(
      record.repairs.map(({ rule, field, from, to }) => ({
        rule,
        field: clip(field),
        from: clip(from),
        to: clip(to),
      })),
    ),
    problems: JSON.stringify(
      record.problems.map(({ field, message }) => ({ field: clip(field), message: clip(message) })),
    ),
    flags: [...(record.flags ?? [])],
    received_at: record.receivedAt,
  });
}

/** The columns of `intake_record` an intake sets. */
interface IntakeRecordInsert {
  channel: string;
  external_id: string | null;
  outcome: IntakeOutcome;
  order_id: string | null;
  /** JSON text. */
  repairs: string;
  /** JSON text. */
  problems: string;
  flags: string[];
  received_at: Date;
}

const clip = (text: string) => clipForLog(text, LOGGED_TEXT);

/**
 * Appends one intake that stores nothing else (a rejection, a repeat found
 * before any transaction) in its own single-statement transaction. Such a
 * record serves monitoring only, so failing to write it is logged and never
 * changes the answer the caller gets.
 */
export async function recordIntake(ctx: Pick<OrdersContext, 'db' | 'log'>, record: IntakeRecord): Promise<void> {
  try {
    await insertIntakeRecord(ctx.db, record);
  } catch (err) {
    ctx.log.error(
      { err, channel: record.channel, externalId: record.externalId, outcome: record.outcome },
      'intake record not written',
    );
  }
}
