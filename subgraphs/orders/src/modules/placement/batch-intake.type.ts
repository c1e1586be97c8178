import { Field, Int, ObjectType } from 'type-graphql';
import { IntakeProblem } from '../intake-quality/intake-quality.type';

@ObjectType('IntakeResult', { description: 'What became of one payload of an importChannelOrders batch.' })
export class BatchIntakeResult {
  @Field(() => Int, { description: "The payload's position in the batch, from 0; results come in input order." })
  index: number;

  /** The order made or matched; resolved through the order loader by `order`. */
  orderId: string | null;

  @Field(() => Boolean, {
    description: 'True when this payload created its order; false for a repeat and for a rejection.',
  })
  created: boolean;

  @Field(() => [IntakeProblem], {
    description:
      'Why the payload was rejected (what importChannelOrder would list in its BAD_USER_INPUT); empty when accepted.',
  })
  errors: IntakeProblem[];
}
