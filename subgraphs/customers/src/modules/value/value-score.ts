import type { ValueSettings } from '../../config';

/**
 * Value tiers, from the R, F and M scores; the first rule that holds wins:
 * CHAMPION  R >= 4, F >= 4 and M >= 4 (recent, frequent, big spender)
 * LOYAL     R >= 3 and F >= 3
 * NEW       R >= 4 and F = 1 (one order, recently)
 * PROMISING R >= 3 (recent, not yet frequent)
 * AT_RISK   R = 2 (bought, but not for a while)
 * LOST      R = 1
 * A customer without a counted order (none, or all cancelled) and a
 * channel's guest have no tier.
 */
export enum CustomerTier {
  CHAMPION = 'CHAMPION',
  LOYAL = 'LOYAL',
  NEW = 'NEW',
  PROMISING = 'PROMISING',
  AT_RISK = 'AT_RISK',
  LOST = 'LOST',
}

/** What the customer's counted orders add up to. */
export interface ValueFacts {
  orders: number;
  /** In the base currency (CNY), integer fen. */
  monetaryMinor: bigint;
  lastOrderAt: Date;
}

export interface ValueScore {
  /** Whole days since the last order (0 on its day, never negative). */
  recencyDays: number;
  rScore: number;
  fScore: number;
  mScore: number;
  /** rScore + fScore + mScore, 3..15. */
  score: number;
  tier: CustomerTier;
  /** When the recency score next drops (the score is stale from then on); null once R is 1. */
  rescoreAt: Date | null;
}

const DAY_MS = 86_400_000;

/** Scores of 5, 4, 3, 2 for the first step met, else 1. */
function stepScore(met: (step: number) => boolean, steps: readonly number[]): number {
  const index = steps.findIndex(met);
  return index === -1 ? 1 : 5 - index;
}

/** The RFM scores and tier of a customer at `now`; pure, so the job, the consumer and reads agree. */
export function scoreValue(facts: ValueFacts, now: Date, settings: Readonly<ValueSettings>): ValueScore {
  const recencyDays = Math.max(0, Math.floor((now.getTime() - facts.lastOrderAt.getTime()) / DAY_MS));
  const rScore = stepScore((days) => recencyDays <= days, settings.recencyDays);
  const fScore = stepScore((orders) => facts.orders >= orders, settings.frequencyOrders);
  const monetaryCny = facts.monetaryMinor / 100n;
  const mScore = stepScore((cny) => monetaryCny >= BigInt(cny), settings.monetaryCny);
  // R drops once more than `days` whole days have passed: at lastOrderAt + (days + 1) days.
  const step = rScore > 1 ? settings.recencyDays[5 - rScore] : null;
  const rescoreAt = step === null ? null : new Date(facts.lastOrderAt.getTime() + (step + 1) * DAY_MS);
  return {
    recencyDays,
    rScore,
    fScore,
    mScore,
    score: rScore + fScore + mScore,
    tier: tierOf(rScore, fScore, mScore),
    rescoreAt,
  };
}

export function tierOf(r: number, f: number, m: number): CustomerTier {
  if (r >= 4 && f >= 4 && m >= 4) return CustomerTier.CHAMPION;
  if (r >= 3 && f >= 3) return CustomerTier.LOYAL;
  if (r >= 4 && f === 1) return CustomerTier.NEW;
  if (r >= 3) return CustomerTier.PROMISING;
  if (r === 2) return CustomerTier.AT_RISK;
  return CustomerTier.LOST;
}

/**
 * An order total (two-decimal string) in base-currency fen, at the fixed rate
 * of its currency, rounded half up; null when the currency has no rate.
 */
export function toBaseMinor(total: string, currency: string, settings: Readonly<ValueSettings>): bigint | null {
  const rate = settings.ratesMicro[currency.trim().toUpperCase()];
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(total.trim());
  if (rate === undefined || !match) return null;
  const minor = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  const converted = (minor * rate + 500_000n) / 1_000_000n;
  return match[1] ? -converted : converted;
}
