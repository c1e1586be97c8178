import { randomInt } from 'node:crypto';
import { NO_RECORD, blendedOnTimeRate, type Punctuality } from '../carrier-performance/punctuality';

/** What a carrier offers on a lane: price, speed and punctuality. */
export interface CarrierOffer {
  code: string;
  /** Yuan for the first parcel plus per unit. */
  baseCost: number;
  costPerUnit: number;
  /** Kilometres covered per day, door to door. */
  kmPerDay: number;
  /** Share of parcels delivered by the promised date, as the carrier states it: the prior for its observed record. */
  onTimeRate: number;
}

export interface CarrierChoice {
  carrier: string;
  transitDays: number;
  cost: number;
  reason: string;
}

/** Chooses a carrier for one parcel. Strategy with one default, swappable like routing. */
export interface CarrierSelectionStrategy {
  readonly name: string;
  /**
   * `punctuality`: the carriers' observed on-time records and the weight of the rate card's figure against them;
   * without it the rate card's figure alone.
   */
  choose(distanceKm: number | null, units: number, punctuality?: Punctuality): CarrierChoice;
  trackingNumber(carrier: string): string;
}

/** The rate card: real carriers, illustrative prices. */
export const RATE_CARD: CarrierOffer[] = [
  { code: 'sf', baseCost: 14, costPerUnit: 2.2, kmPerDay: 1400, onTimeRate: 0.97 },
  { code: 'jd-logistics', baseCost: 12, costPerUnit: 2, kmPerDay: 1200, onTimeRate: 0.96 },
  { code: 'zto', baseCost: 7, costPerUnit: 1, kmPerDay: 650, onTimeRate: 0.92 },
  { code: 'yto', baseCost: 7, costPerUnit: 1.1, kmPerDay: 600, onTimeRate: 0.9 },
  { code: 'ems', baseCost: 10, costPerUnit: 1.5, kmPerDay: 900, onTimeRate: 0.93 },
];

const FORMATS: Record<string, () => string> = {
  sf: () => `SF${digits(13)}`,
  'jd-logistics': () => `JDVA${digits(11)}`,
  zto: () => `75${digits(12)}`,
  yto: () => `YT${digits(13)}`,
  ems: () => `E${digits(9)}CN`,
};

function digits(n: number): string {
  return Array.from({ length: n }, () => randomInt(10)).join('');
}

/**
 * Scores every carrier on cost, transit days and on-time rate for the lane
 * (equal weight to cost and speed, punctuality as the tie-breaker) and takes
 * the best. Unknown distance (destination not on the map) assumes 1,000 km.
 * The on-time rate is the rate card's blended with the carrier's observed
 * record (`blendedOnTimeRate`): a carrier that keeps failing loses lanes.
 */
export class BalancedCarrierSelection implements CarrierSelectionStrategy {
  readonly name = 'balanced';

  constructor(private readonly offers: CarrierOffer[] = RATE_CARD) {}

  choose(distanceKm: number | null, units: number, punctuality?: Punctuality): CarrierChoice {
    const km = distanceKm ?? 1000;
    const quotes = this.offers.map((o) => ({
      offer: o,
      onTime: punctuality
        ? blendedOnTimeRate(o.onTimeRate, punctuality.records.get(o.code) ?? NO_RECORD, punctuality.priorWeight)
        : o.onTimeRate,
      cost: o.baseCost + o.costPerUnit * units,
      days: 1 + Math.ceil(km / o.kmPerDay),
    }));
    const maxCost = Math.max(...quotes.map((q) => q.cost));
    const maxDays = Math.max(...quotes.map((q) => q.days));
    const scored = quotes
      .map((q) => ({
        ...q,
        score: 0.4 * (q.cost / maxCost) + 0.4 * (q.days / maxDays) + 0.2 * (1 - q.onTime) * 10,
      }))
      .sort((a, b) => a.score - b.score || a.offer.code.localeCompare(b.offer.code));
    const best = scored[0];
    return {
      carrier: best.offer.code,
      transitDays: best.days,
      cost: Math.round(best.cost * 100) / 100,
      reason:
        `${best.offer.code}: ${best.days} day(s), ¥${best.cost.toFixed(2)}, ` +
        `${Math.round(best.onTime * 100)}% on time over ${Math.round(km)} km`,
    };
  }

  trackingNumber(carrier: string): string {
    return (FORMATS[carrier] ?? (() => `SG${digits(12)}`))();
  }
}
