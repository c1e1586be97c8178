import type { EventTransaction } from '@supply-graph/shared';
import { carrierRecordsChanged } from './punctuality';

/** How one shipment (or one case) went for its carrier. */
interface Outcome {
  delivered: boolean;
  onTime: boolean;
  carrierFault: boolean;
}

/** What an outcome adds to its carrier's counts; a late or faulty delivery is observed but not on time. */
function counts(o: Outcome) {
  return {
    delivered: o.delivered ? 1 : 0,
    onTime: o.delivered && o.onTime && !o.carrierFault ? 1 : 0,
    carrierFaults: o.carrierFault ? 1 : 0,
    observed: o.delivered || o.carrierFault ? 1 : 0,
  };
}

/**
 * Causes of a logistics exception held against the carrier (WorkItemResolved.cause); the others (address,
 * customer, warehouse, weather...) are not its doing and leave its record alone.
 */
export const CARRIER_FAULT_CAUSES: ReadonlySet<string> = new Set(['CARRIER_DELAY', 'CARRIER_LOST', 'CARRIER_DAMAGE']);

/**
 * Merges `change` into the outcome stored under `key` and moves the carrier's counts by the difference, in the
 * caller's transaction. The row is created first and then locked, so two changes to one key serialise and a
 * change that is already recorded (a redelivered event) moves nothing. A fault, once recorded, stays. Returns
 * whether anything changed.
 */
export async function recordOutcome(
  tx: EventTransaction,
  key: string,
  carrier: string,
  change: Partial<Outcome>,
): Promise<boolean> {
  const { manager } = tx;
  await manager.query('INSERT INTO carrier_outcome (key, carrier_code) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    key,
    carrier,
  ]);
  const [row] = (await manager.query(
    `SELECT carrier_code AS carrier, delivered, on_time AS "onTime", carrier_fault AS "carrierFault"
     FROM carrier_outcome WHERE key = $1 FOR UPDATE`,
    [key],
  )) as (Outcome & { carrier: string })[];
  const before: Outcome = { delivered: row.delivered, onTime: row.onTime, carrierFault: row.carrierFault };
  const after: Outcome = {
    delivered: change.delivered ?? before.delivered,
    onTime: change.onTime ?? before.onTime,
    carrierFault: before.carrierFault || change.carrierFault === true,
  };
  if (
    after.delivered === before.delivered &&
    after.onTime === before.onTime &&
    after.carrierFault === before.carrierFault
  )
    return false;
  await manager.query(
    'UPDATE carrier_outcome SET delivered = $2, on_time = $3, carrier_fault = $4, updated_at = now() WHERE key = $1',
    [key, after.delivered, after.onTime, after.carrierFault],
  );
  const [a, b] = [counts(after), counts(before)];
  // The outcome's first carrier keeps it: a case is counted against the carrier that had the shipment.
  await manager.query(
    `INSERT INTO carrier_performance AS p (carrier_code, delivered, on_time, carrier_faults, observed)
     VALUES ($1, greatest($2, 0), greatest($3, 0), greatest($4, 0), greatest($5, 0))
     ON CONFLICT (carrier_code) DO UPDATE SET delivered = p.delivered + $2, on_time = p.on_time + $3,
       carrier_faults = p.carrier_faults + $4, observed = p.observed + $5, updated_at = now()`,
    [
      row.carrier,
      a.delivered - b.delivered,
      a.onTime - b.onTime,
      a.carrierFaults - b.carrierFaults,
      a.observed - b.observed,
    ],
  );
  carrierRecordsChanged(tx);
  return true;
}

/**
 * A shipment reached DELIVERED: on time when its DELIVERED scan is before the end of the promised day (UTC) of
 * its ETA; a shipment without an ETA is not judged. Call under the shipment's row lock, after its status moved.
 */
export async function recordDelivery(tx: EventTransaction, shipmentId: string): Promise<boolean> {
  const [s] = (await tx.manager.query(
    `SELECT carrier_code AS carrier,
            delivered_at < date_trunc('day', estimated_delivery_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
              + interval '1 day' AS "onTime"
     FROM shipment WHERE id = $1 AND delivered_at IS NOT NULL AND estimated_delivery_at IS NOT NULL`,
    [shipmentId],
  )) as { carrier: string; onTime: boolean }[];
  return s ? recordOutcome(tx, shipmentId, s.carrier, { delivered: true, onTime: s.onTime }) : false;
}
