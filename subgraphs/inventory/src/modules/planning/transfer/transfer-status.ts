import { conflict } from '@supply-graph/shared';

export enum TransferStatus {
  IN_TRANSIT = 'IN_TRANSIT',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}

/** What an operator does to a transfer. */
export type TransferAction = 'receive' | 'cancel';

/**
 * The one transition table of a transfer: an open one can be received (in
 * parts: it stays IN_TRANSIT until the last unit arrives) or cancelled; the
 * other two are final, so a second receipt or cancellation changes nothing
 * and says so.
 */
export const TRANSITIONS: Readonly<Record<TransferStatus, readonly TransferAction[]>> = {
  [TransferStatus.IN_TRANSIT]: ['receive', 'cancel'],
  [TransferStatus.RECEIVED]: [],
  [TransferStatus.CANCELLED]: [],
};

export const canApply = (status: TransferStatus, action: TransferAction): boolean =>
  TRANSITIONS[status].includes(action);

/** CONFLICT for an action on a closed transfer; extensions name the transfer, its status and the action. */
export function closedTransfer(transferId: string, status: TransferStatus, action: TransferAction) {
  return conflict(`Transfer ${transferId} is ${status} (${describe(status)}): it cannot be ${pastTense(action)}`, {
    transferId,
    status,
    action,
  });
}

function describe(status: TransferStatus): string {
  switch (status) {
    case TransferStatus.IN_TRANSIT:
      return 'units on the way';
    case TransferStatus.RECEIVED:
      return 'every unit arrived';
    case TransferStatus.CANCELLED:
      return 'the rest went back to the source';
    default:
      return unreachable(status);
  }
}

function pastTense(action: TransferAction): string {
  switch (action) {
    case 'receive':
      return 'received';
    case 'cancel':
      return 'cancelled';
    default:
      return unreachable(action);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled transfer case ${String(value)}`);
}
