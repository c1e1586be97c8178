import { IntLimits, type InputProblem } from '@supply-graph/shared';
import { BASIS_POINTS } from './quota-rule';

export interface ChannelQuotaInput {
  channel: string;
  sku: string;
  maxUnits?: number | null;
  maxShare?: number | null;
}

/** A valid quota, normalised: the channel trimmed and lower-cased, the share in basis points. */
export interface ValidQuota {
  channel: string;
  sku: string;
  maxUnits: number | null;
  shareBp: number | null;
}

export const MAX_CHANNEL_LENGTH = 64;
const CHANNEL = /^[a-z0-9][a-z0-9._-]*$/;

/** Checks a channel code argument (quotas, priorities); it is compared trimmed and lower-cased. */
export function channelProblems(channel: string): InputProblem[] {
  const code = channel.trim().toLowerCase();
  if (!code) return [{ field: 'channel', message: 'must not be blank' }];
  if (code.length > MAX_CHANNEL_LENGTH)
    return [{ field: 'channel', message: `must be at most ${MAX_CHANNEL_LENGTH} characters` }];
  if (!CHANNEL.test(code))
    return [{ field: 'channel', message: `"${channel}" is not a channel code (letters, digits, ".", "_", "-")` }];
  return [];
}

/** Checks the channel and SKU arguments shared by setting and removing a quota. */
export function channelAndSkuProblems(channel: string, sku: string): InputProblem[] {
  const problems = channelProblems(channel);
  if (!sku.trim()) problems.push({ field: 'sku', message: 'must not be blank' });
  return problems;
}

/**
 * Every problem of a `setChannelQuota` call (the SKU's existence is checked
 * by the service, which adds to this list): exactly one of maxUnits and
 * maxShare, a cap of 0 or more, a share in [0, 1] with at most 4 decimals.
 */
export function validateQuota(input: ChannelQuotaInput): { problems: InputProblem[]; quota: ValidQuota } {
  const problems = channelAndSkuProblems(input.channel, input.sku);
  const maxUnits = input.maxUnits ?? null;
  const maxShare = input.maxShare ?? null;
  if (maxUnits === null && maxShare === null) {
    problems.push({ field: 'maxUnits', message: 'give exactly one of maxUnits and maxShare (neither was given)' });
  } else if (maxUnits !== null && maxShare !== null) {
    problems.push({ field: 'maxShare', message: 'give exactly one of maxUnits and maxShare (both were given)' });
  }
  if (maxUnits !== null && (!Number.isInteger(maxUnits) || maxUnits < 0)) {
    problems.push({ field: 'maxUnits', message: `must be a whole number of units, 0 or more (got ${maxUnits})` });
  } else if (maxUnits !== null && maxUnits > IntLimits.quotaUnits.max) {
    problems.push({ field: 'maxUnits', message: `must be at most ${IntLimits.quotaUnits.max} (got ${maxUnits})` });
  }
  let shareBp: number | null = null;
  if (maxShare !== null) {
    const bp = maxShare * BASIS_POINTS;
    if (!Number.isFinite(maxShare) || maxShare < 0 || maxShare > 1) {
      problems.push({ field: 'maxShare', message: `must be between 0 and 1, e.g. 0.3 for 30% (got ${maxShare})` });
    } else if (Math.abs(bp - Math.round(bp)) > 1e-6) {
      problems.push({
        field: 'maxShare',
        message: `must have at most 4 decimals, i.e. steps of 0.01% (got ${maxShare})`,
      });
    } else {
      shareBp = Math.round(bp);
    }
  }
  return { problems, quota: { channel: input.channel.trim().toLowerCase(), sku: input.sku.trim(), maxUnits, shareBp } };
}
