import { AppError, badUserInput, clipForLog, type InputProblem } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { adapterFor, SUPPORTED_CHANNELS } from '../intake/adapter-registry';
import { assertChannelWritable } from '../order/channel-access';
import type { IntakeResult, Repair } from '../intake/normalized-order';
import { checkReferences } from './intake-checks';
import { normalizePlaceOrderInput } from '../intake/place-order-input';
import { readableExternalId } from '../intake-quality/external-id';
import { recordIntake } from '../intake-quality/intake-record';
import { placeNormalizedOrder, type PlacedOrder } from './place-order.service';

/** One payload as it arrived, for the intake log. */
interface Arrival {
  channel: string;
  /** "unified" for placeOrder input, else the adapter's channel code. */
  format: string;
  payload: unknown;
  receivedAt: Date;
}

/**
 * Turns an adapter's verdict into an order, or into one BAD_USER_INPUT listing
 * every problem; either way the intake log gets one record. ACCEPTED is written
 * in the order's own transaction and DUPLICATE by placement too
 * (`placeNormalizedOrder`); REJECTED here, on its own, as nothing else is stored.
 */
async function accept(ctx: OrdersContext, arrival: Arrival, result: IntakeResult): Promise<PlacedOrder> {
  // The channel as normalised, should an adapter or the unified shape read it otherwise than the caller wrote it.
  if (result.ok) assertChannelWritable(ctx.principal, result.order.channel);
  const externalId = result.ok ? result.order.externalId : readableExternalId(arrival.format, arrival.payload);
  const channel = result.ok ? result.order.channel : arrival.channel;
  return rejectionsLogged(ctx, { ...arrival, channel }, externalId, result.repairs, async () => {
    if (!result.ok) {
      const all = [...result.problems, ...(await referenceProblems(ctx, channel, result))];
      // A message may quote the value it refuses; an oversized one is not sent back whole.
      const problems = all.map((p) => ({
        field: clipForLog(p.field, 200),
        message: clipForLog(p.message, 500),
      }));
      const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      throw badUserInput(`The order was rejected: ${summary}`, problems);
    }
    return placeNormalizedOrder(ctx, result.order, { repairs: result.repairs, receivedAt: arrival.receivedAt });
  });
}

/**
 * What the readable parts of a rejected payload would be refused for as well
 * (an unknown SKU or channel), so that one answer lists every problem, not the
 * next one after each fix. The payload's own problems are enough when the
 * catalogue cannot be consulted (inventory down while orders' copy is empty).
 */
async function referenceProblems(
  ctx: OrdersContext,
  channel: string,
  result: Extract<IntakeResult, { ok: false }>,
): Promise<InputProblem[]> {
  const reported = (field: string) => result.problems.some((p) => p.field === field);
  const lines = (result.skus ?? []).map((sku) => ({ sku }));
  const references = { channel: reported('channel') ? '' : channel, lines };
  if (!references.channel && !lines.length) return [];
  return checkReferences(ctx.db.manager, ctx.peers, ctx.requestId, references).catch(() => []);
}

/** Runs `place`, and records a REJECTED intake when it ends in BAD_USER_INPUT (the adapter's or placement's checks). */
async function rejectionsLogged(
  ctx: OrdersContext,
  arrival: Arrival,
  externalId: string | null,
  repairs: readonly Repair[],
  place: () => Promise<PlacedOrder>,
): Promise<PlacedOrder> {
  try {
    return await place();
  } catch (err) {
    const problems = rejectionProblems(err);
    if (problems) {
      await recordIntake(ctx, {
        channel: arrival.channel,
        externalId,
        outcome: 'REJECTED',
        orderId: null,
        repairs,
        problems,
        receivedAt: arrival.receivedAt,
      });
    }
    throw err;
  }
}

/** The problems of a BAD_USER_INPUT (what the caller must fix); null for any other failure. */
export function rejectionProblems(err: unknown): InputProblem[] | null {
  if (!(err instanceof AppError) || err.code !== 'BAD_USER_INPUT') return null;
  const problems = err.extensions.problems as InputProblem[] | undefined;
  return problems?.length ? problems : [{ field: 'payload', message: err.message }];
}

const lowerCode = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/**
 * `placeOrder`: the unified shape (web store and any client). Into a channel
 * outside the caller's: FORBIDDEN, and nothing is stored, not even an intake record.
 */
export async function placeOrder(ctx: OrdersContext, input: unknown, receivedAt = new Date()): Promise<PlacedOrder> {
  const channel = lowerCode((input as { channel?: unknown } | null)?.channel);
  // A missing channel is the input's problem (BAD_USER_INPUT below), not a refusal.
  if (channel) assertChannelWritable(ctx.principal, channel);
  return accept(
    ctx,
    { channel, format: 'unified', payload: input, receivedAt },
    normalizePlaceOrderInput(input, { receivedAt }),
  );
}

/**
 * `importChannelOrder`: a raw payload in the channel's own format, read by
 * that channel's adapter. Into a channel outside the caller's: FORBIDDEN, nothing stored.
 */
export async function importChannelOrder(
  ctx: OrdersContext,
  channel: string,
  payload: unknown,
  receivedAt = new Date(),
): Promise<PlacedOrder> {
  const code = lowerCode(channel);
  assertChannelWritable(ctx.principal, code);
  const adapter = adapterFor(code);
  if (!adapter) {
    return rejectionsLogged(ctx, { channel: code, format: code, payload, receivedAt }, null, [], () => {
      throw badUserInput(`No adapter reads channel "${channel}"; supported: ${SUPPORTED_CHANNELS.join(', ')}`, [
        { field: 'channel', message: `unknown channel "${channel}"` },
      ]);
    });
  }
  return accept(
    ctx,
    { channel: code, format: adapter.channel, payload, receivedAt },
    adapter.parse(payload, { receivedAt }),
  );
}
