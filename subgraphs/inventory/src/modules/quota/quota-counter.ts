import type { SqlExecutor } from '@supply-graph/shared';
import type { QuotaState } from './quota-rule';

/** Units of one SKU moving in or out of a channel's count. */
export interface HeldChange {
  channel: string | null;
  sku: string;
  quantity: number;
}

/**
 * Locks the channel's quota rows for these SKUs, in SKU order. Callers hold
 * the SKUs' stock rows already: stock rows first, quota rows second is the one
 * lock order every writer follows, so quotas never add a deadlock.
 */
export async function lockQuotas(db: SqlExecutor, channel: string, skus: string[]): Promise<QuotaState[]> {
  const rows = (await db.query(
    `SELECT sku, max_units AS "maxUnits", round(max_share * 10000)::int AS "shareBp", held FROM channel_quota
     WHERE channel = $1 AND sku = ANY($2) ORDER BY sku FOR UPDATE`,
    [channel, skus],
  )) as QuotaState[];
  return rows;
}

/** Adds reserved units to the channel's count of each quota row locked by `lockQuotas`. */
export async function addHeld(
  db: SqlExecutor,
  channel: string,
  quotas: QuotaState[],
  demand: Map<string, number>,
): Promise<void> {
  const counted = quotas.filter((q) => demand.get(q.sku));
  if (!counted.length) return;
  await db.query(
    `UPDATE channel_quota q SET held = q.held + d.qty, updated_at = now()
     FROM unnest($2::text[], $3::int[]) AS d(sku, qty) WHERE q.channel = $1 AND q.sku = d.sku`,
    [channel, counted.map((q) => q.sku), counted.map((q) => demand.get(q.sku)!)],
  );
}

/**
 * Takes released or shipped units off their channels' counts. Only rows that
 * exist change (a channel without a quota keeps no count); they are locked in
 * (channel, sku) order first, after the stock rows the caller already holds.
 * Returns the SKUs whose count went down, so waiting orders can be offered the room.
 */
export async function releaseHeld(db: SqlExecutor, changes: HeldChange[]): Promise<string[]> {
  const totals = new Map<string, HeldChange>();
  for (const c of changes) {
    if (c.channel === null || c.quantity <= 0) continue;
    const key = `${c.channel}\u0000${c.sku}`;
    const prev = totals.get(key);
    totals.set(key, { channel: c.channel, sku: c.sku, quantity: (prev?.quantity ?? 0) + c.quantity });
  }
  if (!totals.size) return [];
  const list = [...totals.values()];
  const channels = list.map((c) => c.channel);
  const skus = list.map((c) => c.sku);
  const locked = (await db.query(
    `SELECT q.channel, q.sku FROM channel_quota q JOIN unnest($1::text[], $2::text[]) AS d(channel, sku)
       ON q.channel = d.channel AND q.sku = d.sku
     ORDER BY q.channel, q.sku FOR UPDATE OF q`,
    [channels, skus],
  )) as { channel: string; sku: string }[];
  if (!locked.length) return [];
  // Never below 0: a count that drifted (a bug) must not block releases and shipments with a CHECK violation.
  await db.query(
    `UPDATE channel_quota q SET held = greatest(q.held - d.qty, 0), updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::int[]) AS d(channel, sku, qty)
       WHERE q.channel = d.channel AND q.sku = d.sku`,
    [channels, skus, list.map((c) => c.quantity)],
  );
  return [...new Set(locked.map((r) => r.sku))];
}
