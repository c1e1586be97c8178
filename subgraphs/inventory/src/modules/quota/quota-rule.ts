/**
 * The channel quota rule, free of SQL so it can be tested alone.
 *
 * A quota caps the units of one SKU that one channel's orders may hold at
 * once: units reserved for them and not yet shipped or released. Shipped units
 * leave both the channel's count and the pool, so a share stays a share of
 * what is on the shelf. Presale lines are outside quotas (they draw on their
 * own stock).
 */

/** A quota row as the reservation sees it, locked for the transaction. */
export interface QuotaState {
  sku: string;
  /** Absolute cap, or null for a share. */
  maxUnits: number | null;
  /** Share of on-hand in basis points (3000 = 30%), or null for an absolute cap. */
  shareBp: number | null;
  /** Units the channel holds now. */
  held: number;
}

/** One SKU of an order that would take its channel past the quota. */
export interface QuotaBreach {
  sku: string;
  limit: number;
  held: number;
  wanted: number;
  /** Units over the limit: what the order would need the quota to grow by. */
  over: number;
  shareBp: number | null;
}

export const BASIS_POINTS = 10_000;

/**
 * Units the channel may hold now. A share is taken of the SKU's on-hand units
 * summed over warehouses (regular stock, reserved units included), rounded
 * down; integer arithmetic, so 29% of 100 is 29, never 28.99...
 */
export function quotaLimit(quota: Pick<QuotaState, 'maxUnits' | 'shareBp'>, onHand: number): number {
  if (quota.maxUnits !== null) return quota.maxUnits;
  return Math.floor(((quota.shareBp ?? 0) * onHand) / BASIS_POINTS);
}

/** The SKUs whose demand in this order would take the channel past its quota (empty: the order fits). */
export function quotaBreaches(
  quotas: QuotaState[],
  demand: Map<string, number>,
  onHandBySku: Map<string, number>,
): QuotaBreach[] {
  const breaches: QuotaBreach[] = [];
  for (const quota of quotas) {
    const wanted = demand.get(quota.sku) ?? 0;
    if (!wanted) continue;
    const limit = quotaLimit(quota, onHandBySku.get(quota.sku) ?? 0);
    const over = quota.held + wanted - limit;
    if (over > 0)
      breaches.push({
        sku: quota.sku,
        limit,
        held: quota.held,
        wanted,
        over: Math.min(over, wanted),
        shareBp: quota.shareBp,
      });
  }
  return breaches;
}

/** A sentence naming each quota the order would break, for the backorder reason. */
export function describeBreaches(channel: string, breaches: QuotaBreach[]): string {
  const parts = breaches.map((b) => {
    const cap = b.shareBp === null ? `${b.limit}` : `${formatShare(b.shareBp)} of on-hand (${b.limit} now)`;
    return `${channel} may hold at most ${cap} of ${b.sku}, holds ${b.held}, this order needs ${b.wanted}`;
  });
  return `channel quota: ${parts.join('; ')}`;
}

/** 3000 -> "30%", 1250 -> "12.5%". */
export function formatShare(shareBp: number): string {
  return `${Number((shareBp / 100).toFixed(2))}%`;
}
