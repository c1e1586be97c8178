import { badUserInput, type EventTransaction } from '@supply-graph/shared';
import type { LogisticsContext } from '../../context';
import type { ShipmentStatus } from '../shipment/shipment-status.type';
import { inChannels } from '../shipment/shipment-access';
import { applyScans } from '../tracking/tracking.service';
import { detectException } from './exception-rule';
import type { LogisticsAlertKind } from './logistics-alert-kind.type';
import type { LogisticsAlert, ScanResult } from './logistics-alert.type';

/**
 * What a scan needs: the outbox transaction and the settings; the periodic job
 * has no request context. With a channel-scoped `principal` (a caller's
 * `scanForExceptions`) only its channels' shipments are judged.
 */
export type ScanDeps = Pick<LogisticsContext, 'events' | 'settings'> & Partial<Pick<LogisticsContext, 'principal'>>;

const MAX_ALERTS = 100;
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

interface CandidateRow {
  id: string;
  status: ShipmentStatus;
  eta: Date | null;
  last_scan_at: Date;
  eta_alerted: boolean;
  stall_alerted: boolean;
}

// Open shipments that are late or quiet and not yet alerted for that, in id order from a
// cursor. FOR UPDATE serialises with recordTrackingEvent (which locks the same row);
// SKIP LOCKED lets a second scanner (another replica) take other rows instead of waiting,
// and after the first one commits the row is no longer open, so it is never flagged twice.
const CANDIDATES = `
  SELECT s.id, s.status, s.estimated_delivery_at AS eta, q.last_scan_at,
         EXISTS (SELECT 1 FROM logistics_alert a WHERE a.shipment_id = s.id AND a.kind = 'PAST_ETA'
                 AND a.basis_at = s.estimated_delivery_at) AS eta_alerted,
         EXISTS (SELECT 1 FROM logistics_alert a WHERE a.shipment_id = s.id AND a.kind = 'NO_SCAN'
                 AND a.basis_at = q.last_scan_at) AS stall_alerted
  FROM shipment s
  CROSS JOIN LATERAL (
    SELECT COALESCE((SELECT max(e.at) FROM tracking_event e WHERE e.shipment_id = s.id), s.created_at) AS last_scan_at
  ) q
  WHERE s.status IN ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY') AND s.id > $1 AND q.last_scan_at <= $2
    AND (s.estimated_delivery_at < $2 OR q.last_scan_at <= $2 - make_interval(secs => $3)) AND ${inChannels('s', '$5')}
  ORDER BY s.id
  LIMIT $4
  FOR UPDATE OF s SKIP LOCKED`;

export const exceptionsService = {
  /**
   * Turns every open shipment that is quiet for too long or past its ETA into an
   * EXCEPTION at `now`: a synthetic EXCEPTION scan saying why, the status
   * recomputed and announced exactly as for a carrier's scan, and one alert.
   * Works in batches, one transaction each. Repeat-safe and safe to run on
   * several replicas at once: a shipment is flagged once per stall and per ETA.
   */
  async scan(deps: ScanDeps, now: Date = new Date()): Promise<ScanResult> {
    const { noScanHours, batchSize } = deps.settings.exceptions;
    const channels = deps.principal?.channels ?? null;
    let cursor = FIRST_UUID;
    let flagged = 0;
    for (;;) {
      const batch = await deps.events.transaction(async (tx) => {
        const rows = (await tx.manager.query(CANDIDATES, [
          cursor,
          now,
          noScanHours * 3600,
          batchSize,
          channels,
        ])) as CandidateRow[];
        let count = 0;
        for (const row of rows) if (await flag(tx, row, now, noScanHours)) count += 1;
        return { count, size: rows.length, last: rows.length ? rows[rows.length - 1].id : cursor };
      });
      flagged += batch.count;
      if (batch.size < batchSize) return { flagged, at: now };
      cursor = batch.last;
    }
  },

  /**
   * The `first` (1..100) most recent alerts, newest first, raised at or after
   * `since` when given; of the caller's channels' shipments only.
   */
  async recent(
    ctx: LogisticsContext,
    first: number | null | undefined,
    since: Date | null | undefined,
  ): Promise<LogisticsAlert[]> {
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > MAX_ALERTS) {
      throw badUserInput(`"first" must be between 1 and ${MAX_ALERTS}`, [
        { field: 'first', message: `must be between 1 and ${MAX_ALERTS}, got ${String(first)}` },
      ]);
    }
    // The join hides alerts of shipments voided since (there is no foreign key, see the migration)
    // and of shipments outside the caller's channels.
    const rows = (await ctx.db.query(
      `SELECT a.id, a.shipment_id, a.kind, a.detail, a.raised_at FROM logistics_alert a
       JOIN shipment s ON s.id = a.shipment_id
       WHERE ($2::timestamptz IS NULL OR a.raised_at >= $2) AND ${inChannels('s', '$3')}
       ORDER BY a.raised_at DESC, a.id DESC LIMIT $1`,
      [size, since ?? null, ctx.principal.channels],
    )) as { id: string; shipment_id: string; kind: LogisticsAlertKind; detail: string; raised_at: Date }[];
    return rows.map((r) => ({
      id: r.id,
      shipmentId: r.shipment_id,
      kind: r.kind,
      detail: r.detail,
      raisedAt: r.raised_at,
    }));
  },
};

/** Flags one locked candidate; false when the rule (or an alert raised meanwhile) says there is nothing new. */
async function flag(tx: EventTransaction, row: CandidateRow, now: Date, noScanHours: number): Promise<boolean> {
  const found = detectException(
    {
      status: row.status,
      estimatedDeliveryAt: row.eta,
      lastScanAt: row.last_scan_at,
      etaAlerted: row.eta_alerted,
      stallAlerted: row.stall_alerted,
    },
    now,
    noScanHours,
  );
  if (!found) return false;
  // The unique (shipment, kind, basis) is the last guard against a second alert for the same stall or ETA.
  const raised = (await tx.manager.query(
    `INSERT INTO logistics_alert (shipment_id, kind, detail, basis_at, raised_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (shipment_id, kind, basis_at) DO NOTHING RETURNING id`,
    [row.id, found.kind, found.detail, found.basisAt, now],
  )) as unknown[];
  if (!raised.length) return false;
  await tx.manager.query(
    `INSERT INTO tracking_event (shipment_id, at, status, location, description) VALUES ($1, $2, 'EXCEPTION', NULL, $3)
     ON CONFLICT (shipment_id, at, status) DO NOTHING`,
    [row.id, now, found.detail],
  );
  const updated = await applyScans(tx, row.id, row.status, now);
  return updated.status === 'EXCEPTION';
}
