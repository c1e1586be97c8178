import { ShipmentStatus } from '../../shipment/shipment-status.type';
import { detectException, formatDuration, type ExceptionCandidate } from '../exception-rule';
import { LogisticsAlertKind } from '../logistics-alert-kind.type';

const HOUR = 3_600_000;
const now = new Date('2026-11-24T12:00:00Z');
const hoursBefore = (h: number) => new Date(now.getTime() - h * HOUR);
const candidate = (over: Partial<ExceptionCandidate> = {}): ExceptionCandidate => ({
  status: ShipmentStatus.IN_TRANSIT,
  estimatedDeliveryAt: new Date(now.getTime() + 24 * HOUR),
  lastScanAt: hoursBefore(1),
  etaAlerted: false,
  stallAlerted: false,
  ...over,
});

describe('detectException', () => {
  it('flags an open parcel without a scan for the configured hours, saying how long', () => {
    expect(detectException(candidate({ lastScanAt: hoursBefore(52) }), now, 48)).toEqual({
      kind: LogisticsAlertKind.NO_SCAN,
      detail: 'no scan for 52 h',
      basisAt: hoursBefore(52),
    });
    // Exactly at the threshold counts; just under it does not.
    expect(detectException(candidate({ lastScanAt: hoursBefore(48) }), now, 48)?.kind).toBe(LogisticsAlertKind.NO_SCAN);
    expect(detectException(candidate({ lastScanAt: new Date(hoursBefore(48).getTime() + 1000) }), now, 48)).toBeNull();
    // The threshold is the setting, not a constant.
    expect(detectException(candidate({ lastScanAt: hoursBefore(13) }), now, 12)?.detail).toBe('no scan for 13 h');
  });

  it('flags a parcel past its ETA even when it was scanned recently', () => {
    const eta = hoursBefore(6);
    expect(detectException(candidate({ estimatedDeliveryAt: eta }), now, 48)).toEqual({
      kind: LogisticsAlertKind.PAST_ETA,
      detail: 'past ETA by 6 h',
      basisAt: eta,
    });
    expect(
      detectException(candidate({ estimatedDeliveryAt: new Date(now.getTime() - 20 * 60_000) }), now, 48)?.detail,
    ).toBe('past ETA by 20 min');
  });

  it('names both reasons when a late parcel is also quiet, and alerts as PAST_ETA', () => {
    const found = detectException(
      candidate({ estimatedDeliveryAt: hoursBefore(24), lastScanAt: hoursBefore(72) }),
      now,
      48,
    );
    expect(found).toMatchObject({ kind: LogisticsAlertKind.PAST_ETA, detail: 'past ETA by 24 h; no scan for 72 h' });
  });

  it('leaves alone a parcel on time and scanned recently, and one without an ETA that is not quiet', () => {
    expect(detectException(candidate(), now, 48)).toBeNull();
    expect(detectException(candidate({ estimatedDeliveryAt: null }), now, 48)).toBeNull();
  });

  it('never flags a delivered, returned or already failed parcel', () => {
    const overdue = { estimatedDeliveryAt: hoursBefore(100), lastScanAt: hoursBefore(100) };
    for (const status of [ShipmentStatus.DELIVERED, ShipmentStatus.RETURNED, ShipmentStatus.EXCEPTION]) {
      expect(detectException(candidate({ ...overdue, status }), now, 48)).toBeNull();
    }
    for (const status of [ShipmentStatus.CREATED, ShipmentStatus.OUT_FOR_DELIVERY]) {
      expect(detectException(candidate({ ...overdue, status }), now, 48)).not.toBeNull();
    }
  });

  it('flags a missed ETA once; a late parcel that moves again is flagged only if it then goes quiet', () => {
    const late = { estimatedDeliveryAt: hoursBefore(30), etaAlerted: true };
    expect(detectException(candidate({ ...late, lastScanAt: hoursBefore(2) }), now, 48)).toBeNull();
    expect(detectException(candidate({ ...late, lastScanAt: hoursBefore(50) }), now, 48)).toMatchObject({
      kind: LogisticsAlertKind.NO_SCAN,
      detail: 'no scan for 50 h',
    });
  });

  it('flags one stall once: the same last scan already alerted gives nothing new', () => {
    expect(detectException(candidate({ lastScanAt: hoursBefore(60), stallAlerted: true }), now, 48)).toBeNull();
  });

  it('judges nothing when a scan is later than the time it is asked about', () => {
    const future = new Date(now.getTime() + HOUR);
    expect(
      detectException(candidate({ lastScanAt: future, estimatedDeliveryAt: hoursBefore(10) }), now, 48),
    ).toBeNull();
  });
});

describe('formatDuration', () => {
  it('gives minutes under an hour and whole hours, rounded down, above', () => {
    expect(formatDuration(59 * 60_000 + 59_000)).toBe('59 min');
    expect(formatDuration(HOUR)).toBe('1 h');
    expect(formatDuration(52.9 * HOUR)).toBe('52 h');
  });
});
