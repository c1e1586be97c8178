import { conflict } from '@supply-graph/shared';

/** Where a return stands. The transitions are the one table below. */
export enum ReturnStatus {
  REQUESTED = 'REQUESTED',
  AUTHORISED = 'AUTHORISED',
  REJECTED = 'REJECTED',
  IN_TRANSIT = 'IN_TRANSIT',
  RECEIVED = 'RECEIVED',
  INSPECTED = 'INSPECTED',
  REFUNDED = 'REFUNDED',
  CLOSED = 'CLOSED',
}

/**
 * The one transition table of the return lifecycle. The steps after
 * AUTHORISED are driven by inventory's and logistics' events, which may arrive
 * out of order or be missed (a parcel booked in at the dock without a tracking
 * scan), so a later step may skip the ones between: INSPECTED straight from
 * AUTHORISED is allowed, going back never is.
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  [ReturnStatus.REQUESTED]: [ReturnStatus.AUTHORISED, ReturnStatus.REJECTED],
  [ReturnStatus.AUTHORISED]: [ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.INSPECTED],
  [ReturnStatus.IN_TRANSIT]: [ReturnStatus.RECEIVED, ReturnStatus.INSPECTED],
  [ReturnStatus.RECEIVED]: [ReturnStatus.INSPECTED],
  // Inspection settles the money at once: REFUNDED when something is paid back, CLOSED when nothing is.
  [ReturnStatus.INSPECTED]: [ReturnStatus.REFUNDED, ReturnStatus.CLOSED],
  [ReturnStatus.REFUNDED]: [],
  [ReturnStatus.CLOSED]: [],
  [ReturnStatus.REJECTED]: [],
};

/** The timestamp column a status sets when a return reaches it. */
export function stampColumnOf(status: ReturnStatus): string | null {
  switch (status) {
    case ReturnStatus.REQUESTED:
      return 'requested_at';
    case ReturnStatus.AUTHORISED:
      return 'authorised_at';
    case ReturnStatus.RECEIVED:
      return 'received_at';
    case ReturnStatus.INSPECTED:
      return 'inspected_at';
    case ReturnStatus.REFUNDED:
    case ReturnStatus.CLOSED:
      return 'refunded_at';
    case ReturnStatus.IN_TRANSIT:
    case ReturnStatus.REJECTED:
      return null;
    default:
      throw new UnreachableStatus(status);
  }
}

class UnreachableStatus extends Error {
  constructor(value: never) {
    super(`unknown return status ${String(value)}`);
  }
}

/** Statuses from which `to` may be reached. */
export function returnSourcesOf(to: ReturnStatus): ReturnStatus[] {
  return (Object.keys(RETURN_TRANSITIONS) as ReturnStatus[]).filter((from) => RETURN_TRANSITIONS[from].includes(to));
}

export function canMoveReturn(from: ReturnStatus, to: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[from].includes(to);
}

export function invalidReturnTransition(returnId: string, from: ReturnStatus, to: ReturnStatus) {
  const allowed = RETURN_TRANSITIONS[from];
  return conflict(
    `Return ${returnId} is ${from} and cannot become ${to}` +
      (allowed.length ? ` (from ${from} it can become ${allowed.join(', ')})` : ` (${from} is final)`),
    { returnId, status: from, requested: to },
  );
}
