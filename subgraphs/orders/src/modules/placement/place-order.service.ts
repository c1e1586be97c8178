import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  auditTarget,
  badUserInput,
  type BuyerIdentificationRequested,
  type InputProblem,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { NormalizedOrder, Repair } from '../intake/normalized-order';
import { insertIntakeRecord, recordIntake, type IntakeRecord } from '../intake-quality/intake-record';
import { BUYER_ANONYMOUS } from '../intake/guest-buyer';
import { deskSettingsOf, intakeSettingsOf, riskSettingsOf } from '../../config';
import { assessOrderRisk } from '../risk/assess-order-risk';
import { buyerProblems, checkReferences, identifyBuyer } from './intake-checks';
import { announcePlacement, AWAITING_BUYER_REASON } from './placement-announcement';
import { insertLinesAndHistory, insertOrder } from './order-insert';

export interface PlacedOrder {
  orderId: string;
  /** false: an earlier call with the same (channel, externalId) already made it. */
  created: boolean;
}

/** What the intake log keeps of an accepted payload besides the order. */
export interface IntakeNote {
  repairs: readonly Repair[];
  receivedAt: Date;
}

/**
 * Stores a normalised order as PENDING and announces it, once per
 * (channel, externalId): the unique constraint decides between racing calls,
 * not a read-then-write. Everything it writes (order, lines, history, events,
 * its ACCEPTED intake record) commits together or not at all. The risk rules
 * score it in the same transaction; an order at or above the hold threshold
 * moves on to ON_HOLD there and then, and its `order.placed` says `held`, so
 * inventory waits for an operator's `order.released`. A repeat is logged as
 * DUPLICATE and stores nothing else.
 *
 * No peer is needed: SKUs are checked against orders' copy of the catalogue,
 * and when customers cannot identify the buyer in time the order is stored
 * without a customer and `buyer.identification-requested` is emitted instead
 * of `order.placed`; `completeBuyerIdentification` scores and announces it
 * when `buyer.identified` comes back.
 */
export async function placeNormalizedOrder(
  ctx: OrdersContext,
  order: NormalizedOrder,
  intake: IntakeNote,
): Promise<PlacedOrder> {
  const logEntry = (outcome: 'ACCEPTED' | 'DUPLICATE', orderId: string): IntakeRecord => ({
    channel: order.channel,
    externalId: order.externalId,
    outcome,
    orderId,
    repairs: intake.repairs,
    problems: [],
    flags: order.buyer.guest ? [BUYER_ANONYMOUS] : [],
    receivedAt: intake.receivedAt,
  });
  const existing = await findExisting(ctx, order);
  if (existing) {
    auditTarget(ctx, 'Order', existing, order.channel);
    await recordIntake(ctx, logEntry('DUPLICATE', existing));
    return { orderId: existing, created: false };
  }
  const problems = await checkReferences(ctx.db.manager, ctx.peers, ctx.requestId, order);
  if (problems.length) throw rejected(problems);
  const buyer = await identifyBuyer(
    ctx.peers,
    ctx.requestId,
    order,
    intakeSettingsOf(ctx.config).buyerIdentifyTimeoutMs,
  );
  if (!buyer) {
    const buyerIssues = buyerProblems(order);
    if (buyerIssues.length) throw rejected(buyerIssues);
  }
  const orderId = randomUUID();
  const settings = riskSettingsOf(ctx.config);
  return ctx.events.transaction(async (tx): Promise<PlacedOrder> => {
    const risk = buyer
      ? await assessOrderRisk(
          tx.manager,
          riskSubjectOf(order, buyer.customerId),
          settings,
          ctx.riskRules(settings),
          deskSettingsOf(ctx.config).riskFeedback,
        )
      : null;
    const inserted = await insertOrder(tx.manager, orderId, order, buyer?.customerId ?? null, risk);
    if (!inserted) {
      // Lost a race with an identical call. ON CONFLICT waited for that one to
      // commit, so this statement's fresh snapshot sees its order: that is the order.
      const winner = (await tx.manager.query(
        'SELECT id FROM sales_order WHERE channel_code = $1 AND external_id = $2',
        [order.channel, order.externalId],
      )) as { id: string }[];
      await insertIntakeRecord(tx.manager, logEntry('DUPLICATE', winner[0].id));
      auditTarget(ctx, 'Order', winner[0].id, order.channel);
      return { orderId: winner[0].id, created: false };
    }
    const reason = buyer ? 'placed' : AWAITING_BUYER_REASON;
    const lines = await insertLinesAndHistory(tx.manager, orderId, order, reason);
    if (buyer && risk) {
      const { country, province, city } = order.shippingAddress;
      const facts = {
        orderId,
        channel: order.channel,
        customerId: buyer.customerId,
        placedAt: order.placedAt,
        total: order.total,
        currency: order.currency,
        guest: order.buyer.guest === true,
        lines,
        shippingAddress: { country, province, city },
        reason,
      };
      await announcePlacement(tx, facts, risk);
    } else {
      const { name, email, phone, channelBuyerId, guest } = order.buyer;
      const request: BuyerIdentificationRequested = {
        orderId,
        channel: order.channel,
        buyer: { name, email, phone, channelBuyerId, ...(guest ? { guest: true } : {}) },
      };
      await tx.emit({
        type: EventTypes.buyerIdentificationRequested,
        aggregateType: 'buyer-identification',
        aggregateId: orderId,
        aggregateVersion: 1,
        payload: request,
      });
    }
    await insertIntakeRecord(tx.manager, logEntry('ACCEPTED', orderId));
    auditTarget(ctx, 'Order', orderId, order.channel);
    return { orderId, created: true };
  });
}

const rejected = (problems: InputProblem[]) =>
  badUserInput(`The order cannot be accepted: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);

function riskSubjectOf(order: NormalizedOrder, customerId: string) {
  return {
    customerId,
    guest: order.buyer.guest === true,
    placedAt: order.placedAt,
    total: order.total,
    currency: order.currency,
    shipPhone: order.shippingAddress.phone,
    shipCountry: order.shippingAddress.country,
    shipLine1: order.shippingAddress.line1,
    shipCity: order.shippingAddress.city,
    shipPostalCode: order.shippingAddress.postalCode,
  };
}

async function findExisting(ctx: OrdersContext, order: NormalizedOrder): Promise<string | null> {
  const rows = (await ctx.db.query('SELECT id FROM sales_order WHERE channel_code = $1 AND external_id = $2', [
    order.channel,
    order.externalId,
  ])) as { id: string }[];
  return rows[0]?.id ?? null;
}
