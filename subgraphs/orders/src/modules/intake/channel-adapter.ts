import type { IntakeResult } from './normalized-order';

/** What an adapter may know besides the payload itself. */
export interface IntakeOptions {
  /** When the platform received the payload; the order time when the input has none. */
  receivedAt: Date;
}

/**
 * Turns one raw order payload in a channel's own format into a
 * `NormalizedOrder`. One implementation per channel format, registered in
 * `adapter-registry.ts`; adding a channel means adding one adapter file.
 *
 * Implementations are pure: no I/O, no clock (time comes in `options`), no
 * throwing on bad input. A payload that cannot become an order gives
 * `{ ok: false }` listing every problem found, each with the payload path it is
 * about, so a partner can fix all of them in one round trip.
 */
export interface ChannelAdapter {
  /** The channel code this adapter reads, lower case, e.g. "tmall". */
  readonly channel: string;
  /**
   * @param payload what `importChannelOrder(channel, payload)` received: a JSON
   *   value as decoded by GraphQL (for `pos`, the CSV text as a string).
   */
  parse(payload: unknown, options: IntakeOptions): IntakeResult;
}
