import { graphql } from '../generated/suites';
import { RECORD_SCAN } from '../support/documents';
import type { PlatformUnderTest } from '../support/use-platform';

/** Adds or changes a desk operator (`upsertOperator`): who takes which kinds of work, and how much at once. */
export const UPSERT_OPERATOR = graphql(`
  mutation DeskUpsertOperator($input: OperatorInput!) { upsertOperator(input: $input) { sub skills capacity openItems } }
`);

/** The shipment's carrier reports it as an EXCEPTION now (its tracking webhook), which opens a desk item. */
export const reportException = (ask: PlatformUnderTest['ask'], s: { carrier_code: string; tracking_number: string }) =>
  ask(RECORD_SCAN, {
    input: {
      carrier: s.carrier_code,
      trackingNumber: s.tracking_number,
      status: 'EXCEPTION',
      at: new Date().toISOString(),
    },
  });
