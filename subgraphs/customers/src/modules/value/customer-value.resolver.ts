import { RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CustomersContext } from '../../context';
import { Customer } from '../customer/customer.type';
import { customerValueService } from './customer-value.service';
import { CustomerValue } from './customer-value.type';

@Resolver(() => Customer)
export class CustomerValueResolver {
  @RequiresScopes('customers:read')
  @FieldResolver(() => CustomerValue, {
    nullable: true,
    description:
      "The customer's value across every channel (RFM scores, tier, channel mix); null for a channel's guest. A " +
      "channel-scoped caller gets the tier and its channels' order counts only.",
  })
  value(@Root() customer: Customer, @Ctx() ctx: CustomersContext) {
    return customerValueService.valueOf(ctx, customer);
  }
}
