import { ListLimits, badUserInput } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { BatchIntakeResult } from './batch-intake.type';
import { assertChannelWritable } from '../order/channel-access';
import { importChannelOrder, rejectionProblems } from './intake.service';

/** Most payloads one `importChannelOrders` call takes; larger files go in several calls. */
export const MAX_BATCH_SIZE = ListLimits.batchPayloads;
/**
 * Payloads of one batch in flight at once: enough to overlap the peer calls
 * (catalogue check, golden customer) and database round trips, few enough that
 * one batch does not take every pooled connection from other requests.
 */
export const BATCH_CONCURRENCY = 8;

/**
 * Runs `work` on every item, at most `limit` at a time, and gives the results
 * in input order. After a failure no new item starts; the ones in flight
 * finish, then the first failure is thrown.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const failures: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (!failures.length && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failures.length) throw failures[0];
  return results;
}

/**
 * `importChannelOrders`: each payload goes through `importChannelOrder` (same
 * adapter, idempotency, intake log), and a payload's BAD_USER_INPUT becomes
 * that item's `errors` instead of failing the batch. Any other failure (a peer
 * down) fails the call; repeating it is safe, since every stored item then
 * answers as a duplicate. A batch is of one channel: into a channel outside
 * the caller's, the whole call is FORBIDDEN before any payload is read.
 */
export async function importChannelOrders(
  ctx: OrdersContext,
  channel: string,
  payloads: readonly unknown[],
): Promise<BatchIntakeResult[]> {
  assertChannelWritable(ctx.principal, channel.trim().toLowerCase());
  if (payloads.length > MAX_BATCH_SIZE) {
    throw badUserInput(
      `A batch takes at most ${MAX_BATCH_SIZE} payloads, got ${payloads.length}; send the rest in further calls`,
      [{ field: 'payloads', message: `at most ${MAX_BATCH_SIZE} payloads per call, got ${payloads.length}` }],
    );
  }
  return mapBounded(payloads, BATCH_CONCURRENCY, async (payload, index): Promise<BatchIntakeResult> => {
    try {
      const placed = await importChannelOrder(ctx, channel, payload);
      return { index, orderId: placed.orderId, created: placed.created, errors: [] };
    } catch (err) {
      const problems = rejectionProblems(err);
      if (!problems) throw err;
      return { index, orderId: null, created: false, errors: problems };
    }
  });
}
