import { conflict } from '@supply-graph/shared';
import { registerEnumType } from 'type-graphql';

export enum ReturnReceiptStatus {
  ROUTED = 'ROUTED',
  RECEIVED = 'RECEIVED',
  INSPECTED = 'INSPECTED',
}

registerEnumType(ReturnReceiptStatus, {
  name: 'ReturnReceiptStatus',
  description: 'Where a return stands at its warehouse.',
  valuesConfig: {
    ROUTED: { description: 'The receiving warehouse was chosen; the parcel is on its way.' },
    RECEIVED: {
      description: 'The parcel arrived (delivered there or booked in at the dock); it waits for inspection.',
    },
    INSPECTED: { description: "Every line's units were restocked, sent to refurbishment or scrapped. Final." },
  },
});

/** What happens to a receipt at the warehouse. */
export type ReceiptAction = 'receive' | 'inspect';

/** The one transition table of a receipt: received once, then inspected once. */
export const TRANSITIONS: Readonly<Record<ReturnReceiptStatus, readonly ReceiptAction[]>> = {
  [ReturnReceiptStatus.ROUTED]: ['receive'],
  [ReturnReceiptStatus.RECEIVED]: ['inspect'],
  [ReturnReceiptStatus.INSPECTED]: [],
};

export const canApply = (status: ReturnReceiptStatus, action: ReceiptAction): boolean =>
  TRANSITIONS[status].includes(action);

/** CONFLICT for an action the receipt's status does not allow; extensions name the return, its status and the action. */
export function receiptConflict(returnId: string, status: ReturnReceiptStatus, action: ReceiptAction) {
  return conflict(`Return ${returnId} is ${status} (${describe(status)}): it cannot be ${pastTense(action)}`, {
    returnId,
    status,
    action,
  });
}

function describe(status: ReturnReceiptStatus): string {
  switch (status) {
    case ReturnReceiptStatus.ROUTED:
      return 'the parcel has not arrived';
    case ReturnReceiptStatus.RECEIVED:
      return 'the parcel arrived';
    case ReturnReceiptStatus.INSPECTED:
      return 'its units were already judged';
    default:
      return unreachable(status);
  }
}

function pastTense(action: ReceiptAction): string {
  switch (action) {
    case 'receive':
      return 'received';
    case 'inspect':
      return 'inspected';
    default:
      return unreachable(action);
  }
}

function unreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}
