import { auditTarget, badUserInput, type InputProblem } from '@supply-graph/shared';
import { returnSettingsOf } from '../../config';
import type { OrdersContext } from '../../context';
import { assertChannelWritable } from '../order/channel-access';
import { createReturn, type CreatedReturn } from './create-return';
import { RETURN_CHANNELS, returnAdapterFor } from './return-adapter-registry';

const fail = (problems: InputProblem[]) =>
  badUserInput(
    `The channel return cannot be imported: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    problems,
  );

/**
 * `importChannelReturn`: a channel's return or refund payload, read by that
 * channel's return adapter, becomes a return of the order the channel calls by
 * its own number. Repeat-safe: the channel's return id is the return's
 * `externalId`, and importing it again answers the first return (created:
 * false). A return the channel already agreed is AUTHORISED at once; any
 * other follows the returns policy. Into a channel outside the caller's:
 * FORBIDDEN, nothing stored.
 */
export async function importChannelReturn(
  ctx: OrdersContext,
  channel: string,
  payload: unknown,
): Promise<CreatedReturn> {
  const code = channel.trim().toLowerCase();
  assertChannelWritable(ctx.principal, code);
  const adapter = returnAdapterFor(code);
  if (!adapter) {
    throw fail([
      { field: 'channel', message: `no return adapter for "${channel}"; supported: ${RETURN_CHANNELS.join(', ')}` },
    ]);
  }
  const parsed = adapter.parse(payload);
  if (!parsed.ok) throw fail(parsed.problems.map((p) => ({ field: `payload.${p.field}`, message: p.message })));
  const read = parsed.value;
  const [order] = (await ctx.db.query('SELECT id FROM sales_order WHERE channel_code = $1 AND external_id = $2', [
    code,
    read.orderExternalId,
  ])) as { id: string }[];
  if (!order) {
    throw fail([
      { field: `payload.${read.orderField}`, message: `no ${code} order ${read.orderExternalId} was imported` },
    ]);
  }
  const settings = returnSettingsOf(ctx.config);
  return ctx.events.transaction(async (tx) => {
    const created = await createReturn(tx, settings, {
      orderId: order.id,
      lines: read.lines,
      reason: read.reason,
      note: read.note,
      source: code,
      externalId: read.externalId,
      agreed: read.agreed,
      field: 'payload',
    });
    auditTarget(ctx, 'Return', created.returnId, code);
    return created;
  });
}
