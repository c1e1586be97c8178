import type { ChannelAdapter, IntakeOptions } from '../channel-adapter';
import type { IntakeResult } from '../normalized-order';
import { describeValue } from '../normalize/text';
import { normalizePlaceOrderInput } from '../place-order-input';

/**
 * The own web store, whose orders already arrive in the unified
 * PlaceOrderInput shape. `channel` may be left out of the payload; if given it
 * must say webstore, since importing under one channel and storing under
 * another would break the (channel, externalId) idempotency key.
 */
export class WebstoreAdapter implements ChannelAdapter {
  readonly channel = 'webstore';

  parse(payload: unknown, options: IntakeOptions): IntakeResult {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      return normalizePlaceOrderInput(payload, options);
    const input = payload as Record<string, unknown>;
    const given = input.channel;
    const foreign =
      given !== undefined &&
      given !== null &&
      (typeof given !== 'string' || given.trim().toLowerCase() !== this.channel);
    const result = normalizePlaceOrderInput(
      { ...input, channel: foreign ? this.channel : (given ?? this.channel) },
      options,
    );
    if (!foreign) return result;
    const problem = {
      field: 'channel',
      message: `${describeValue(given)} is another channel; this import is for webstore`,
    };
    return result.ok
      ? { ok: false, problems: [problem], repairs: result.repairs, skus: result.order.lines.map((line) => line.sku) }
      : { ...result, problems: [problem, ...result.problems] };
  }
}
