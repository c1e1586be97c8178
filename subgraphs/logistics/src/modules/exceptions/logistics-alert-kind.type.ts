import { registerEnumType } from 'type-graphql';

/** Why a shipment was turned into an EXCEPTION by the scan (not by a carrier). */
export enum LogisticsAlertKind {
  /** No carrier scan for the configured number of hours. */
  NO_SCAN = 'NO_SCAN',
  /** Still not delivered after its estimated delivery time. */
  PAST_ETA = 'PAST_ETA',
}

registerEnumType(LogisticsAlertKind, {
  name: 'LogisticsAlertKind',
  description: 'Why a shipment became an EXCEPTION: NO_SCAN (no carrier scan for too long) or PAST_ETA (late).',
});
