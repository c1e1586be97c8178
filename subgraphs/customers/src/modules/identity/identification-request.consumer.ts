import {
  EventTypes,
  type BuyerIdentificationRequested,
  type BuyerIdentified,
  type ConsumerDefinition,
} from '@supply-graph/shared';
import { identifyBuyerIn } from './identify-buyer.service';

/**
 * Intake's asynchronous path: orders accepted an order while customers did
 * not answer, and asks here through the bus. The buyer is identified with the
 * `identifyBuyer` rule in the consumer's transaction and the answer,
 * `buyer.identified`, commits with it. A redelivered request is skipped by
 * the inbox; a repeated one (a new event for the same order) finds the
 * identity already attached and gives the same customer.
 */
export function identificationConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'customers.identify',
      types: [EventTypes.buyerIdentificationRequested],
      // Identification takes advisory locks per buyer key: one event per transaction, as the mutation does.
      batch: false,
      async handle(event, tx) {
        const { orderId, channel, buyer } = event.payload as BuyerIdentificationRequested;
        const identified = await identifyBuyerIn(tx.manager, { channel, ...buyer });
        const answer: BuyerIdentified = {
          orderId,
          customerId: identified.customerId,
          matchedBy: identified.matchedBy,
          ...(identified.guest ? { guest: true } : {}),
        };
        await tx.emit({
          type: EventTypes.buyerIdentified,
          aggregateType: 'buyer-identification',
          aggregateId: orderId,
          aggregateVersion: 1,
          payload: answer,
        });
      },
    },
  ];
}
