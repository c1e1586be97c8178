import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ParkedEventStatus {
  PARKED = 'PARKED',
  RETRY_REQUESTED = 'RETRY_REQUESTED',
  RETRIED = 'RETRIED',
  FAILED_AGAIN = 'FAILED_AGAIN',
}

registerEnumType(ParkedEventStatus, {
  name: 'ParkedEventStatus',
  description: 'Where a parked event stands.',
  valuesConfig: {
    PARKED: { description: 'Given up on after EVENT_MAX_ATTEMPTS failures; waiting for an operator.' },
    RETRY_REQUESTED: { description: 'An operator asked for a retry; the owning service has not answered yet.' },
    RETRIED: { description: 'Handled on retry. An order held for it is released.' },
    FAILED_AGAIN: { description: 'The retry failed too (`error` is the new failure); it can be retried again.' },
  },
});

@ObjectType({
  description:
    "An event a service's consumer failed to handle EVENT_MAX_ATTEMPTS times (default 5, with exponential backoff " +
    'between tries; outages of PostgreSQL or the bus do not count) and set aside (a dead letter), so the events ' +
    'after it flow on. The order it concerns, if any, is put ON_HOLD with the reason when it is PENDING or ' +
    'BACKORDERED.',
})
export class ParkedEvent {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The service whose consumer parked it, e.g. "inventory".' })
  service: string;

  @Field(() => String, { description: 'The consumer that failed, e.g. "inventory.allocate".' })
  consumer: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => String, { description: 'e.g. "order.placed".' })
  eventType: string;

  @Field(() => String)
  aggregateType: string;

  @Field(() => String)
  aggregateId: string;

  @Field(() => ID, { nullable: true, description: 'The order the event concerns, when it concerns one.' })
  orderId: string | null;

  @Field(() => String, { description: 'The last failure.' })
  error: string;

  @Field(() => Int, { description: 'Failed attempts so far, retries included.' })
  attempts: number;

  @Field(() => Date)
  parkedAt: Date;

  @Field(() => ParkedEventStatus)
  status: ParkedEventStatus;

  @Field(() => Date, { nullable: true, description: 'When the last requested retry finished.' })
  retriedAt: Date | null;
}
