import { Pii } from '@supply-graph/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Why intake refused a payload: the payload path and what is wrong there.' })
export class IntakeProblem {
  @Field(() => String, {
    description: 'Payload path, e.g. "trade.orders.order[1].num"; "payload" for the payload as a whole.',
  })
  field: string;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'A value intake rewrote into canonical form before storing the order.' })
export class IntakeRepair {
  @Field(() => String, {
    description:
      'What was applied: phone-e164, phone-masked, country-iso, currency-case, channel-case, timezone-applied, ' +
      'money-fen. Intakes recorded before orders carried their tax may also show tax-not-in-total.',
  })
  rule: string;

  @Field(() => String, { description: 'Payload path of the value.' })
  field: string;

  @Pii('phone', { when: isPhoneRepair })
  @Field(() => String, {
    description: 'The value as the channel sent it. A phone number is PII: masked without pii:read.',
  })
  from: string;

  @Pii('phone', { when: isPhoneRepair })
  @Field(() => String, {
    description:
      'The stored value; "" when it was dropped (a masked phone). A phone number is PII: masked without pii:read.',
  })
  to: string;
}

/** The phone rules (phone-e164, phone-masked) rewrite a buyer's number: their values are PII. */
function isPhoneRepair(repair: IntakeRepair): boolean {
  return repair.rule.startsWith('phone-');
}

@ObjectType({ description: 'How many accepted orders needed a repair rule.' })
export class IntakeRuleCount {
  @Field(() => String)
  rule: string;

  @Field(() => Int, { description: 'Accepted intakes with at least one repair by this rule.' })
  count: number;
}

@ObjectType({ description: 'How many rejected payloads had a problem at a field.' })
export class IntakeFieldCount {
  @Field(() => String, {
    description: 'Payload path with list positions folded: "lines[].quantity" counts every line.',
  })
  field: string;

  @Field(() => Int, { description: 'Rejected intakes with at least one problem at this field.' })
  count: number;
}

@ObjectType({ description: 'How many accepted orders were flagged with a code.' })
export class IntakeFlagCount {
  @Field(() => String, {
    description:
      "BUYER_ANONYMOUS: the payload named no buyer id, email or phone; the order went to the channel's guest " +
      "customer (a POS walk-in to its store's).",
  })
  flag: string;

  @Field(() => Int, { description: 'Accepted intakes with this flag.' })
  count: number;
}

@ObjectType({
  description:
    'Intake quality of one channel: every placeOrder, importChannelOrder and importChannelOrders item counts once. ' +
    'received = accepted + duplicates + rejected.',
})
export class ChannelIntakeQuality {
  @Field(() => String, {
    description: 'Channel code as received, lower case (a rejected unknown channel is listed too).',
  })
  channel: string;

  @Field(() => Int)
  received: number;

  @Field(() => Int, { description: 'Intakes that created an order.' })
  accepted: number;

  @Field(() => Int, { description: 'Repeats of an order already made (same channel and externalId): created: false.' })
  duplicates: number;

  @Field(() => Int, { description: 'Intakes refused with BAD_USER_INPUT; nothing of them was stored but this record.' })
  rejected: number;

  @Field(() => Int, { description: 'Accepted intakes (orders created) with at least one repair.' })
  repaired: number;

  @Field(() => [IntakeRuleCount], { description: 'Over accepted intakes, most frequent first, then by rule.' })
  repairsByRule: IntakeRuleCount[];

  @Field(() => [IntakeFieldCount], { description: 'Over rejected intakes, most frequent first, then by field.' })
  problemsByField: IntakeFieldCount[];

  @Field(() => [IntakeFlagCount], { description: 'Over accepted intakes, most frequent first, then by flag.' })
  flagsByCode: IntakeFlagCount[];
}

@ObjectType({ description: 'One rejected payload, as recorded when it was refused.' })
export class IntakeRejection {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  channel: string;

  @Field(() => String, {
    nullable: true,
    description: "The channel's order number when the payload had a readable one.",
  })
  externalId: string | null;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => [IntakeProblem], { description: 'Every problem found, as the BAD_USER_INPUT listed them.' })
  problems: IntakeProblem[];

  @Field(() => [IntakeRepair], { description: 'Repairs made before the payload was refused.' })
  repairs: IntakeRepair[];
}
