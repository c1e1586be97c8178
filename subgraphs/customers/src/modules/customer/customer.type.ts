import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo, Pii } from '@supply-graph/shared';
import type { CustomerValueRow } from '../value/customer-value.loader';

@ObjectType({ description: "A buyer's account on one channel." })
export class ChannelIdentity {
  @Field(() => String, { description: 'Channel code, e.g. "tmall".' })
  channel: string;

  @Field(() => String, { description: "The buyer's id on that channel." })
  externalId: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One golden customer across every channel they buy through.' })
export class Customer {
  @Field(() => ID)
  id: string;

  @Pii('name')
  @Field(() => String, { description: 'PII: without pii:read masked as "Z*** L***" (CJK: "张**").' })
  name: string;

  @Pii('email')
  @Field(() => String, { nullable: true, description: 'PII: without pii:read masked as "z***@example.com".' })
  email: string | null;

  @Pii('phone')
  @Field(() => String, {
    nullable: true,
    description: 'PII: without pii:read masked as "+86 138****0923". E.164 where it could be normalised.',
  })
  phone: string | null;

  @Field(() => Boolean, {
    description:
      'A channel\'s guest: the one customer a channel\'s orders without any buyer identity go to ("Guest (Amazon)"; ' +
      'a store\'s walk-ins, "Walk-in customer (SH-001)"). Never matched to a real buyer; no value tier.',
  })
  guest: boolean;

  @Field(() => Date)
  createdAt: Date;

  /**
   * Not a field: the value facts when the customer was read with them (null: none stored), so `value` needs no
   * statement of its own; undefined when not read (lists), and `value` loads them.
   */
  valueFacts?: CustomerValueRow | null;
}

@ObjectType()
export class CustomerEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Customer)
  node: Customer;
}

@ObjectType()
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges: CustomerEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'All customers matching the query, across pages.' })
  totalCount: number;
}
