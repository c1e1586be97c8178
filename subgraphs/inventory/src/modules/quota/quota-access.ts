import { AppError, seesChannel, visibleChannels, type Principal } from '@supply-graph/shared';

/*
 * What a channel-scoped caller (a token with `channels`) may do in inventory.
 * Channel quotas belong to a channel: such a caller lists only its channels'
 * quotas and sets or lifts only those. Stock itself is one pool that every
 * channel draws on, so products, warehouses, stock levels, presale stock,
 * alerts and `adjustStock` stay unscoped: they are guarded by the
 * inventory:read / inventory:write scopes alone.
 */

/** The channels whose quotas the caller may see; null: every channel. */
export const quotaChannels = (principal: Principal): readonly string[] | null => visibleChannels(principal);

/**
 * FORBIDDEN unless the caller may change this channel's quotas. Called before
 * anything is read or locked, so a refused call stores nothing.
 */
export function assertQuotaWritable(principal: Principal, channel: string): void {
  if (seesChannel(principal, channel)) return;
  throw new AppError('FORBIDDEN', `This caller may not change quotas of channel "${channel}"`, {
    channel,
    channels: principal.channels,
  });
}
