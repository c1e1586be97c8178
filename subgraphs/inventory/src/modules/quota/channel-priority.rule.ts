/**
 * The channel priority rule, free of SQL so it can be tested alone.
 *
 * When stock is short, waiting orders are served by their channel's priority
 * (higher first), then by age (oldest first). A channel without a priority has
 * DEFAULT_CHANNEL_PRIORITY. Priority is a hard line between channels: an order
 * never takes units that orders of a higher-priority channel are waiting for,
 * whether it is new or waiting itself, so a stream of small orders of a lower
 * channel cannot starve a larger one of a higher channel (the held-back order's
 * reason names what it waits behind). Within one priority age only decides who
 * is offered units first: an order that does not fit yet holds nothing back
 * from a younger one that does (as without priorities), so one large order
 * cannot stall its channel.
 *
 * Quotas still apply: a waiting order its channel's quota holds back waits for
 * quota room, not for stock, so it holds back nothing from anyone.
 */
import type { LockedStock, OrderPools } from '../presale/presale-pools';
import { presaleKey } from '../presale/presale-pools';

/** The priority of a channel nobody set one for. */
export const DEFAULT_CHANNEL_PRIORITY = 0;
/** The range a priority may take: room to put a channel above or below the default. */
export const PRIORITY_RANGE = { min: -1000, max: 1000 } as const;

/** Units of one pool key (`sku`, or `presaleKey(sku)`) that orders of higher-priority channels wait for. */
export type UnitsAhead = Map<string, number>;

/** One pool of one SKU the order cannot take without cutting in front of a higher-priority channel. */
export interface PriorityShortfall {
  sku: string;
  presale: boolean;
  wanted: number;
  /** Units that could be sold now (both pools: available over all warehouses). */
  available: number;
  ahead: number;
  /** wanted - (available - ahead), at most wanted: what the order is short of. */
  missing: number;
}

/** Adds a waiting order's units to the running total, per pool key. */
export function addAhead(ahead: UnitsAhead, pools: OrderPools): void {
  for (const line of pools.routingLines) ahead.set(line.sku, (ahead.get(line.sku) ?? 0) + line.quantity);
}

/**
 * The order's pools that the units ahead of it leave too little of: for each,
 * the units that could be sold now over all warehouses, less what
 * higher-priority waiting orders need, must cover what this order wants.
 */
export function priorityShortfalls(pools: OrderPools, stock: LockedStock[], ahead: UnitsAhead): PriorityShortfall[] {
  const shortfalls: PriorityShortfall[] = [];
  for (const line of pools.routingLines) {
    const waitingFor = ahead.get(line.sku) ?? 0;
    if (!waitingFor) continue;
    const pool = pools.keys.get(line.sku)!;
    const available = stock
      .filter((s) => s.sku === pool.sku)
      .reduce((n, s) => n + Math.max(0, pool.presale ? s.presaleAvailable : s.available), 0);
    const free = available - waitingFor;
    if (free >= line.quantity) continue;
    shortfalls.push({
      sku: pool.sku,
      presale: pool.presale,
      wanted: line.quantity,
      available,
      ahead: waitingFor,
      missing: Math.min(line.quantity, line.quantity - free),
    });
  }
  return shortfalls;
}

/** A sentence naming what higher-priority channels wait for, for the backorder reason. */
export function describeShortfalls(channel: string, priority: number, shortfalls: PriorityShortfall[]): string {
  const parts = shortfalls.map(
    (s) =>
      `orders of channels above ${channel} (priority ${priority}) wait for ${s.ahead} of ` +
      `${s.presale ? presaleKey(s.sku) : s.sku}, ${s.available} available, this order needs ${s.wanted}`,
  );
  return `channel priority: ${parts.join('; ')}`;
}
