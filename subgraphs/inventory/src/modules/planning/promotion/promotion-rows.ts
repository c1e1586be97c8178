import { type Promotion, PromotionStatus } from './promotion.type';

/** A promotion row as the queries select it (`PROMOTION_COLUMNS`). */
export interface PromotionRow {
  id: string;
  name: string;
  channels: string[] | null;
  skus: string[] | null;
  startsOn: string;
  endsOn: string;
  uplift: number;
  plannedBy: string;
  plannedAt: Date;
  cancelledAt: Date | null;
  cancelledBy: string | null;
}

/** Which promotions a read wants, as the SQL filter takes it. */
export interface PromotionQuery {
  /** The caller's channels (a channel-scoped caller sees promotions on its channels only); null: all. */
  scope: readonly string[] | null;
  /** Today, YYYY-MM-DD (UTC): what upcoming, active and past are measured against. */
  today: string;
  /** One status; null: every promotion not cancelled. */
  status: PromotionStatus | null;
  /** Promotions running on this channel (or on every channel); null: any. */
  channel: string | null;
  first: number;
}

export const PROMOTION_COLUMNS = `p.id, p.name, p.channels, p.skus, p.starts_on::text AS "startsOn",
  p.ends_on::text AS "endsOn", p.uplift, p.planned_by AS "plannedBy", p.planned_at AS "plannedAt",
  p.cancelled_at AS "cancelledAt", p.cancelled_by AS "cancelledBy"`;

// $1 scope, $2 today, $3 status, $4 channel. A channel-scoped caller sees a promotion only when all its channels
// are the caller's: one on every channel, or also on another's, says what the others plan.
export const PROMOTION_FILTER = `
  ($1::text[] IS NULL OR (p.channels IS NOT NULL AND p.channels <@ $1::text[]))
  AND CASE $3::text
    WHEN 'UPCOMING' THEN p.cancelled_at IS NULL AND p.starts_on > $2::date
    WHEN 'ACTIVE' THEN p.cancelled_at IS NULL AND p.starts_on <= $2::date AND p.ends_on >= $2::date
    WHEN 'PAST' THEN p.cancelled_at IS NULL AND p.ends_on < $2::date
    WHEN 'CANCELLED' THEN p.cancelled_at IS NOT NULL
    ELSE p.cancelled_at IS NULL END
  AND ($4::text IS NULL OR p.channels IS NULL OR $4::text = ANY(p.channels))`;

/** The GraphQL promotion of a row, its status as of `today` (YYYY-MM-DD). */
export function toPromotion(row: PromotionRow, today: string): Promotion {
  return { ...row, status: statusOf(row, today) };
}

export function statusOf(row: Pick<PromotionRow, 'startsOn' | 'endsOn' | 'cancelledAt'>, today: string) {
  if (row.cancelledAt) return PromotionStatus.CANCELLED;
  if (row.startsOn > today) return PromotionStatus.UPCOMING;
  if (row.endsOn < today) return PromotionStatus.PAST;
  return PromotionStatus.ACTIVE;
}
