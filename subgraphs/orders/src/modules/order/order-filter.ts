import type { OrderFilter } from './order.input';
import type { OrderStatus } from './order.type';
import { isUuid, visibleChannels, type Principal } from '@supply-graph/shared';

/**
 * An OrderFilter in canonical form: fixed key order, sorted statuses and ISO
 * instants, so two equal filters serialise to the same DataLoader key.
 */
export interface NormalizedOrderFilter {
  /** The channels orders may be of: the asked one within the caller's; null: every channel. */
  channels: string[] | null;
  status: OrderStatus[] | null;
  customerId: string | null;
  placedAfter: string | null;
  placedBefore: string | null;
}

/**
 * Canonical form of a filter as the caller may ask it, or `null` when no
 * order can match it (a customerId that is not a UUID, an empty status list,
 * a channel outside a channel-scoped caller's): callers then answer an empty
 * page without asking PostgreSQL. A channel-scoped caller's channels always
 * end up in the filter, whatever it asked.
 */
export function normalizeOrderFilter(
  filter: OrderFilter | null | undefined,
  caller: Principal,
): NormalizedOrderFilter | null {
  if (filter?.customerId != null && !isUuid(filter.customerId)) return null;
  if (filter?.status != null && filter.status.length === 0) return null;
  const asked = filter?.channel != null ? [filter.channel.trim().toLowerCase()] : null;
  const channels = visibleChannels(caller, asked);
  if (channels !== null && channels.length === 0) return null;
  return {
    channels: channels && [...new Set(channels)].sort(),
    status: filter?.status ? [...new Set(filter.status)].sort() : null,
    customerId: filter?.customerId?.toLowerCase() ?? null,
    placedAfter: filter?.placedAfter?.toISOString() ?? null,
    placedBefore: filter?.placedBefore?.toISOString() ?? null,
  };
}

/** Positional parameters of one raw SQL statement. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, cast when `type` is given. */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return `$${this.values.length}${type ? `::${type}` : ''}`;
  }
}

/** SQL conditions (to AND together) on `sales_order` aliased `alias` for a filter. */
export function orderFilterConditions(filter: NormalizedOrderFilter, params: SqlParams, alias = 'o'): string[] {
  const conditions: string[] = [];
  if (filter.channels !== null)
    conditions.push(`${alias}.channel_code = ANY(${params.add(filter.channels, 'text[]')})`);
  if (filter.status !== null) conditions.push(`${alias}.status = ANY(${params.add(filter.status, 'text[]')})`);
  if (filter.customerId !== null) conditions.push(`${alias}.customer_id = ${params.add(filter.customerId, 'uuid')}`);
  // Half-open interval: consecutive ranges tile time without gaps or double counting.
  if (filter.placedAfter !== null) {
    conditions.push(`${alias}.placed_at >= ${params.add(filter.placedAfter, 'timestamptz')}`);
  }
  if (filter.placedBefore !== null) {
    conditions.push(`${alias}.placed_at < ${params.add(filter.placedBefore, 'timestamptz')}`);
  }
  return conditions;
}

/** `WHERE a AND b`, or nothing when there is no condition. */
export const whereClause = (conditions: string[]): string =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
