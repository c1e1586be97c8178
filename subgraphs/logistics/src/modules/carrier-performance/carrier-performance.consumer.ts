import {
  EventTypes,
  isUuid,
  type ConsumerDefinition,
  type EventTransaction,
  type WorkItemResolved,
} from '@supply-graph/shared';
import { normalizeCarrierCode } from '../carrier/carrier.service';
import { CARRIER_FAULT_CAUSES, recordOutcome } from './carrier-outcome.service';

/**
 * A resolved logistics exception whose cause is the carrier's (delay, loss, damage) counts against that carrier's
 * on-time record, which carrier selection plans with. Other causes, other kinds and items naming no carrier change
 * nothing. Keyed by the shipment the item is about (by the work item when it names none), so a redelivered event,
 * or the same case resolved twice, counts once; the inbox skips redeliveries before that. Planning sees the change
 * from its commit on (punctuality.ts).
 */
export function carrierPerformanceConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'logistics.carrier-record',
      types: [EventTypes.workItemResolved],
      async handle(event, tx) {
        await recordWorkItem(tx, event.payload as WorkItemResolved);
      },
    },
  ];
}

/** Applies one resolution; true when the carrier's record moved. */
export async function recordWorkItem(tx: EventTransaction, item: WorkItemResolved): Promise<boolean> {
  const { manager } = tx;
  if (item.kind !== 'LOGISTICS_EXCEPTION' || !item.cause || !CARRIER_FAULT_CAUSES.has(item.cause)) return false;
  const shipmentId = item.subject.type === 'Shipment' && isUuid(item.subject.id) ? item.subject.id.toLowerCase() : null;
  // The shipment's own carrier when it is known here; the item's otherwise.
  const [shipment] = shipmentId
    ? ((await manager.query('SELECT carrier_code AS carrier FROM shipment WHERE id = $1', [shipmentId])) as {
        carrier: string;
      }[])
    : [];
  const carrier = shipment?.carrier ?? (item.carrier ? normalizeCarrierCode(item.carrier) : null);
  if (!carrier) return false;
  const known = (await manager.query('SELECT 1 FROM carrier WHERE code = $1', [carrier])) as unknown[];
  if (!known.length) return false;
  return recordOutcome(tx, shipment ? shipmentId! : `work-item:${item.workItemId}`, carrier, {
    carrierFault: true,
  });
}
