import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CustomerTier } from '../value/customer-value.type';
import type { CustomersContext } from '../../context';
import { customerService } from './customer.service';
import { ChannelIdentity, Customer, CustomerConnection } from './customer.type';

@Resolver(() => Customer)
export class CustomerResolver {
  @RequiresScopes('customers:read')
  @Query(() => Customer, {
    nullable: true,
    description:
      'A customer by id; null when there is none, or for a channel-scoped caller when the customer has no account on ' +
      'its channels.',
  })
  customer(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: CustomersContext) {
    return customerService.findById(ctx, id);
  }

  @RequiresScopes('customers:read')
  @Query(() => Customer, {
    nullable: true,
    description: "The customer behind a channel account; null when there is none or the channel is not the caller's.",
  })
  customerByIdentity(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @BoundedArg('externalId', () => String, Bounds.externalId) externalId: string,
    @Ctx() ctx: CustomersContext,
  ) {
    return customerService.findByIdentity(ctx, channel, externalId);
  }

  @RequiresScopes('customers:read')
  @Query(() => CustomerConnection, {
    description:
      'Customers, newest first. `search` matches name, email, phone or a channel identity id. A channel-scoped ' +
      'caller gets only customers with an account on its channels. `tier`: only customers of that value tier.',
  })
  customers(
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @BoundedArg('search', () => String, Bounds.search, { nullable: true }) search: string | null,
    @Arg('tier', () => CustomerTier, { nullable: true, description: 'Only customers of this value tier.' })
    tier: CustomerTier | null,
    @Ctx() ctx: CustomersContext,
  ) {
    return customerService.search(ctx, { first, after, search, tier });
  }

  @FieldResolver(() => [ChannelIdentity], {
    description: "The customer's accounts on every channel (for a channel-scoped caller: on its channels).",
  })
  identities(@Root() customer: Customer, @Ctx() ctx: CustomersContext) {
    return customerService.identities(ctx, customer.id);
  }
}
