import { AppError, type Principal } from '@supply-graph/shared';

/**
 * SQL condition: the shipment aliased `alias` is of one of the channels in the
 * `text[]` parameter `param`, or the parameter is NULL (the caller sees every
 * channel). A shipment without a channel (planned before logistics learnt it)
 * matches no list: a channel-scoped caller never sees it.
 */
export const inChannels = (alias: string, param: string): string =>
  `(${param}::text[] IS NULL OR ${alias}.channel = ANY(${param}::text[]))`;

/**
 * FORBIDDEN unless the caller may change a shipment of this channel: it sees
 * every channel, or the channel is one of its own. Carrier scans usually
 * come from staff or the platform; a channel-scoped caller still may not move
 * another channel's parcel (nor one without a channel).
 */
export function assertShipmentWritable(principal: Principal, channel: string | null): void {
  if (principal.channels === null) return;
  if (channel !== null && principal.channels.includes(channel)) return;
  // The other channel's code is not named: the caller knows the parcel only by its tracking number.
  throw new AppError('FORBIDDEN', 'This caller may not change shipments outside its channels', {
    channels: principal.channels,
  });
}
