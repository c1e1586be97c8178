import { ShipmentStatus } from '../shipment/shipment-status.type';
import { LogisticsAlertKind } from './logistics-alert-kind.type';

/** What the rule needs to know about one shipment. */
export interface ExceptionCandidate {
  status: ShipmentStatus;
  estimatedDeliveryAt: Date | null;
  /** The latest scan's time (the label's creation when the carrier never scanned it). */
  lastScanAt: Date;
  /** A PAST_ETA alert was already raised for this ETA. */
  etaAlerted: boolean;
  /** A NO_SCAN alert was already raised for this last scan. */
  stallAlerted: boolean;
}

export interface DetectedException {
  kind: LogisticsAlertKind;
  /** For operators and the synthetic scan, e.g. "past ETA by 6 h; no scan for 52 h". */
  detail: string;
  /** What the alert is about (the missed ETA or the last scan); one alert per basis. */
  basisAt: Date;
}

const HOUR = 3_600_000;

/** Whether a parcel is still on its way: the only state in which it can go quiet or be late. */
export function isOpen(status: ShipmentStatus): boolean {
  switch (status) {
    case ShipmentStatus.CREATED:
    case ShipmentStatus.IN_TRANSIT:
    case ShipmentStatus.OUT_FOR_DELIVERY:
      return true;
    // Already an exception (by a carrier or by us): flagged again only after a newer scan reopens it.
    case ShipmentStatus.EXCEPTION:
    case ShipmentStatus.DELIVERED:
    case ShipmentStatus.RETURNED:
      return false;
    default: {
      const unreachable: never = status;
      throw new Error(`unknown shipment status ${String(unreachable)}`);
    }
  }
}

/** "35 min" under an hour, else whole hours ("52 h"): precise enough to act on, rounded down. */
export function formatDuration(ms: number): string {
  return ms < HOUR ? `${Math.floor(ms / 60_000)} min` : `${Math.floor(ms / HOUR)} h`;
}

/**
 * Decides whether an open shipment becomes an EXCEPTION at `now`:
 * - PAST_ETA when its ETA has passed, once per ETA (a late parcel that moves
 *   again is not flagged at every scan; if it stalls, NO_SCAN catches it);
 * - NO_SCAN when its last scan is at least `noScanHours` old, once per last scan.
 * PAST_ETA wins when both hold (the promise to the customer is what broke); the
 * detail names both. A scan later than `now` means `now` is not the present for
 * this parcel, so nothing is decided.
 */
export function detectException(c: ExceptionCandidate, now: Date, noScanHours: number): DetectedException | null {
  if (!isOpen(c.status) || c.lastScanAt > now) return null;
  const quietMs = now.getTime() - c.lastScanAt.getTime();
  const stalled = quietMs >= noScanHours * HOUR;
  const late = c.estimatedDeliveryAt !== null && c.estimatedDeliveryAt < now;
  const stallNote = `no scan for ${formatDuration(quietMs)}`;
  if (late && !c.etaAlerted) {
    const lateBy = `past ETA by ${formatDuration(now.getTime() - c.estimatedDeliveryAt!.getTime())}`;
    return {
      kind: LogisticsAlertKind.PAST_ETA,
      detail: stalled ? `${lateBy}; ${stallNote}` : lateBy,
      basisAt: c.estimatedDeliveryAt!,
    };
  }
  if (stalled && !c.stallAlerted) return { kind: LogisticsAlertKind.NO_SCAN, detail: stallNote, basisAt: c.lastScanAt };
  return null;
}
