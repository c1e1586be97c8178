import { randomUUID } from 'node:crypto';
import {
  IntLimits,
  badUserInput,
  insertRow,
  insertRows,
  type AlertRaised,
  type EventTransaction,
  type InputProblem,
  alertRaisedEvent,
} from '@supply-graph/shared';
import type { ReturnSettings } from '../../config';
import { ReturnStatus } from './return-status.machine';
import { emitReturnAuthorised, moveReturn, recordReturnChange, reviewAlertKey } from './return-transition';
import type { OrderReturnInsert, OrderReturnLineInsert } from './return.row';
import type { ReturnReason } from './return.type';

const DAY_MS = 86_400_000;
/** Orders whose goods left the warehouse; anything earlier is cancelled, not returned. */
const RETURNABLE = ['SHIPPED', 'DELIVERED'];

export interface ReturnLineRequest {
  lineNo?: number | null;
  sku?: string | null;
  quantity: number;
}

export interface NewReturn {
  orderId: string;
  lines: readonly ReturnLineRequest[];
  reason: ReturnReason;
  note: string | null;
  /** 'REQUEST', or the channel code it was imported from. */
  source: string;
  /** The channel's own return id (imports): a repeat answers the first return. */
  externalId: string | null;
  /** The channel already agreed to the return: AUTHORISED whatever the policy says. */
  agreed: boolean;
  /** Where problems point in the caller's input, e.g. "input" or "payload". */
  field: string;
}

export interface CreatedReturn {
  returnId: string;
  channel: string;
  status: ReturnStatus;
  created: boolean;
}

interface OrderFacts {
  id: string;
  channel_code: string;
  customer_id: string | null;
  status: string;
  currency: string;
  placed_at: Date;
  delivered_at: Date | null;
}

interface LineFacts {
  lineNo: number;
  sku: string;
  quantity: number;
  returned: number;
}

/**
 * Creates a return inside the caller's transaction, after checking the whole
 * request and listing every problem at once (BAD_USER_INPUT). The order row is
 * locked first, so two requests for the last unit of a line are checked one
 * after the other and the second sees the first. Inside the returns window with
 * an auto-approved reason (or agreed by the channel) it is AUTHORISED at once
 * and `return.authorised` is emitted; otherwise it waits REQUESTED and
 * `alert.raised` (RETURN_REVIEW) opens a desk item.
 */
export async function createReturn(
  tx: EventTransaction,
  settings: Readonly<ReturnSettings>,
  request: NewReturn,
  at: Date = new Date(),
): Promise<CreatedReturn> {
  const order = await lockOrder(tx, request.orderId);
  if (order && request.externalId) {
    const existing = await findImported(tx, order.channel_code, request.externalId);
    if (existing) return { ...existing, channel: order.channel_code, created: false };
  }
  const lines = order ? await lineFacts(tx, order.id) : [];
  const problems = orderProblems(order, request.field);
  const chosen = chooseLines(request, lines, order !== null, problems);
  if (problems.length) {
    throw badUserInput(
      `The return cannot be requested: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  const facts = order as OrderFacts;
  const returnId = randomUUID();
  await insertRow<OrderReturnInsert>(tx.manager, 'order_return', {
    id: returnId,
    order_id: facts.id,
    channel_code: facts.channel_code,
    customer_id: facts.customer_id,
    status: ReturnStatus.REQUESTED,
    reason: request.reason,
    note: request.note,
    source: request.source,
    external_id: request.externalId,
    currency: facts.currency,
    requested_at: at,
  });
  await insertRows<OrderReturnLineInsert>(
    tx.manager,
    'order_return_line',
    { return_id: 'uuid', line_no: 'int', sku: 'text', quantity: 'int' },
    [...chosen].map(([lineNo, quantity]) => ({
      return_id: returnId,
      line_no: lineNo,
      sku: lines.find((l) => l.lineNo === lineNo)!.sku,
      quantity,
    })),
  );
  await recordReturnChange(tx, returnId, null, ReturnStatus.REQUESTED, at, `requested (${request.source})`);
  const verdict = policyVerdict(settings, facts, request, at);
  if (verdict.authorise) {
    await moveReturn(tx, returnId, ReturnStatus.AUTHORISED, verdict.why, at);
    await emitReturnAuthorised(tx, returnId);
    return { returnId, channel: facts.channel_code, status: ReturnStatus.AUTHORISED, created: true };
  }
  const units = [...chosen.values()].reduce((a, b) => a + b, 0);
  await raiseReview(tx, returnId, facts, request.reason, units, verdict.why, at);
  return { returnId, channel: facts.channel_code, status: ReturnStatus.REQUESTED, created: true };
}

async function lockOrder(tx: EventTransaction, orderId: string): Promise<OrderFacts | null> {
  const rows = (await tx.manager.query(
    `SELECT o.id, o.channel_code, o.customer_id, o.status, o.currency, o.placed_at,
            (SELECT min(c.at) FROM order_status_change c WHERE c.order_id = o.id AND c.to_status = 'DELIVERED')
              AS delivered_at
       FROM sales_order o WHERE o.id = $1 FOR UPDATE`,
    [orderId],
  )) as OrderFacts[];
  return rows[0] ?? null;
}

async function findImported(tx: EventTransaction, channel: string, externalId: string) {
  const rows = (await tx.manager.query(
    'SELECT id, status FROM order_return WHERE channel_code = $1 AND external_id = $2',
    [channel, externalId],
  )) as { id: string; status: ReturnStatus }[];
  return rows.length ? { returnId: rows[0].id, status: rows[0].status } : null;
}

async function lineFacts(tx: EventTransaction, orderId: string): Promise<LineFacts[]> {
  return (await tx.manager.query(
    `SELECT l.line_no AS "lineNo", l.sku, l.quantity,
            coalesce((SELECT sum(rl.quantity) FROM order_return r JOIN order_return_line rl ON rl.return_id = r.id
                       WHERE r.order_id = l.order_id AND rl.line_no = l.line_no AND r.status <> 'REJECTED'), 0)::int
              AS returned
       FROM order_line l WHERE l.order_id = $1 ORDER BY l.line_no`,
    [orderId],
  )) as LineFacts[];
}

function orderProblems(order: OrderFacts | null, field: string): InputProblem[] {
  if (!order) return [{ field: `${field}.orderId`, message: 'no such order' }];
  if (!order.customer_id) return [{ field: `${field}.orderId`, message: 'the order is awaiting buyer identification' }];
  if (!RETURNABLE.includes(order.status)) {
    return [
      {
        field: `${field}.orderId`,
        message: `the order is ${order.status}: only a shipped or delivered order can be returned`,
      },
    ];
  }
  return [];
}

/** The units asked per order line (lineNo -> units); every problem of the lines goes into `problems`. */
function chooseLines(
  request: NewReturn,
  lines: readonly LineFacts[],
  orderKnown: boolean,
  problems: InputProblem[],
): Map<number, number> {
  const chosen = new Map<number, number>();
  const firstIndex = new Map<number, number>();
  if (!request.lines.length)
    problems.push({ field: `${request.field}.lines`, message: 'at least one line is required' });
  request.lines.forEach((asked, i) => {
    const at = `${request.field}.lines[${i}]`;
    const { min, max } = IntLimits.quantity;
    if (!Number.isInteger(asked.quantity) || asked.quantity < min || asked.quantity > max) {
      problems.push({ field: `${at}.quantity`, message: `must be ${min}..${max}, got ${asked.quantity}` });
    }
    if (!orderKnown) return;
    const line = findLine(asked, lines, at, problems);
    if (!line || !(asked.quantity >= min)) return;
    chosen.set(line.lineNo, (chosen.get(line.lineNo) ?? 0) + asked.quantity);
    if (!firstIndex.has(line.lineNo)) firstIndex.set(line.lineNo, i);
  });
  for (const [lineNo, units] of chosen) {
    const line = lines.find((l) => l.lineNo === lineNo)!;
    const left = line.quantity - line.returned;
    if (units > left) {
      problems.push({
        field: `${request.field}.lines[${firstIndex.get(lineNo)}].quantity`,
        message:
          `asks ${units} of line ${lineNo} (${line.sku}); only ${left} can still be returned ` +
          `(${line.quantity} shipped, ${line.returned} already in returns)`,
      });
    }
  }
  return chosen;
}

function findLine(asked: ReturnLineRequest, lines: readonly LineFacts[], at: string, problems: InputProblem[]) {
  const sku = asked.sku?.trim() || null;
  if (asked.lineNo != null) {
    const line = lines.find((l) => l.lineNo === asked.lineNo);
    if (!line) problems.push({ field: `${at}.lineNo`, message: `the order has no line ${asked.lineNo}` });
    else if (sku && sku !== line.sku)
      problems.push({ field: `${at}.sku`, message: `line ${line.lineNo} is ${line.sku}, not ${sku}` });
    else return line;
    return null;
  }
  if (!sku) {
    problems.push({ field: at, message: 'give lineNo or sku' });
    return null;
  }
  const matches = lines.filter((l) => l.sku === sku);
  if (matches.length === 1) return matches[0];
  problems.push({
    field: `${at}.sku`,
    message: matches.length
      ? `${sku} is on lines ${matches.map((l) => l.lineNo).join(', ')}: give lineNo`
      : `the order has no line of ${sku}`,
  });
  return null;
}

/** Whether the return is authorised at once, and why (for its history and the desk). */
export function policyVerdict(
  settings: Readonly<ReturnSettings>,
  order: Pick<OrderFacts, 'placed_at' | 'delivered_at'>,
  request: Pick<NewReturn, 'agreed' | 'reason' | 'source'>,
  at: Date,
): { authorise: boolean; why: string } {
  if (request.agreed) return { authorise: true, why: `agreed by ${request.source}` };
  const since = order.delivered_at ?? order.placed_at;
  const days = (at.getTime() - new Date(since).getTime()) / DAY_MS;
  const basis = order.delivered_at ? 'delivery' : 'placement';
  if (days > settings.windowDays) {
    return {
      authorise: false,
      why: `outside the ${settings.windowDays}-day returns window (${Math.floor(days)} days since ${basis})`,
    };
  }
  if (!settings.autoApproveReasons.includes(request.reason)) {
    return { authorise: false, why: `reason ${request.reason} is reviewed by an operator` };
  }
  return { authorise: true, why: `inside the ${settings.windowDays}-day returns window, reason ${request.reason}` };
}

async function raiseReview(
  tx: EventTransaction,
  returnId: string,
  order: OrderFacts,
  reason: string,
  units: number,
  why: string,
  at: Date,
): Promise<void> {
  const payload: AlertRaised = {
    alertKey: reviewAlertKey(returnId),
    source: 'orders',
    kind: 'RETURN_REVIEW',
    subject: { type: 'Return', id: returnId },
    orderId: order.id,
    channel: order.channel_code,
    summary: `Return of ${units} unit(s), ${reason}: ${why}`,
    raisedAt: at.toISOString(),
    detail: { reason, units, why },
  };
  await tx.emit(alertRaisedEvent(payload));
}
