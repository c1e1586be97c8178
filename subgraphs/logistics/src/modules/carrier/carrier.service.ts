import type { LogisticsContext } from '../../context';
import type { CarrierEntity } from './carrier.entity';
import type { Carrier } from './carrier.type';

/** How a carrier moves parcels. */
export type CarrierMode = 'ROAD' | 'AIR' | 'EXPRESS';

// The demo data set names carriers by code only; their mode is known per code.
const MODES: Readonly<Record<string, CarrierMode>> = {
  sf: 'EXPRESS',
  'jd-logistics': 'EXPRESS',
  zto: 'ROAD',
  yto: 'ROAD',
  sto: 'ROAD',
  ems: 'AIR',
};

/** The mode of a carrier known by code; unknown carriers are assumed to be road hauliers. */
export const carrierModeFor = (code: string): CarrierMode => MODES[code.toLowerCase()] ?? 'ROAD';

/** Carrier codes are lower-case; webhooks and clients may send them in any case. */
export const normalizeCarrierCode = (code: string): string => code.trim().toLowerCase();

const toCarrier = (row: CarrierEntity): Carrier => ({ code: row.code, name: row.name, mode: row.mode });

export const carrierService = {
  async findByCode(ctx: LogisticsContext, code: string): Promise<Carrier | null> {
    const row = await ctx.loaders.carrierByCode.load(normalizeCarrierCode(code));
    return row && toCarrier(row);
  },
};
