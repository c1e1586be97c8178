import type { LogisticsContext } from '../../context';
import type { Carrier } from '../carrier/carrier.type';
import { RATE_CARD } from '../planning/carrier-selection.strategy';
import type { CarrierPerformance } from './carrier-performance.type';
import { NO_RECORD, blendedOnTimeRate } from './punctuality';

export const carrierPerformanceService = {
  async carriers(ctx: LogisticsContext): Promise<Carrier[]> {
    return (await ctx.db.query('SELECT code, name, mode FROM carrier ORDER BY code')) as Carrier[];
  },

  async performance(ctx: LogisticsContext, code: string): Promise<CarrierPerformance> {
    const r = (await ctx.loaders.carrierRecords.load('all')).get(code) ?? NO_RECORD;
    return { ...r, observedOnTimeRate: r.observed ? Math.round((r.onTime / r.observed) * 1e4) / 1e4 : null };
  },

  /** The blended rate of the default strategy's rate card (the prior a deployment's own strategy may not share). */
  async onTimeRate(ctx: LogisticsContext, code: string): Promise<number | null> {
    const offer = RATE_CARD.find((o) => o.code === code);
    if (!offer) return null;
    const record = (await ctx.loaders.carrierRecords.load('all')).get(code) ?? NO_RECORD;
    return Math.round(blendedOnTimeRate(offer.onTimeRate, record, ctx.settings.carriers.priorWeight) * 1e4) / 1e4;
  },
};
