import { BoundedArg, InternalOnly } from '@supply-graph/shared';
import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { CustomersContext } from '../../context';
import { IdentifyBuyerInput, identifyBuyerBound } from './identify-buyer.input';
import { identifyBuyer } from './identify-buyer.service';
import { IdentifiedBuyer } from './identify-buyer.type';

/**
 * Service-to-service: the orders subgraph asks who a buyer is at intake.
 * `@InternalOnly` keeps it out of the public graph and open only to the platform's services.
 */
@Resolver()
export class IdentifyBuyerResolver {
  @InternalOnly()
  @Mutation(() => IdentifiedBuyer)
  identifyBuyer(
    @BoundedArg('input', () => IdentifyBuyerInput, identifyBuyerBound) input: IdentifyBuyerInput,
    @Ctx() ctx: CustomersContext,
  ) {
    return identifyBuyer(ctx, input);
  }
}
